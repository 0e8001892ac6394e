package ru.edu.decisions.rules.mentoring;

/**
 * A mentee the best assignment gave to a mentor (positions in the request), with the mentee's tier in the objective's
 * order (as in {@link Unplaced}).
 */
public record Placed(int mentor, int mentee, int tier) {
}
