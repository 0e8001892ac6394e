package ru.edu.decisions.service.decisionlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.util.unit.DataSize;
import ru.edu.decisions.model.DecisionKind;
import ru.edu.decisions.model.Reason;
import ru.edu.decisions.model.ReasonStatus;
import ru.edu.decisions.service.common.ApiException;
import ru.edu.decisions.service.common.JsonCodec;
import tools.jackson.databind.json.JsonMapper;

/**
 * The group-commit writer on the embedded database, with a data source that can be switched off as a database
 * outage would: entries are durable when the call returns, spooled while the database is away, replayed exactly once.
 */
class DecisionLogWriterTest {

    /** A data source whose connections fail, as while the database cannot be reached. */
    static final class Switchable extends DelegatingDataSource {
        volatile boolean down;

        Switchable(javax.sql.DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (down) {
                throw new SQLTransientConnectionException("database unreachable", "08001");
            }
            return super.getConnection();
        }
    }

    @TempDir
    Path spoolDir;

    private Switchable database;
    private JdbcTemplate jdbc;
    private DecisionLogTable table;
    private JsonCodec json;
    private final List<DecisionLogWriter> writers = new ArrayList<>();

    @BeforeEach
    void database() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:writer-" + UUID.randomUUID() + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        database = new Switchable(h2);
        jdbc = new JdbcTemplate(database);
        json = new JsonCodec(JsonMapper.builder().build());
        table = new DecisionLogTable(jdbc, json, new DataSourceTransactionManager(database));
    }

    @AfterEach
    void stop() throws Exception {
        for (DecisionLogWriter writer : writers) {
            writer.destroy();
        }
    }

    private DecisionLogWriter writer(long spoolMaxEntries) {
        // The replay is driven by the test (an hour between the writer's own attempts).
        DecisionLogWriter writer = new DecisionLogWriter(table, new DecisionLogProperties(spoolDir, spoolMaxEntries,
                DataSize.ofMegabytes(10), 100, 1000, Duration.ofHours(1), Duration.ofSeconds(30)), json);
        writers.add(writer);
        return writer;
    }

    private static DecisionRecord entry(int n) {
        return new DecisionRecord(UUID.randomUUID(), DecisionKind.ELIGIBILITY, DecisionRecord.Source.API, "ust-ishim",
                "2023.1+abc", LocalDate.of(2026, 11, 23), "ELIGIBLE", List.of("3.2.1"),
                List.of(new Reason("3.2.1", ReasonStatus.MET, "Стаж " + n + " лет")), "hash-" + n, null,
                Instant.parse("2026-11-28T10:00:00Z").plusMillis(n), "{\"n\":" + n + "}");
    }

    private long rows(List<DecisionRecord> entries) {
        long found = 0;
        for (DecisionRecord entry : entries) {
            found += jdbc.queryForObject("SELECT count(*) FROM decision_log WHERE id = ?", Long.class, entry.id());
        }
        return found;
    }

    @Test
    void concurrentRequestsAreAnsweredOnlyOnceTheirEntriesAreCommitted() throws Exception {
        DecisionLogWriter writer = writer(1000);
        List<DecisionRecord> entries = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            DecisionRecord entry = entry(i);
            calls.add(clients.submit(() -> {
                start.await();
                writer.appendDurably(List.of(entry));
                // Answered: the entry is in the database, whatever happens next.
                assertThat(jdbc.queryForObject("SELECT count(*) FROM decision_log WHERE id = ?", Long.class, entry.id())).isEqualTo(1);
                entries.add(entry);
                return null;
            }));
        }
        start.countDown();
        for (Future<?> call : calls) {
            call.get();
        }
        clients.shutdown();
        assertThat(rows(entries)).isEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM decision_log", Long.class)).isEqualTo(400);
        assertThat(writer.spooled()).isZero();
    }

    @Test
    void duringAnOutageEntriesAreSpooledAndReplayedExactlyOnceInOrder() {
        DecisionLogWriter writer = writer(1000);
        List<DecisionRecord> before = List.of(entry(0));
        writer.appendDurably(before);

        database.down = true;
        List<DecisionRecord> during = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            DecisionRecord entry = entry(i);
            writer.appendDurably(List.of(entry));
            during.add(entry);
        }
        assertThat(writer.spooled()).isEqualTo(5);
        writer.replay(); // the database is still away: nothing moves
        assertThat(writer.spooled()).isEqualTo(5);

        database.down = false;
        // Until the spool is replayed, new entries join it behind the older ones, so the order holds.
        DecisionRecord after = entry(6);
        writer.appendDurably(List.of(after));
        assertThat(writer.spooled()).isEqualTo(6);
        assertThat(rows(during)).isZero();

        writer.replay();
        assertThat(writer.spooled()).isZero();
        assertThat(rows(before) + rows(during) + rows(List.of(after))).isEqualTo(7);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM decision_log", Long.class)).isEqualTo(7);
        assertThat(jdbc.queryForList("SELECT outcome, reasons, decision FROM decision_log WHERE id = ?", during.get(2).id()).get(0))
                .containsEntry("OUTCOME", "ELIGIBLE").containsEntry("DECISION", "{\"n\":3}");

        DecisionRecord next = entry(7);
        writer.appendDurably(List.of(next));
        assertThat(rows(List.of(next))).as("back to the database directly").isEqualTo(1);
        assertThat(writer.spooled()).isZero();
    }

    @Test
    void anEntryCommittedBeforeACrashIsNotInsertedTwiceByTheReplay() throws Exception {
        DecisionLogWriter first = writer(1000);
        database.down = true;
        List<DecisionRecord> spooled = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            spooled.add(entry(i));
        }
        first.appendDurably(spooled.subList(0, 3));
        first.appendDurably(spooled.subList(3, 5));
        first.destroy();
        writers.remove(first);
        database.down = false;
        // A replay committed the first two and died before it moved the spool's head past them.
        table.insertCommitted(spooled.subList(0, 2), false);

        DecisionLogWriter restarted = writer(1000);
        assertThat(restarted.spooled()).as("the spool is found again at start").isEqualTo(5);
        restarted.replay();

        assertThat(restarted.spooled()).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM decision_log", Long.class)).isEqualTo(5);
        assertThat(rows(spooled)).isEqualTo(5);
    }

    @Test
    void aFullSpoolRefusesTheDecisionWith503() {
        DecisionLogWriter writer = writer(3);
        database.down = true;
        writer.appendDurably(List.of(entry(1), entry(2)));

        assertThatThrownBy(() -> writer.appendDurably(List.of(entry(3), entry(4))))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(503);
                    assertThat(e.getMessage()).contains("журнал решений заполнен");
                });
        writer.appendDurably(List.of(entry(5)));
        assertThat(writer.spooled()).isEqualTo(3);
    }

    @Test
    void aBatchOfTenThousandIsOneDurableAppend() {
        DecisionLogWriter writer = writer(1000);
        List<DecisionRecord> batch = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            batch.add(entry(i));
        }
        writer.appendDurably(batch);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM decision_log", Long.class)).isEqualTo(10_000);
    }
}
