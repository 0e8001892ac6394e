package ru.edu.decisions.model;

/** The decisions a jurisdiction's rule set may provide. */
public enum DecisionKind {
    ELIGIBILITY, ROUTES, MENTORING,
    /** The indicators of the methodological service computed from the stored workflow (not a decision about a person). */
    INDICATORS
}
