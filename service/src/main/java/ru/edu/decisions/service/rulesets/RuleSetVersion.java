package ru.edu.decisions.service.rulesets;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A rule-set draft of one jurisdiction and, once an approver other than its author publishes it, a published
 * version in force from {@code effectiveFrom}. A draft holds the complete rule set of its jurisdiction (manifest,
 * rule files, tables, catalogue, scenario tables) and names the version it started from ({@code baseVersionId}, null
 * for the rule directory, and {@code baseRuleSet}, that version's exact rule-set version). PUBLISHED: the latest
 * publication of the jurisdiction; SUPERSEDED: an earlier one, still in force for the dates before the next one's.
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
        @Nullable String rolledBackBy,
        @Nullable UUID baseVersionId,
        @Nullable String baseRuleSet,
        @Nullable LocalDate effectiveFrom,
        @Nullable String scenarioResult,
        @Nullable String rollbackReason) {

    public enum Status { DRAFT, PUBLISHED, SUPERSEDED, ROLLED_BACK, WITHDRAWN }

    /** Holds a complete rule set (drafts made since versions are whole rule sets). */
    boolean complete() {
        return baseRuleSet != null;
    }

    boolean inTimeline() {
        return status == Status.PUBLISHED || status == Status.SUPERSEDED;
    }

    RuleSetVersion withStatus(Status newStatus) {
        return new RuleSetVersion(id, version, jurisdiction, newStatus, files, comment, author, createdAt, checkResult,
                approver, publishedAt, rolledBackAt, rolledBackBy, baseVersionId, baseRuleSet, effectiveFrom,
                scenarioResult, rollbackReason);
    }

    RuleSetVersion published(String by, Instant at, LocalDate from) {
        return new RuleSetVersion(id, version, jurisdiction, Status.PUBLISHED, files, comment, author, createdAt,
                checkResult, by, at, null, null, baseVersionId, baseRuleSet, from, scenarioResult, null);
    }

    RuleSetVersion rolledBack(String by, Instant at, @Nullable String reason) {
        return new RuleSetVersion(id, version, jurisdiction, Status.ROLLED_BACK, files, comment, author, createdAt,
                checkResult, approver, publishedAt, at, by, baseVersionId, baseRuleSet, effectiveFrom, scenarioResult, reason);
    }
}
