package ru.edu.decisions.service.teachers;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import ru.edu.decisions.model.TeacherProfile;
import ru.edu.decisions.model.routes.School;

/** Request and response shapes of the teacher records. */
public final class TeacherViews {

    private TeacherViews() {
    }

    /** A teacher to record (or update, matched by {@code teacher.id} — the external id — within the jurisdiction). */
    public record Registration(
            @NotBlank @Size(max = 64) String jurisdiction,
            @NotNull @Valid TeacherProfile teacher,
            @Nullable @Size(max = 200) String municipality,
            @Nullable @Size(max = 200) String okrug,
            @Nullable @Valid School school) {
    }

    /** A teacher in a list: the name and school, without contacts. */
    public record Summary(UUID id, String jurisdiction, @Nullable String externalId, @Nullable String fullName,
                          @Nullable String municipality, @Nullable String okrug, @Nullable School school, Instant updatedAt) {
    }

    /** A teacher with the whole profile. */
    public record Details(UUID id, String jurisdiction, TeacherProfile teacher, @Nullable String municipality,
                          @Nullable String okrug, @Nullable School school, Instant createdAt, Instant updatedAt) {
    }
}
