package ru.edu.decisions.service.decisionlog;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import ru.edu.decisions.model.DecisionKind;
import ru.edu.decisions.model.Reason;
import ru.edu.decisions.service.common.ApiException;
import ru.edu.decisions.service.common.DatabaseOutage;
import ru.edu.decisions.service.common.JsonCodec;

/**
 * Writes the stateless decisions' log entries in group commits: requests put their entries in a bounded queue, one
 * writer thread takes whatever has gathered and inserts it in one transaction, and each request is answered only
 * after the commit that holds its entry — so under load many decisions share one commit, and none is acknowledged
 * before it is durable.
 *
 * <p>While the database cannot be reached, the writer puts the entries into the local {@link DecisionSpool} instead
 * (forced to disk before the requests are answered), and keeps doing so as long as the spool holds anything, so
 * the database receives the entries in the order they were decided. A replayer moves the spool into the database
 * (an entry already there is skipped) as soon as it answers again. A full spool refuses decisions with 503.
 */
@Component
public class DecisionLogWriter implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DecisionLogWriter.class);

    private final DecisionLogTable table;
    private final DecisionLogProperties properties;
    private final DecisionSpool.Codec<DecisionRecord> codec;
    private final BlockingQueue<Pending> queue;
    private final Thread writer;
    private final ScheduledExecutorService replayer;
    private final Object spoolOpening = new Object();
    private volatile @Nullable DecisionSpool spool;
    private volatile boolean running = true;
    private volatile boolean outageReported;

    /** Entries of one request and the answer it waits for. */
    private record Pending(List<DecisionRecord> records, CompletableFuture<Void> durable) {
    }

    public DecisionLogWriter(DecisionLogTable table, DecisionLogProperties properties, JsonCodec json) {
        this.table = table;
        this.properties = properties;
        this.codec = codec(json);
        this.queue = new ArrayBlockingQueue<>(properties.queueCapacity());
        ClassLoader loader = DecisionLogWriter.class.getClassLoader();
        this.writer = new Thread(this::run, "decision-log-writer");
        this.writer.setDaemon(true);
        this.writer.setContextClassLoader(loader);
        this.replayer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "decision-log-replay");
            thread.setDaemon(true);
            thread.setContextClassLoader(loader);
            return thread;
        });
        if (DecisionSpool.hasEntries(properties.spoolDir())) {
            try {
                openSpool(); // entries left from an earlier run: replayed as soon as the database answers
            } catch (IOException e) {
                log.error("The decision-log spool in {} could not be opened ({}); its entries wait", properties.spoolDir(),
                        e.getClass().getName());
            }
        }
        this.writer.start();
        long interval = properties.replayInterval().toMillis();
        this.replayer.scheduleWithFixedDelay(this::replay, interval, interval, TimeUnit.MILLISECONDS);
    }

    /**
     * Appends these entries and returns once they are durable: committed to the database, or (while it cannot be
     * reached) forced to the local spool. A 503 {@link ApiException} when they cannot be made durable.
     */
    public void appendDurably(List<DecisionRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        Pending pending = new Pending(List.copyOf(records), new CompletableFuture<>());
        if (!running) {
            throw unavailable("Сервис останавливается");
        }
        if (!queue.offer(pending)) {
            throw unavailable("Слишком много решений ждут записи в журнал решений");
        }
        try {
            pending.durable().get(properties.waitTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("Запись в журнал решений прервана");
        } catch (TimeoutException e) {
            throw unavailable("Журнал решений не успел записать решение");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static ApiException unavailable(String why) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "decision-log-unavailable", "Сервис временно недоступен",
                why + ", поэтому решение не выдано (решение без записи в журнал не выдаётся). Повторите запрос через "
                        + DatabaseOutage.RETRY_AFTER_SECONDS + " с");
    }

    private void run() {
        List<Pending> group = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.clear();
                group.add(first);
                int size = first.records().size();
                Pending next;
                while (size < properties.groupMax() && (next = queue.peek()) != null
                        && size + next.records().size() <= properties.groupMax()) {
                    group.add(queue.poll());
                    size += next.records().size();
                }
                write(List.copyOf(group));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                for (Pending pending : group) {
                    pending.durable().completeExceptionally(e);
                }
                log.error("Decision-log writer failed ({})", e.getClass().getName());
            }
        }
    }

    /** One group: committed to the database, or spooled while the database is away or the spool not yet replayed. */
    private void write(List<Pending> group) {
        List<DecisionRecord> records = new ArrayList<>();
        group.forEach(p -> records.addAll(p.records()));
        DecisionSpool current = spool;
        if (current == null || current.isEmpty()) {
            try {
                table.insertCommitted(records, false);
                group.forEach(p -> p.durable().complete(null));
                return;
            } catch (RuntimeException e) {
                if (!DatabaseOutage.isCause(e)) {
                    failOneByOne(group, e);
                    return;
                }
                reportOutage(e);
            }
        }
        try {
            openSpool().append(records, codec);
            group.forEach(p -> p.durable().complete(null));
        } catch (DecisionSpool.FullException e) {
            log.warn("Decision-log spool full: {} decisions refused", records.size());
            group.forEach(p -> p.durable().completeExceptionally(unavailable(
                    "База данных недоступна, а локальный журнал решений заполнен")));
        } catch (IOException | RuntimeException e) {
            log.error("Decision-log spool not written ({}): {} decisions refused", e.getClass().getName(), records.size());
            group.forEach(p -> p.durable().completeExceptionally(unavailable(
                    "База данных недоступна, а локальный журнал решений не удалось записать")));
        }
    }

    /** A group failed for a reason other than the database being away: each request's entries on their own. */
    private void failOneByOne(List<Pending> group, RuntimeException failure) {
        if (group.size() == 1) {
            group.get(0).durable().completeExceptionally(failure);
            return;
        }
        for (Pending pending : group) {
            write(List.of(pending));
        }
    }

    private void reportOutage(RuntimeException e) {
        if (!outageReported) {
            outageReported = true;
            log.warn("Database unavailable ({}): decision-log entries go to the local spool in {}", e.getClass().getName(),
                    properties.spoolDir().toAbsolutePath());
        }
    }

    private DecisionSpool openSpool() throws IOException {
        DecisionSpool current = spool;
        if (current != null) {
            return current;
        }
        synchronized (spoolOpening) {
            if (spool == null) {
                spool = DecisionSpool.open(properties.spoolDir(), properties.spoolMaxEntries(),
                        properties.spoolMaxSize().toBytes());
            }
            return spool;
        }
    }

    /** Moves the spool into the database, chunk by chunk, oldest first; stops at the first failure (next time again). */
    void replay() {
        DecisionSpool current = spool;
        if (current == null || current.isEmpty()) {
            return;
        }
        long replayed = 0;
        try {
            while (!current.isEmpty()) {
                DecisionSpool.Chunk<DecisionRecord> chunk = current.peek(properties.groupMax(), codec);
                table.insertCommitted(chunk.entries(), true);
                current.advance(chunk);
                replayed += chunk.entries().size();
            }
            outageReported = false;
            log.info("Decision-log spool replayed into the database: {} entries", replayed);
        } catch (RuntimeException | IOException e) {
            if (replayed > 0 || !DatabaseOutage.isCause(e)) {
                log.warn("Decision-log spool replay stopped after {} entries ({}); {} wait, retried in {}", replayed,
                        e.getClass().getName(), current.entries(), properties.replayInterval());
            }
        }
    }

    /** Entries in the local spool, not yet in the database. */
    public long spooled() {
        DecisionSpool current = spool;
        return current == null ? 0 : current.entries();
    }

    @Override
    public void destroy() throws Exception {
        running = false;
        writer.join(properties.waitTimeout().toMillis());
        replayer.shutdown();
        replayer.awaitTermination(properties.waitTimeout().toMillis(), TimeUnit.MILLISECONDS);
        for (Pending pending; (pending = queue.poll()) != null; ) {
            pending.durable().completeExceptionally(unavailable("Сервис останавливается"));
        }
        DecisionSpool current = spool;
        if (current != null) {
            current.close();
        }
    }

    /** A spooled entry: the decision document as text (the record's own JSON form embeds it raw). */
    record Spooled(UUID id, DecisionKind kind, DecisionRecord.Source source, String jurisdiction,
                           String ruleSetVersion, LocalDate asOf, @Nullable String outcome, List<String> grounds,
                           List<Reason> reasons, String inputHash, @Nullable UUID subjectId, Instant decidedAt,
                           String decision) {
    }

    static DecisionSpool.Codec<DecisionRecord> codec(JsonCodec json) {
        return new DecisionSpool.Codec<>() {
            @Override
            public byte[] encode(DecisionRecord r) {
                return json.mapper().writeValueAsBytes(new Spooled(r.id(), r.kind(), r.source(), r.jurisdiction(),
                        r.ruleSetVersion(), r.asOf(), r.outcome(), r.grounds(), r.reasons(), r.inputHash(), r.subjectId(),
                        r.decidedAt(), r.decision()));
            }

            @Override
            public DecisionRecord decode(byte[] bytes) {
                Spooled s = json.read(new String(bytes, java.nio.charset.StandardCharsets.UTF_8), Spooled.class);
                return new DecisionRecord(s.id(), s.kind(), s.source(), s.jurisdiction(), s.ruleSetVersion(), s.asOf(),
                        s.outcome(), s.grounds(), s.reasons(), s.inputHash(), s.subjectId(), s.decidedAt(), s.decision());
            }
        };
    }
}
