package ru.edu.decisions.model;

import org.jspecify.annotations.Nullable;

/** A rule that fired while a decision was made, with the clause it implements: the decision's audit trail. */
public record FiredRule(String rule, @Nullable String clause) {
}
