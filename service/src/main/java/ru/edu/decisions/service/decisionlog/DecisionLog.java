package ru.edu.decisions.service.decisionlog;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ru.edu.decisions.model.DecisionKind;
import ru.edu.decisions.model.Reason;
import ru.edu.decisions.service.common.JsonCodec;
import tools.jackson.core.type.TypeReference;

/** The append-only decision log. Written in JDBC batches: a 10,000-candidate batch is 10,000 entries. */
@Repository
public class DecisionLog {

    private static final String INSERT = """
            INSERT INTO decision_log (id, kind, source, jurisdiction, rule_set_version, as_of, outcome, grounds, reasons,
                                      input_hash, subject_id, decided_at, decision)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final int BATCH = 1000;
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<List<Reason>> REASONS = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final JdbcClient client;
    private final JsonCodec json;

    public DecisionLog(JdbcTemplate jdbc, JdbcClient client, JsonCodec json) {
        this.jdbc = jdbc;
        this.client = client;
        this.json = json;
    }

    public void append(DecisionRecord record) {
        appendAll(List.of(record));
    }

    public void appendAll(List<DecisionRecord> records) {
        for (int from = 0; from < records.size(); from += BATCH) {
            List<DecisionRecord> chunk = records.subList(from, Math.min(records.size(), from + BATCH));
            jdbc.batchUpdate(INSERT, chunk, chunk.size(), (ps, r) -> {
                ps.setObject(1, r.id());
                ps.setString(2, r.kind().name());
                ps.setString(3, r.source().name());
                ps.setString(4, r.jurisdiction());
                ps.setString(5, r.ruleSetVersion());
                ps.setDate(6, Date.valueOf(r.asOf()));
                ps.setString(7, r.outcome());
                ps.setString(8, json.write(r.grounds()));
                ps.setString(9, json.write(r.reasons()));
                ps.setString(10, r.inputHash());
                ps.setObject(11, r.subjectId());
                ps.setTimestamp(12, Timestamp.from(r.decidedAt()));
                ps.setString(13, r.decision());
            });
        }
    }

    public Optional<DecisionRecord> find(UUID id) {
        return client.sql("SELECT * FROM decision_log WHERE id = ?").param(id).query(mapper()).optional();
    }

    /** The decisions made about one stored record, newest first. */
    public List<DecisionRecord> forSubject(UUID subjectId) {
        return client.sql("SELECT * FROM decision_log WHERE subject_id = ? ORDER BY decided_at DESC, id")
                .param(subjectId).query(mapper()).list();
    }

    public long count() {
        return client.sql("SELECT count(*) FROM decision_log").query(Long.class).single();
    }

    private RowMapper<DecisionRecord> mapper() {
        return (ResultSet rs, int row) -> new DecisionRecord(
                rs.getObject("id", UUID.class),
                DecisionKind.valueOf(rs.getString("kind")),
                DecisionRecord.Source.valueOf(rs.getString("source")),
                rs.getString("jurisdiction"),
                rs.getString("rule_set_version"),
                rs.getDate("as_of").toLocalDate(),
                rs.getString("outcome"),
                json.read(rs.getString("grounds"), STRINGS),
                json.read(rs.getString("reasons"), REASONS),
                rs.getString("input_hash"),
                rs.getObject("subject_id", UUID.class),
                timestamp(rs, "decided_at"),
                rs.getString("decision"));
    }

    private static java.time.Instant timestamp(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }
}
