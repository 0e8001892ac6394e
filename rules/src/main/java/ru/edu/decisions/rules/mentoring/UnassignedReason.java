package ru.edu.decisions.rules.mentoring;

import org.jspecify.annotations.Nullable;

/**
 * Why the assignment left a teacher ({@code mentee}: its position in the request) without a mentor, as a rule told it
 * after the optimum was found: the first reason of the teacher's entry in {@code unassigned}.
 */
public record UnassignedReason(int mentee, String code, String message, String rule, @Nullable String clause) {
}
