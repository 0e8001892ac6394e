package ru.edu.decisions.model;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A result in a professional competition (конкурс профессионального мастерства). */
public record Achievement(
        @Nullable @Size(max = 500) String title,
        @Nullable Level level,
        @Nullable AchievementResult result,
        @Nullable @Min(1930) @Max(2100) Integer year) {
}
