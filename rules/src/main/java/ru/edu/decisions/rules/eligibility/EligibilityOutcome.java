package ru.edu.decisions.rules.eligibility;

import java.util.List;
import ru.edu.decisions.model.FiredRule;
import ru.edu.decisions.model.Reason;
import ru.edu.decisions.model.eligibility.Verdict;
import ru.edu.decisions.rules.dsl.Fact;

/** What the eligibility rules decided for one candidate, explained: verdict, grounds met, reasons, missing data. */
public record EligibilityOutcome(
        Verdict verdict,
        List<String> grounds,
        List<Reason> reasons,
        List<String> missing,
        List<Fact> facts,
        List<FiredRule> trace) {
}
