package ru.edu.decisions.rules.mentoring;

/** A pair the rules allow: the territory fits and the mentor can help (a common subject or a strength for a deficit). */
public record Admissible(Pair pair) {
}
