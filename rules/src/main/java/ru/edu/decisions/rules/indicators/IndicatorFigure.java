package ru.edu.decisions.rules.indicators;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One indicator computed for a period: its definition, the subjects the rules counted in its numerator and
 * denominator (ids of teacher records or school names), and its value by its kind (see {@link IndicatorKind}).
 * {@code note}: what an entered value is based on («приказ № 12 от 01.09.2026»).
 */
public record IndicatorFigure(Indicator indicator, Set<String> numeratorSubjects, Set<String> denominatorSubjects,
                              @Nullable BigDecimal enteredValue, @Nullable String note) {

    public IndicatorFigure {
        numeratorSubjects = Set.copyOf(numeratorSubjects);
        denominatorSubjects = Set.copyOf(denominatorSubjects);
    }

    public @Nullable Integer numerator() {
        return indicator.kind().counted() && indicator.numerator() != null ? numeratorSubjects.size() : null;
    }

    public @Nullable Integer denominator() {
        return indicator.kind().counted() && indicator.denominator() != null ? denominatorSubjects.size() : null;
    }

    /** The value by the indicator's kind: SHARE 100 × n / d and RATIO n / d rounded half up to one decimal (none when d = 0). */
    public @Nullable BigDecimal value() {
        return switch (indicator.kind()) {
            case SHARE -> share(numeratorSubjects.size(), denominatorSubjects.size());
            case RATIO -> ratio(numeratorSubjects.size(), denominatorSubjects.size());
            case COUNT -> BigDecimal.valueOf(numeratorSubjects.size());
            case YES_NO, PERCENT -> enteredValue;
        };
    }

    public static @Nullable BigDecimal share(int numerator, int denominator) {
        return denominator == 0 ? null
                : BigDecimal.valueOf(100L * numerator).divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP);
    }

    public static @Nullable BigDecimal ratio(int numerator, int denominator) {
        return denominator == 0 ? null
                : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP);
    }
}
