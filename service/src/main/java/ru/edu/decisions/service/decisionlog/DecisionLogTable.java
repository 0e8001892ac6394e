package ru.edu.decisions.service.decisionlog;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.edu.decisions.service.common.JsonCodec;

/** The {@code decision_log} table's inserts, in JDBC batches. */
@Component
public class DecisionLogTable {

    private static final String INSERT = """
            INSERT INTO decision_log (id, kind, source, jurisdiction, rule_set_version, as_of, outcome, grounds, reasons,
                                      input_hash, subject_id, decided_at, decision)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    /** A replayed entry may already be in the table (committed before a crash): it is skipped, never doubled. */
    private static final String INSERT_ONCE = INSERT + " ON CONFLICT DO NOTHING";
    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;
    private final JsonCodec json;
    private final TransactionTemplate transaction;

    DecisionLogTable(JdbcTemplate jdbc, JsonCodec json, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Inserts in the caller's transaction, if any (a workflow's decision commits with its record). */
    void insert(List<DecisionRecord> records) {
        insert(INSERT, records);
    }

    /** Inserts in one transaction of its own: all of them are committed when this returns, or none. */
    void insertCommitted(List<DecisionRecord> records, boolean skipExisting) {
        transaction.executeWithoutResult(status -> insert(skipExisting ? INSERT_ONCE : INSERT, records));
    }

    private void insert(String sql, List<DecisionRecord> records) {
        for (int from = 0; from < records.size(); from += BATCH) {
            List<DecisionRecord> chunk = records.subList(from, Math.min(records.size(), from + BATCH));
            jdbc.batchUpdate(sql, chunk, chunk.size(), (ps, r) -> {
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
}
