package ru.edu.decisions.model.eligibility;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import ru.edu.decisions.model.DerivedFact;
import ru.edu.decisions.model.FiredRule;
import ru.edu.decisions.model.Reason;
import ru.edu.decisions.model.RuleSetRef;

/**
 * An explained eligibility decision, as the contract defines it. {@code trace} and {@code facts} are additions to the
 * contract: the rules that fired, in order, with their clauses, and the classification facts they derived from the
 * candidate's data (both only when the trace is asked for).
 */
public record EligibilityDecision(
        UUID decisionId,
        String jurisdiction,
        RuleSetRef ruleSet,
        LocalDate asOf,
        @Nullable Verdict verdict,
        List<String> grounds,
        List<Reason> reasons,
        List<String> missing,
        List<FiredRule> trace,
        List<DerivedFact> facts) {
}
