package ru.edu.decisions.service.common;

import java.time.Duration;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The service's own settings ({@code decisions.*}, see application.yaml).
 *
 * @param rulesDir        the rule base directory; empty: {@code ./rules} if present, else the shipped rule base
 * @param timeZone        the zone "today" is taken in when a request has no {@code asOf}
 * @param maxRequestBytes the largest request body accepted
 * @param maxBatchSize    the most candidates in one batch call
 * @param draftCheckTimeout how long a draft's compilation and trial on the sample data may take before it is refused
 */
@ConfigurationProperties("decisions")
public record DecisionsProperties(
        @Nullable String rulesDir,
        ZoneId timeZone,
        long maxRequestBytes,
        int maxBatchSize,
        @Nullable Duration draftCheckTimeout) {

    public DecisionsProperties {
        draftCheckTimeout = draftCheckTimeout == null ? Duration.ofSeconds(60) : draftCheckTimeout;
    }
}
