package ru.edu.decisions.model.mentoring;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code POST /api/v1/mentoring/decisions}: mentors and mentees → the best assignment the rules allow. */
public record MentoringRequest(
        @NotBlank @Size(max = 64) String jurisdiction,
        @Nullable LocalDate asOf,
        @NotNull @Size(max = 20_000) List<@NotNull @Valid Mentor> mentors,
        @NotNull @Size(max = 50_000) List<@NotNull @Valid Mentee> mentees) {
}
