package ru.edu.decisions.rules.routes;

import org.jspecify.annotations.Nullable;
import ru.edu.decisions.model.ReasonStatus;

/** A need no catalogue activity can meet (status {@code UNKNOWN} when only the format preference is in the way). */
public record Gap(Need need, ReasonStatus status, String message, String rule, @Nullable String clause) {
}
