package ru.edu.decisions.model.routes;

import java.time.LocalDate;
import java.util.List;

/** One activity of the route, scheduled, with the deficit or circumstance it answers ({@code reason}, {@code code}). */
public record RouteItem(
        String activityId,
        ActivityType type,
        String title,
        List<CompetenceArea> areas,
        int hours,
        ActivityFormat format,
        boolean federalRegistry,
        LocalDate start,
        LocalDate end,
        String evidence,
        String reason,
        String code,
        String provider) {
}
