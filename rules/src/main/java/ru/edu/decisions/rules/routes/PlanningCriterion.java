package ru.edu.decisions.rules.routes;

import org.jspecify.annotations.Nullable;

/**
 * One criterion of how a route is put together, declared by a rule ({@code rules/common/routes-choice.drl}): at which
 * {@link PlanningStep} it applies, at which {@code level} (lower levels decide first; an equal result passes to the
 * next level) and what it compares. The planner applies only the criteria the rules declared (and, in the activity
 * choice, the {@link OptionRank}s they gave, each at its own level), in the order of their levels, and breaks a
 * remaining tie by the activity's code, so that equal input always gives an equal route. {@code note} is what the
 * criterion adds to the reason of a need it defers (empty when nothing); {@code rule} and {@code clause} are those of
 * the declaring rule.
 */
public record PlanningCriterion(PlanningStep step, int level, OrderBy orderBy, String note, String rule,
                                @Nullable String clause) {
}
