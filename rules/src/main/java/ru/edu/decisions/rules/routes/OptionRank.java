package ru.edu.decisions.rules.routes;

/**
 * How a rule ranks one option of a need at one level of the activity choice ({@link PlanningStep#ACTIVITY_CHOICE}):
 * the lower {@code value} is preferred; an option no rule ranked at a level has 0 there, and the values several rules
 * give one option at one level add up. Levels are shared with the step's {@link PlanningCriterion}s.
 */
public record OptionRank(Option option, int level, int value) {
}
