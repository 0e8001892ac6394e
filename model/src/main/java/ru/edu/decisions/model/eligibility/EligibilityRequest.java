package ru.edu.decisions.model.eligibility;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import ru.edu.decisions.model.TeacherProfile;

/** {@code POST /api/v1/eligibility/decisions}: one candidate against one jurisdiction's rules. */
public record EligibilityRequest(
        @NotBlank @Size(max = 64) String jurisdiction,
        @Nullable LocalDate asOf,
        @NotNull @Valid TeacherProfile candidate) {
}
