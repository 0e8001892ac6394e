package ru.edu.decisions.rules.mentoring;

/**
 * A teacher whose active route holds mentoring or tutoring (by the teacher's id as a mentee): derived by the rules
 * from the {@link RouteActivity} facts, or told by a caller that found it already.
 */
public record RouteSupport(String menteeId) {
}
