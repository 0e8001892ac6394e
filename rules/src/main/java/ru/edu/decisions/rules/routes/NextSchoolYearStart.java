package ru.edu.decisions.rules.routes;

import org.jspecify.annotations.Nullable;

/**
 * Declared by a rule ({@code rules/common/routes-choice.drl}, once per rule base under {@link PlanningPolicy}): a route
 * whose activities do not fit into the rest of the current school year by their dates, but do fit into the whole next
 * one, is planned into the next school year. Without it a route always starts in the rest of the current school year
 * and what does not fit by its dates waits. {@code rule} and {@code clause} are those of the declaring rule.
 */
public record NextSchoolYearStart(String rule, @Nullable String clause) {
}
