package ru.edu.decisions.service.decisionlog;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How the decision log is written ({@code decisions.decision-log.*}, see application.yaml).
 *
 * @param spoolDir         where entries wait while the database cannot be reached (one instance per directory)
 * @param spoolMaxEntries  the most entries the spool holds; beyond, decisions are refused with 503
 * @param spoolMaxSize     the most bytes of entries the spool holds; beyond, decisions are refused with 503
 * @param groupMax         the most entries written in one group commit
 * @param queueCapacity    the most requests waiting for the writer; beyond, decisions are refused with 503
 * @param replayInterval   how often a non-empty spool is tried against the database
 * @param waitTimeout      how long a request waits for its entry to be durable before it is refused with 503
 */
@ConfigurationProperties("decisions.decision-log")
public record DecisionLogProperties(
        @Nullable Path spoolDir,
        long spoolMaxEntries,
        @Nullable DataSize spoolMaxSize,
        int groupMax,
        int queueCapacity,
        @Nullable Duration replayInterval,
        @Nullable Duration waitTimeout) {

    public DecisionLogProperties {
        spoolDir = spoolDir == null ? Path.of("data", "spool") : spoolDir;
        spoolMaxEntries = spoolMaxEntries <= 0 ? 1_000_000 : spoolMaxEntries;
        spoolMaxSize = spoolMaxSize == null ? DataSize.ofMegabytes(1024) : spoolMaxSize;
        groupMax = groupMax <= 0 ? 2000 : groupMax;
        queueCapacity = queueCapacity <= 0 ? 10_000 : queueCapacity;
        replayInterval = replayInterval == null ? Duration.ofSeconds(1) : replayInterval;
        waitTimeout = waitTimeout == null ? Duration.ofSeconds(30) : waitTimeout;
    }

    /** The defaults. */
    public static DecisionLogProperties defaults() {
        return new DecisionLogProperties(null, 0, null, 0, 0, null, null);
    }
}
