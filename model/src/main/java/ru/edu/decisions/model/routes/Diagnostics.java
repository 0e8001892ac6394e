package ru.edu.decisions.model.routes;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Diagnostics of professional competences: a score per area, in percent of the maximum (0–100). */
public record Diagnostics(
        @Nullable LocalDate date,
        @NotNull Map<@NotNull CompetenceArea, @NotNull @Min(0) @Max(100) Integer> scores) {
}
