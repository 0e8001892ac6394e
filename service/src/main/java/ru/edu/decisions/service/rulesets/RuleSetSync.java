package ru.edu.decisions.service.rulesets;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import ru.edu.decisions.rules.engine.DecisionEngine;

/**
 * Brings a publication or rollback made on another instance to this one: every few seconds it compares the
 * published versions in the database with those it last loaded and reloads when they differ.
 */
@Component
class RuleSetSync {

    private static final Logger log = LoggerFactory.getLogger(RuleSetSync.class);

    private final JdbcClient sql;
    private final DecisionEngine engine;
    private final RuleBaseLoader loader;
    private volatile String seen;

    RuleSetSync(JdbcClient sql, DecisionEngine engine, RuleBaseLoader loader) {
        this.sql = sql;
        this.engine = engine;
        this.loader = loader;
        this.seen = fingerprint();
    }

    private String fingerprint() {
        return sql.sql("SELECT id FROM rule_set_version WHERE status = 'PUBLISHED' ORDER BY id")
                .query(String.class).list().toString();
    }

    @Scheduled(fixedDelayString = "${decisions.rules-sync-interval:5s}", initialDelayString = "${decisions.rules-sync-interval:5s}")
    void sync() {
        String now = fingerprint();
        if (!Objects.equals(now, seen)) {
            DecisionEngine.Reload reload = engine.reload(loader.load());
            if (reload.applied()) {
                seen = now;
                log.info("Published rule-set versions changed elsewhere; rules reloaded");
            }
        }
    }

    /** After this instance published or rolled back itself. */
    void acknowledge() {
        seen = fingerprint();
    }
}
