package ru.edu.decisions.model.routes;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import ru.edu.decisions.model.TeacherProfile;

/** {@code POST /api/v1/routes/decisions}: a teacher's diagnostics → an individual educational route. */
public record RouteRequest(
        @NotBlank @Size(max = 64) String jurisdiction,
        @Nullable LocalDate asOf,
        @NotNull @Valid TeacherProfile teacher,
        @Nullable @Valid School school,
        @NotNull @Valid Diagnostics diagnostics,
        @Nullable Preferences preferences) {
}
