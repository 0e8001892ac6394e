package ru.edu.decisions.service.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ru.edu.decisions.service.common.Ids;
import ru.edu.decisions.service.common.PageView;

/**
 * Every read and export of a person's personal data (ФИО, дата рождения, контакты — 152-ФЗ): who, when, which
 * record. Written by the features that show personal data, in the same transaction as the read.
 */
@Repository
public class PersonalDataAccessLog {

    public enum Action { READ, EXPORT }

    /**
     * What was read: a stored record with personal data, or (when a workflow decision names no record) the logged
     * decision itself. A workflow decision read from the decision log is recorded under the record it was made
     * about: a candidate, a route or a mentoring run.
     */
    public enum RecordKind { CANDIDATE, TEACHER, REGISTRY_MEMBER, MENTORING_RUN, ROUTE, DECISION }

    /** One recorded access. */
    public record Entry(UUID id, Instant accessedAt, String actor, Action action, RecordKind recordKind, UUID recordId,
                        String jurisdiction) {
    }

    /** A record whose personal data is being read: its kind, id and jurisdiction. */
    public record Subject(RecordKind kind, UUID id, String jurisdiction) {
    }

    private final JdbcTemplate jdbc;
    private final JdbcClient sql;
    private final CurrentActor current;
    private final Clock clock;

    public PersonalDataAccessLog(JdbcTemplate jdbc, JdbcClient sql, CurrentActor current, Clock clock) {
        this.jdbc = jdbc;
        this.sql = sql;
        this.current = current;
        this.clock = clock;
    }

    public void record(Action action, RecordKind kind, UUID id, String jurisdiction) {
        record(action, List.of(new Subject(kind, id, jurisdiction)));
    }

    public void record(Action action, Collection<Subject> subjects) {
        if (subjects.isEmpty()) {
            return;
        }
        String actor = current.name() == null ? "system" : current.name();
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> rows = new ArrayList<>(subjects.size());
        for (Subject subject : subjects) {
            rows.add(new Object[] {Ids.newId(), now, actor, action.name(), subject.kind().name(), subject.id(), subject.jurisdiction()});
        }
        jdbc.batchUpdate("""
                INSERT INTO personal_data_access (id, accessed_at, actor, action, record_kind, record_id, jurisdiction)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    /** The newest accesses first, optionally to one record. */
    public PageView<Entry> list(@Nullable UUID recordId, int page, int size) {
        String where = recordId == null ? "" : " WHERE record_id = :record";
        var total = sql.sql("SELECT count(*) FROM personal_data_access" + where)
                .paramSource(recordId == null ? java.util.Map.of() : java.util.Map.of("record", recordId)).query(Long.class).single();
        var query = sql.sql("SELECT * FROM personal_data_access" + where + " ORDER BY accessed_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("limit", size).param("offset", (long) page * size);
        if (recordId != null) {
            query = query.param("record", recordId);
        }
        List<Entry> entries = query.query((rs, n) -> new Entry(rs.getObject("id", UUID.class),
                rs.getTimestamp("accessed_at").toInstant(), rs.getString("actor"), Action.valueOf(rs.getString("action")),
                RecordKind.valueOf(rs.getString("record_kind")), rs.getObject("record_id", UUID.class),
                rs.getString("jurisdiction"))).list();
        return PageView.of(entries, page, size, total);
    }
}
