package ru.edu.decisions.model;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A completed qualification upgrade or retraining programme. */
public record Training(
        @Nullable @Size(max = 500) String title,
        @Nullable @Size(max = 500) String provider,
        @Nullable @Min(1930) @Max(2100) Integer year,
        @Nullable @Min(0) @Max(5000) Integer hours,
        @Nullable TrainingKind kind,
        @Nullable Boolean federalRegistry) {
}
