package ru.edu.decisions.rules.mentoring;

import java.util.List;
import ru.edu.decisions.model.FiredRule;
import ru.edu.decisions.model.mentoring.MentoringDecision.Assignment;
import ru.edu.decisions.model.mentoring.MentoringDecision.Objective;
import ru.edu.decisions.model.mentoring.MentoringDecision.Unassigned;

/**
 * What the mentoring rules and the optimiser decided, with the time each took: {@code ruleNanos} for the pair rules,
 * {@code solverNanos} for the optimum, {@code unassignedNanos} for the rules that say why a teacher got no mentor.
 */
public record MentoringOutcome(List<Assignment> assignments, List<Unassigned> unassigned, Objective objective,
                               List<FiredRule> trace, long ruleNanos, long solverNanos, long unassignedNanos,
                               int admissiblePairs) {
}
