package ru.edu.decisions.rules.indicators;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import ru.edu.decisions.model.routes.ActivityType;

/**
 * An item of a stored route: its type, whether it is a course of the Federal registry, its planned dates, its status
 * ({@code PLANNED}, {@code IN_PROGRESS}, {@code DONE}), whether evidence of completion was given and the day it was
 * marked done.
 */
public record RouteItemRecord(String routeId, String teacherId, ActivityType type, boolean federalRegistry,
                              LocalDate startDate, LocalDate endDate, String status, boolean evidence,
                              @Nullable LocalDate doneOn) {
}
