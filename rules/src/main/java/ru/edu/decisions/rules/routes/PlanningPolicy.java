package ru.edu.decisions.rules.routes;

import ru.edu.decisions.rules.dsl.Parameters;

/**
 * The fact under which the rules declare the criteria of planning a route ({@link PlanningCriterion}) — once per rule
 * base, when the route rules are loaded, not at every decision: {@link RouteRules} runs the rules with this fact alone
 * and keeps what they declared (and which rules declared it, for each decision's trace). {@code parameters} are the
 * jurisdiction's manifest parameters, should a criterion depend on one.
 */
public record PlanningPolicy(Parameters parameters) {
}
