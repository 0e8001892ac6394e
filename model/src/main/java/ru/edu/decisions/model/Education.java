package ru.edu.decisions.model;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** One education record of the candidate form (уровень, год, специальность, организация). */
public record Education(
        @Nullable EducationLevel level,
        @Nullable Boolean pedagogical,
        @Nullable @Min(1930) @Max(2100) Integer year,
        @Nullable @Size(max = 300) String specialty,
        @Nullable @Size(max = 500) String institution) {
}
