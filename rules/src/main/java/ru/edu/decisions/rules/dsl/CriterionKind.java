package ru.edu.decisions.rules.dsl;

/** What a criterion is in a decision: a mandatory requirement, an alternative ground, or a circumstance. */
public enum CriterionKind {
    REQUIREMENT, GROUND
}
