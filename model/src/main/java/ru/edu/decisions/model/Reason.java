package ru.edu.decisions.model;

/** One explained requirement, ground or circumstance of a decision: the clause, its status and a Russian message. */
public record Reason(String code, ReasonStatus status, String message) {
}
