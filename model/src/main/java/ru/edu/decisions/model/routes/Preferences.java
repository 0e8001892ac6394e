package ru.edu.decisions.model.routes;

import org.jspecify.annotations.Nullable;

/** The teacher's preferences for the route. */
public record Preferences(@Nullable Boolean distanceOnly) {

    public boolean onlyDistance() {
        return Boolean.TRUE.equals(distanceOnly);
    }
}
