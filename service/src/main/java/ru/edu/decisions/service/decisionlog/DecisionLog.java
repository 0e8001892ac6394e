package ru.edu.decisions.service.decisionlog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import ru.edu.decisions.model.DecisionKind;
import ru.edu.decisions.model.Reason;
import ru.edu.decisions.service.common.JsonCodec;
import tools.jackson.core.type.TypeReference;

/**
 * The append-only decision log. A workflow's entries are inserted in the workflow's own transaction (they commit
 * with the record they belong to). The stateless decisions' entries go through the {@link DecisionLogWriter}: group
 * commits, and the local spool while the database cannot be reached; each call returns once its entries are durable.
 * Written in JDBC batches: a 10,000-candidate batch is 10,000 entries.
 */
@Repository
public class DecisionLog {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<List<Reason>> REASONS = new TypeReference<>() { };

    private final JdbcClient client;
    private final JsonCodec json;
    private final DecisionLogTable table;
    private final DecisionLogWriter writer;

    DecisionLog(JdbcClient client, JsonCodec json, DecisionLogTable table, DecisionLogWriter writer) {
        this.client = client;
        this.json = json;
        this.table = table;
        this.writer = writer;
    }

    public void append(DecisionRecord record) {
        appendAll(List.of(record));
    }

    /**
     * Appends and returns once the entries are durable. Inside a transaction (a workflow) they are inserted in it;
     * otherwise entries of the stateless decisions are group-committed (or spooled through an outage, see
     * {@link DecisionLogWriter}); a 503 {@code ApiException} when they cannot be made durable.
     */
    public void appendAll(List<DecisionRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        if (TransactionSynchronizationManager.isActualTransactionActive()
                || records.stream().anyMatch(r -> r.source() != DecisionRecord.Source.API)) {
            table.insert(records);
            return;
        }
        writer.appendDurably(records);
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
