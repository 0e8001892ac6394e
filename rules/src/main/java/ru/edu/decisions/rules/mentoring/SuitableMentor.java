package ru.edu.decisions.rules.mentoring;

/**
 * A mentor the rules paired admissibly with a teacher the assignment left without a mentor: positions in the request
 * ({@code mentee}, {@code mentor}), the mentor's id and the capacity the rules gave the mentor.
 */
public record SuitableMentor(int mentee, int mentor, String mentorId, int capacity) {
}
