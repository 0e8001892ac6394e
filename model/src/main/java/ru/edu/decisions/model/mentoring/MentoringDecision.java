package ru.edu.decisions.model.mentoring;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import ru.edu.decisions.model.FiredRule;
import ru.edu.decisions.model.Reason;
import ru.edu.decisions.model.RuleSetRef;

/**
 * The contract's mentoring decision: every mentee once, in {@code assignments} or in {@code unassigned} with the
 * reasons. {@code asOf}, {@code objective} and {@code trace} are additions.
 */
public record MentoringDecision(
        UUID decisionId,
        String jurisdiction,
        RuleSetRef ruleSet,
        LocalDate asOf,
        List<Assignment> assignments,
        List<Unassigned> unassigned,
        Objective objective,
        List<FiredRule> trace) {

    /** A pair made, its score and the reasons: the rules that allowed it and the terms of its score. */
    public record Assignment(String menteeId, String mentorId, int score, List<Reason> reasons) {
    }

    /** A mentee left without a mentor and why nobody fitted. */
    public record Unassigned(String menteeId, List<Reason> reasons) {
    }

    /** The values of the contract's objective, in its order, reached by this assignment (an optimum). */
    public record Objective(int lowResults, int difficultSocial, int youngSpecialists, int assigned, long totalScore) {
    }
}
