package ru.edu.decisions.rules.dsl;

import java.time.LocalDate;

/** What a decision is made against besides the person's data: the {@code asOf} date and the manifest parameters. */
public record DecisionContext(LocalDate asOf, Parameters params) {

    public int asOfYear() {
        return asOf.getYear();
    }

    /** The year that lies the given parameter's number of years before {@code asOf}'s year. */
    public int yearsBefore(String name) {
        return asOf.getYear() - intParam(name);
    }

    /** An integer parameter of the jurisdiction's manifest. */
    public int intParam(String name) {
        return params.intValue(name);
    }
}
