package ru.edu.decisions.rules.mentoring;

/** A teacher whose active route holds mentoring or tutoring (by the teacher's id as a mentee). */
public record RouteSupport(String menteeId) {
}
