package ru.edu.decisions.rules.mentoring;

/**
 * Derived: how many suitable mentors of an unplaced teacher take mentees but have every place taken, and how a reason
 * says by whom.
 */
public record BusyMentors(int mentee, int mentors, String text) {
}
