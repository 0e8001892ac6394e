package ru.edu.decisions.service.rulesets;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A rule-set draft of one jurisdiction and, once an approver other than its author publishes it, a published
 * version: its files overlay the rule directory on every instance until superseded or rolled back.
 */
@Table
public record RuleSetVersion(
        @Id UUID id,
        @Version @Nullable Long version,
        String jurisdiction,
        Status status,
        String files,
        @Nullable String comment,
        String author,
        Instant createdAt,
        @Nullable String checkResult,
        @Nullable String approver,
        @Nullable Instant publishedAt,
        @Nullable Instant rolledBackAt,
        @Nullable String rolledBackBy) {

    public enum Status { DRAFT, PUBLISHED, SUPERSEDED, ROLLED_BACK, WITHDRAWN }

    RuleSetVersion withStatus(Status newStatus) {
        return new RuleSetVersion(id, version, jurisdiction, newStatus, files, comment, author, createdAt, checkResult,
                approver, publishedAt, rolledBackAt, rolledBackBy);
    }

    RuleSetVersion published(String by, Instant at) {
        return new RuleSetVersion(id, version, jurisdiction, Status.PUBLISHED, files, comment, author, createdAt,
                checkResult, by, at, null, null);
    }

    RuleSetVersion rolledBack(String by, Instant at) {
        return new RuleSetVersion(id, version, jurisdiction, Status.ROLLED_BACK, files, comment, author, createdAt,
                checkResult, approver, publishedAt, at, by);
    }
}
