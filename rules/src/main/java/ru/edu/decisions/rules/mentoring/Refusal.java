package ru.edu.decisions.rules.mentoring;

import org.jspecify.annotations.Nullable;
import ru.edu.decisions.model.mentoring.Mentee;

/**
 * Why no mentor can take a teacher, as a rule told it before the assignment ({@code TERRITORY}: nobody of its
 * territory may mentor it; {@code MATCH}: none of them fits). A teacher the assignment leaves without a mentor and
 * without suitable mentors gets this reason; one with suitable mentors who are all taken gets the capacity reason —
 * both told by the rules of rules/common/mentoring-unassigned.drl after the assignment.
 */
public record Refusal(Mentee mentee, String code, String message, String rule, @Nullable String clause) {
}
