package ru.edu.decisions.service.eligibility;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ProblemDetail;
import ru.edu.decisions.model.FiredRule;
import ru.edu.decisions.model.Reason;
import ru.edu.decisions.model.RuleSetRef;
import ru.edu.decisions.model.eligibility.EligibilityDecision;
import ru.edu.decisions.model.eligibility.Verdict;

/** {@code { "results": [ … ] }}: a decision per candidate, in the order given. */
record EligibilityBatchResponse(List<Result> results) {

    /**
     * One candidate's result: the contract's decision fields, or {@code "verdict": null} with an {@code error} problem
     * when the candidate could not be read. {@code index} is its position in the request.
     */
    record Result(
            int index,
            @Nullable UUID decisionId,
            String jurisdiction,
            RuleSetRef ruleSet,
            LocalDate asOf,
            @Nullable Verdict verdict,
            List<String> grounds,
            List<Reason> reasons,
            List<String> missing,
            List<FiredRule> trace,
            @Nullable ProblemDetail error) {

        static Result of(int index, EligibilityDecision d) {
            return new Result(index, d.decisionId(), d.jurisdiction(), d.ruleSet(), d.asOf(), d.verdict(), d.grounds(),
                    d.reasons(), d.missing(), d.trace(), null);
        }

        static Result failed(int index, String jurisdiction, RuleSetRef ruleSet, LocalDate asOf, ProblemDetail error) {
            return new Result(index, null, jurisdiction, ruleSet, asOf, null, List.of(), List.of(), List.of(), List.of(), error);
        }
    }
}
