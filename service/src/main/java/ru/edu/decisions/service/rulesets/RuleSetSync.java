package ru.edu.decisions.service.rulesets;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import ru.edu.decisions.rules.engine.DecisionEngine;

/**
 * Brings a publication or rollback made on another instance to this one. On PostgreSQL the instance that publishes
 * sends {@code NOTIFY rule_sets} in the publishing transaction (delivered when it commits), and every instance listens
 * on a connection of its own and loads the new rule base at once; only the changed rule sets are compiled (the
 * compiler reuses the rest), and requests in flight finish on the snapshot they started with. On any database (H2,
 * or when the listening connection is down) the instance also compares the published versions with those it last
 * loaded every few seconds.
 */
@Component
class RuleSetSync implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RuleSetSync.class);
    static final String CHANNEL = "rule_sets";
    /** A new publishable draft: every instance compiles it ahead, so its publication only switches the rules. */
    static final String DRAFTS = "rule_set_drafts";

    private final JdbcClient sql;
    private final ru.edu.decisions.service.common.JsonCodec json;
    private final DecisionEngine engine;
    private final RuleSetTimeline timeline;
    private final Environment environment;
    private final RuleSetVersionRepository versions;
    private final RuleBaseLoader loader;
    private final ru.edu.decisions.rules.engine.RuleSetCompiler compiler;
    private final java.util.concurrent.ExecutorService preparing = java.util.concurrent.Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "rule-set-prepare");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.setContextClassLoader(RuleSetSync.class.getClassLoader());
        return thread;
    });
    private final boolean postgres;
    private volatile String seen;
    private volatile boolean stopped;
    private volatile Thread listener;

    RuleSetSync(JdbcClient sql, DecisionEngine engine, RuleSetTimeline timeline, Environment environment,
                RuleSetVersionRepository versions, RuleBaseLoader loader, ru.edu.decisions.rules.engine.RuleSetCompiler compiler,
                ru.edu.decisions.service.common.JsonCodec json) {
        this.json = json;
        this.versions = versions;
        this.loader = loader;
        this.compiler = compiler;
        this.sql = sql;
        this.engine = engine;
        this.timeline = timeline;
        this.environment = environment;
        this.postgres = String.valueOf(environment.getProperty("spring.datasource.url")).startsWith("jdbc:postgresql:");
        this.seen = fingerprint();
    }

    private String fingerprint() {
        return sql.sql("SELECT id, status, effective_from FROM rule_set_version WHERE status IN ('PUBLISHED', 'SUPERSEDED') ORDER BY id")
                .query((rs, n) -> rs.getString(1) + ":" + rs.getString(2) + ":" + rs.getString(3)).list().toString();
    }

    @Scheduled(fixedDelayString = "${decisions.rules-sync-interval:5s}", initialDelayString = "${decisions.rules-sync-interval:5s}")
    void sync() {
        if (!Objects.equals(fingerprint(), seen)) {
            long started = System.nanoTime();
            if (reloadCommitted()) {
                log.info("Published rule-set versions changed; rules reloaded in {} ms", (System.nanoTime() - started) / 1_000_000);
            }
        }
    }

    /**
     * Loads the rule base of the committed versions (after this instance published or rolled back, or when told that
     * another did). The versions are read before the rule base is built, so a publication committed in between is
     * loaded again by the next comparison, never missed.
     */
    synchronized boolean reloadCommitted() {
        String now = fingerprint();
        DecisionEngine.Reload reload = engine.reload(timeline::build);
        if (reload.applied()) {
            seen = now;
        }
        return reload.applied();
    }

    /** Tells the other instances (PostgreSQL: delivered when the publishing transaction commits). */
    void announce(String jurisdiction) {
        if (postgres) {
            sql.sql("SELECT pg_notify('" + CHANNEL + "', ?)").param(jurisdiction).query((rs, n) -> 1).list();
        }
    }

    /** Tells the other instances about a new publishable draft, so they compile it ahead of its publication. */
    void announceDraft(java.util.UUID id) {
        if (postgres) {
            sql.sql("SELECT pg_notify('" + DRAFTS + "', ?)").param(id.toString()).query((rs, n) -> 1).list();
        }
    }

    /** At most this many drafts are compiled ahead at once (the compiler keeps the 48 rule sets used last). */
    private static final int MAX_PREPARED = 12;

    /**
     * Compiles ahead, in the background, every stored draft that is publishable and still based on the latest
     * publication of its jurisdiction (newest first): an instance that started after the draft was announced, or
     * missed its notification while its listening connection was down, then serves its publication by switching rules.
     */
    void prepareStored() {
        preparing.submit(() -> {
            try {
                long started = System.nanoTime();
                java.util.Map<String, java.util.Optional<java.util.UUID>> heads = new java.util.HashMap<>();
                for (RuleSetVersion head : versions.findByStatus(RuleSetVersion.Status.PUBLISHED)) {
                    heads.merge(head.jurisdiction(), java.util.Optional.of(head.id()), (a, b) -> a);
                }
                java.util.List<RuleSetVersion> drafts = versions.findByStatus(RuleSetVersion.Status.DRAFT).stream()
                        .filter(d -> publishable(d) && java.util.Objects.equals(
                                heads.getOrDefault(d.jurisdiction(), java.util.Optional.empty()).orElse(null), d.baseVersionId()))
                        .sorted(java.util.Comparator.comparing(RuleSetVersion::createdAt).reversed())
                        .limit(MAX_PREPARED).toList();
                int compiled = 0;
                for (RuleSetVersion draft : drafts) {
                    if (stopped) {
                        return;
                    }
                    compiled += compileAhead(draft) ? 1 : 0;
                }
                if (!drafts.isEmpty()) {
                    log.info("{} stored publishable draft(s) compiled ahead of their publication in {} ms", compiled,
                            (System.nanoTime() - started) / 1_000_000);
                }
            } catch (RuntimeException e) {
                log.debug("Stored drafts not compiled ahead: {}", e.toString());
            }
        });
    }

    /** A complete draft that compiled and passed its scenario tables when it was checked. */
    private boolean publishable(RuleSetVersion draft) {
        if (!draft.complete()) {
            return false;
        }
        java.util.List<?> problems = draft.checkResult() == null ? java.util.List.of() : json.read(draft.checkResult(), java.util.List.class);
        RuleSetViews.ScenarioReport scenarios = draft.scenarioResult() == null ? null
                : json.read(draft.scenarioResult(), RuleSetViews.ScenarioReport.class);
        return problems.isEmpty() && (scenarios == null || scenarios.failures().isEmpty());
    }

    private boolean compileAhead(RuleSetVersion draft) {
        try {
            compiler.compile(timeline.source(draft.jurisdiction(), loader.completeFiles(draft), "черновик " + draft.id()));
            return true;
        } catch (RuntimeException e) {
            log.debug("Draft {} not compiled ahead: {}", draft.id(), e.toString());
            return false;
        }
    }

    /** Compiles a draft in the background (the compiler keeps it): its publication then needs no compilation here. */
    private void prepare(String id) {
        preparing.submit(() -> {
            try {
                versions.findById(java.util.UUID.fromString(id)).ifPresent(draft -> {
                    long started = System.nanoTime();
                    compiler.compile(timeline.source(draft.jurisdiction(), loader.completeFiles(draft), "черновик " + id));
                    log.info("Draft {} of {} compiled ahead of its publication in {} ms", id, draft.jurisdiction(),
                            (System.nanoTime() - started) / 1_000_000);
                });
            } catch (RuntimeException e) {
                log.debug("Draft {} not compiled ahead: {}", id, e.toString());
            }
        });
    }

    /**
     * Serialises publications and rollbacks of one jurisdiction across instances until the transaction ends
     * (PostgreSQL advisory lock): two approvers publishing at once cannot both see the same latest version.
     */
    void lockJurisdiction(String jurisdiction) {
        if (postgres) {
            sql.sql("SELECT pg_advisory_xact_lock(?, ?)").params(0x52554c45, jurisdiction.hashCode())
                    .query((rs, n) -> 1).list();
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void listen() {
        if (!postgres) {
            prepareStored(); // on PostgreSQL the listening loop does it each time it connects
            return;
        }
        if (listener != null) {
            return;
        }
        Thread thread = new Thread(this::listenLoop, "rule-set-listener");
        thread.setDaemon(true);
        listener = thread;
        thread.start();
    }

    /** A connection of its own (not from the pool) waits for notifications; it reconnects after a failure. */
    private void listenLoop() {
        while (!stopped) {
            try (Connection connection = DriverManager.getConnection(environment.getProperty("spring.datasource.url"),
                    environment.getProperty("spring.datasource.username"), environment.getProperty("spring.datasource.password"))) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                    statement.execute("LISTEN " + DRAFTS);
                }
                Class<?> pgConnection = Class.forName("org.postgresql.PGConnection");
                Class<?> pgNotification = Class.forName("org.postgresql.PGNotification");
                Object pg = connection.unwrap(pgConnection);
                Method notifications = pgConnection.getMethod("getNotifications", int.class);
                Method channel = pgNotification.getMethod("getName");
                Method parameter = pgNotification.getMethod("getParameter");
                sync(); // anything published while this instance was not listening
                prepareStored(); // and drafts announced meanwhile (or before this instance started)
                while (!stopped) {
                    Object[] received = (Object[]) notifications.invoke(pg, 500);
                    boolean published = false;
                    for (Object notification : received == null ? new Object[0] : received) {
                        if (DRAFTS.equals(channel.invoke(notification))) {
                            prepare(String.valueOf(parameter.invoke(notification)));
                        } else {
                            published = true;
                        }
                    }
                    if (published) {
                        sync();
                    }
                }
            } catch (Exception e) {
                if (!stopped) {
                    log.warn("Listening for rule-set publications failed ({}); polling continues, retrying in 5 s", e.getClass().getName());
                    try {
                        Thread.sleep(5000);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    @Override
    public void destroy() {
        stopped = true;
        preparing.shutdownNow();
        Thread thread = listener;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
