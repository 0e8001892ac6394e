package ru.edu.decisions.service.mentoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;
import org.springframework.data.repository.ListCrudRepository;

/** The mentoring workflow's aggregates and their repositories. */
final class MentoringRecords {

    private MentoringRecords() {
    }

    /** What an asset member offers as a mentor. */
    @Table
    record MentorProfile(@Id UUID registryMemberId, @Version @Nullable Long version, String jurisdiction, boolean consent,
                         @Nullable Integer capacity, String strengths, Instant updatedAt, @Nullable String updatedBy) {
    }

    /** One assignment run: the decision, what it was made over, and who was left without a mentor (JSON). */
    @Table
    record MentoringRun(@Id UUID id, @Version @Nullable Long version, String jurisdiction, UUID decisionId,
                        String ruleSetVersion, LocalDate asOf, int mentors, int mentees, int keptPairs, String unassigned,
                        Instant createdAt, @Nullable String createdBy) {
    }

    /**
     * PROPOSED → CONFIRMED → ENDED, or PROPOSED → ENDED (declined), or PROPOSED → SUPERSEDED when a later run replaced
     * the proposal before anyone confirmed it (the pair stays in its run's history with the reason).
     */
    enum PairStatus { PROPOSED, CONFIRMED, ENDED, SUPERSEDED }

    /**
     * A pair a run proposed, confirmed by the IMC and later ended, declined (ended without confirmation), or superseded
     * by a later run while still proposed.
     */
    @Table
    record MentoringPair(@Id UUID id, @Version @Nullable Long version, UUID runId, String jurisdiction, UUID menteeTeacherId,
                         UUID mentorMemberId, int score, String reasons, PairStatus status, @Nullable UUID activeMenteeId,
                         @Nullable Instant confirmedAt, @Nullable String confirmedBy, @Nullable Instant endedAt,
                         @Nullable String endedBy, @Nullable String endReason) {

        MentoringPair confirmed(Instant at, @Nullable String by) {
            return new MentoringPair(id, version, runId, jurisdiction, menteeTeacherId, mentorMemberId, score, reasons,
                    PairStatus.CONFIRMED, menteeTeacherId, at, by, null, null, null);
        }

        /** A proposal a later run replaced: kept, with when, by whom and why, and never confirmed. */
        MentoringPair superseded(Instant at, @Nullable String by, String reason) {
            return new MentoringPair(id, version, runId, jurisdiction, menteeTeacherId, mentorMemberId, score, reasons,
                    PairStatus.SUPERSEDED, null, null, null, at, by, reason);
        }

        MentoringPair ended(Instant at, @Nullable String by, String reason) {
            return new MentoringPair(id, version, runId, jurisdiction, menteeTeacherId, mentorMemberId, score, reasons,
                    PairStatus.ENDED, null, confirmedAt, confirmedBy, at, by, reason);
        }
    }
}
