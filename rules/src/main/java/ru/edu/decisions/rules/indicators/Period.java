package ru.edu.decisions.rules.indicators;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** The period the indicators are computed for, both days included. */
public record Period(LocalDate from, LocalDate to) {

    public Period {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("Период: дата окончания раньше даты начала");
        }
    }

    /** The date lies within the period (an absent date does not). */
    public boolean contains(@Nullable LocalDate date) {
        return date != null && !date.isBefore(from) && !date.isAfter(to);
    }

    /** The date is known and not after the period's end. */
    public boolean byEnd(@Nullable LocalDate date) {
        return date != null && !date.isAfter(to);
    }

    /** The span [start, end] (an absent end: still going on) shares at least one day with the period. */
    public boolean overlaps(@Nullable LocalDate start, @Nullable LocalDate end) {
        return start != null && !start.isAfter(to) && (end == null || !end.isBefore(from));
    }
}
