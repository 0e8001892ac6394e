package ru.edu.decisions.model.routes;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The individual educational route: its items, their total hours, when to diagnose again, and — an addition to the
 * contract — the items the yearly hours cap or the school-year dates deferred to a later school year.
 */
public record Route(List<RouteItem> items, int totalHours, @Nullable LocalDate followUpDiagnostics, List<RouteItem> deferred) {
}
