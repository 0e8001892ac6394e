package ru.edu.decisions.rules.indicators;

import org.jspecify.annotations.Nullable;

/**
 * An indicator a rule defines: its code, kind and title (the regulation's wording), and — for counted kinds — the
 * readings whose subjects make its numerator and denominator. {@code rule} and {@code clause} name the defining rule.
 */
public record Indicator(String code, IndicatorKind kind, String title, @Nullable String numerator,
                        @Nullable String denominator, String rule, @Nullable String clause) {

    public @Nullable String unit() {
        return kind.unit();
    }
}
