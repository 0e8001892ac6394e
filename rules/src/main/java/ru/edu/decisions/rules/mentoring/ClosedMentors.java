package ru.edu.decisions.rules.mentoring;

/** Derived: how many suitable mentors of an unplaced teacher take nobody (capacity 0), and how a reason says it. */
public record ClosedMentors(int mentee, int mentors, String text) {
}
