package ru.edu.decisions.service.candidates;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import ru.edu.decisions.model.TeacherProfile;
import ru.edu.decisions.model.eligibility.EligibilityDecision;
import ru.edu.decisions.model.eligibility.Verdict;
import ru.edu.decisions.service.decisionlog.DecisionRecord;

/** Request and response shapes of the candidate workflow. */
public final class CandidateViews {

    private CandidateViews() {
    }

    /** A nominated candidate submitted by the IMC: the profile (with its {@code nomination}) and the jurisdiction. */
    public record Submission(
            @NotBlank @Size(max = 64) String jurisdiction,
            @Nullable LocalDate asOf,
            @NotNull @Valid TeacherProfile candidate) {
    }

    /** A line of the candidate list. */
    public record Summary(
            UUID id,
            String jurisdiction,
            UUID teacherId,
            @Nullable String fullName,
            @Nullable String organization,
            @Nullable String nominatedBy,
            @Nullable Verdict latestVerdict,
            @Nullable UUID latestDecisionId,
            @Nullable String latestRuleSetVersion,
            @Nullable Instant latestEvaluatedAt,
            Instant submittedAt) {
    }

    /** A candidate with the latest decision and the history of every decision made about the nomination. */
    public record Details(
            UUID id,
            String jurisdiction,
            UUID teacherId,
            TeacherProfile profile,
            @Nullable String nominatedBy,
            @Nullable String nominationBasis,
            Instant submittedAt,
            @Nullable String submittedBy,
            @Nullable EligibilityDecision latestDecision,
            List<DecisionRecord> history) {
    }

    /** What a re-evaluation of a jurisdiction's candidates did. */
    public record Reevaluation(
            String jurisdiction,
            String ruleSetVersion,
            LocalDate asOf,
            int evaluated,
            int changed,
            Map<Verdict, Long> byVerdict,
            long millis) {
    }
}
