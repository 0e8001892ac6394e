package ru.edu.decisions.rules.dsl;

/**
 * A requirement or ground of a regulation, declared by a rule: it holds when its fact holds ({@code fact} names a
 * {@link Fact}; a condition of several parts is an {@link AllOf}). {@code code} is the {@code @clause} of the rule
 * that declared it, {@code title} that rule's name.
 */
public record Criterion(CriterionKind kind, String code, String title, String fact) {
}
