package ru.edu.decisions.service.decisionlog;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import ru.edu.decisions.model.DecisionKind;
import ru.edu.decisions.model.Reason;

/**
 * One entry of the decision log: what was decided, by which rule-set version, on what input (its hash), when.
 * {@code decision} is the decision document as it was answered (raw JSON); for the stateless endpoints it holds
 * no personal data.
 */
public record DecisionRecord(
        UUID id,
        DecisionKind kind,
        Source source,
        String jurisdiction,
        String ruleSetVersion,
        LocalDate asOf,
        @Nullable String outcome,
        List<String> grounds,
        List<Reason> reasons,
        String inputHash,
        @Nullable UUID subjectId,
        Instant decidedAt,
        @JsonRawValue String decision) {

    /** Which path a decision came through. */
    public enum Source {
        /** The stateless decision endpoints other systems call. */
        API,
        /** The IMC workflow (a stored candidate, teacher or assignment run). */
        WORKFLOW
    }
}
