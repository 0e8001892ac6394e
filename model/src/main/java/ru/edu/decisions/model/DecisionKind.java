package ru.edu.decisions.model;

/** The decisions a jurisdiction's rule set may provide. */
public enum DecisionKind {
    ELIGIBILITY, ROUTES, MENTORING
}
