package ru.edu.decisions.rules.indicators;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A mentoring pair of the workflow: the mentee (a teacher record) and their school, the day the IMC confirmed the
 * pair (none: not confirmed) and the day it ended (none: still going on).
 */
public record MentoringPairRecord(String id, String menteeId, @Nullable String school, @Nullable LocalDate confirmedOn,
                                  @Nullable LocalDate endedOn) {
}
