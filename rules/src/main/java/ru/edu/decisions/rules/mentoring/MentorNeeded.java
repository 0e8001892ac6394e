package ru.edu.decisions.rules.mentoring;

import org.jspecify.annotations.Nullable;
import ru.edu.decisions.model.mentoring.Mentee;

/** A teacher who needs a mentor, as a rule told it (a priority class, or mentoring or tutoring in the route). */
public record MentorNeeded(Mentee mentee, String message, String rule, @Nullable String clause) {
}
