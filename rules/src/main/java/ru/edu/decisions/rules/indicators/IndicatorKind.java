package ru.edu.decisions.rules.indicators;

import org.jspecify.annotations.Nullable;

/**
 * How an indicator's value follows from what the rules counted (contract: «Indicators of the methodological service»).
 * SHARE: 100 × numerator / denominator, one decimal, none with a zero denominator; RATIO: numerator / denominator, one
 * decimal; COUNT: the numerator; YES_NO and PERCENT: the value the rules took from an entered record.
 */
public enum IndicatorKind {
    SHARE("%"), COUNT("ед."), RATIO("чел."), YES_NO(null), PERCENT("%");

    private final @Nullable String unit;

    IndicatorKind(@Nullable String unit) {
        this.unit = unit;
    }

    public @Nullable String unit() {
        return unit;
    }

    /** Whether the value is counted from the subjects the rules marked (otherwise it is taken from an entered record). */
    public boolean counted() {
        return this == SHARE || this == COUNT || this == RATIO;
    }
}
