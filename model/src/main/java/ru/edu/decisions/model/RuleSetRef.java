package ru.edu.decisions.model;

/** The rule set that made a decision: its id, exact version and the regulation it implements. */
public record RuleSetRef(String id, String version, String regulation) {
}
