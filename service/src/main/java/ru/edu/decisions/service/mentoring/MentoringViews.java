package ru.edu.decisions.service.mentoring;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import ru.edu.decisions.model.Reason;
import ru.edu.decisions.model.mentoring.MentoringDecision;
import ru.edu.decisions.model.routes.CompetenceArea;

/** Request and response shapes of the mentoring workflow. */
public final class MentoringViews {

    private MentoringViews() {
    }

    /** What an asset member offers as a mentor. */
    public record MentorOffer(@NotNull Boolean consent, @Nullable @Min(0) @Max(1000) Integer capacity,
                              @Nullable @Size(max = 12) List<@NotNull CompetenceArea> strengths) {
    }

    public record MentorView(UUID registryMemberId, String jurisdiction, boolean consent, @Nullable Integer capacity,
                             List<CompetenceArea> strengths, Instant updatedAt, @Nullable String updatedBy) {
    }

    /** Start an assignment run for a jurisdiction. */
    public record RunRequest(@NotBlank @Size(max = 64) String jurisdiction, @Nullable LocalDate asOf) {
    }

    public record PairView(UUID id, UUID runId, UUID menteeTeacherId, UUID mentorMemberId, int score, List<Reason> reasons,
                           MentoringRecords.PairStatus status, @Nullable Instant confirmedAt, @Nullable String confirmedBy,
                           @Nullable Instant endedAt, @Nullable String endedBy, @Nullable String endReason) {
    }

    public record RunView(UUID id, String jurisdiction, UUID decisionId, String ruleSetVersion, LocalDate asOf, int mentors,
                          int mentees, int keptPairs, List<PairView> pairs, List<MentoringDecision.Unassigned> unassigned,
                          MentoringDecision.@Nullable Objective objective, Instant createdAt, @Nullable String createdBy) {
    }

    public record RunSummary(UUID id, String jurisdiction, UUID decisionId, String ruleSetVersion, LocalDate asOf, int mentors,
                             int mentees, int keptPairs, Instant createdAt, @Nullable String createdBy) {
    }

    /** Ending a pair (or declining a proposed one) needs a reason. */
    public record Ending(@NotBlank @Size(max = 2000) String reason) {
    }
}
