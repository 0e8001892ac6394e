package ru.edu.decisions.rules.indicators;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A stored individual educational route: the date of the diagnostics it was made from, the day it was created, its
 * status ({@code ACTIVE}, {@code COMPLETED}, {@code SUPERSEDED}, {@code EMPTY}, {@code UNMET}) and the day it was
 * completed.
 */
public record RouteRecord(String id, String teacherId, @Nullable LocalDate diagnosticsDate, LocalDate createdOn,
                          String status, @Nullable LocalDate completedOn) {
}
