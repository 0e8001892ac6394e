package ru.edu.decisions.model.routes;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The individual educational route: its items — those of the route's school year first, then those planned for later
 * school years — their total hours, when to diagnose again, and — an addition to the contract — which of the items the
 * yearly hours cap or the school-year dates put into a later school year ({@code deferred}, also among {@code items}).
 */
public record Route(List<RouteItem> items, int totalHours, @Nullable LocalDate followUpDiagnostics, List<RouteItem> deferred) {

    /** The items of the route's own school year: those not deferred to a later one. */
    public List<RouteItem> thisYear() {
        return items.stream().filter(item -> !deferred.contains(item)).toList();
    }

    /** The hours of the route's own school year: the yearly cap applies to them. */
    public int hoursThisYear() {
        return thisYear().stream().mapToInt(RouteItem::hours).sum();
    }
}
