package ru.edu.decisions.rules.mentoring;

import org.jspecify.annotations.Nullable;
import ru.edu.decisions.model.mentoring.Mentor;

/** How many mentees a mentor may have, as a rule told it (0 without consent). */
public record MentorLimit(Mentor mentor, int capacity, String message, String rule, @Nullable String clause) {
}
