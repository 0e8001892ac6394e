package ru.edu.decisions.rules.indicators;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** The value of a YES_NO or PERCENT indicator as a rule took it from an entered record, with what it is based on. */
public record Entered(String code, @Nullable BigDecimal value, String note, String rule, @Nullable String clause) {
}
