package ru.edu.decisions.model.mentoring;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import ru.edu.decisions.model.routes.CompetenceArea;
import ru.edu.decisions.model.routes.SchoolFlag;

/** A teacher who needs a mentor: where they work, what they teach, their deficits and the flags of their school. */
public record Mentee(
        @NotBlank @Size(max = 100) String id,
        @Nullable @Size(max = 200) String municipality,
        @Nullable @Size(max = 200) String okrug,
        @Nullable @Size(max = 500) String organization,
        @Nullable @Size(max = 50) List<@NotNull @Size(max = 200) String> subjects,
        @Nullable @Size(max = 12) List<@NotNull CompetenceArea> deficits,
        @Nullable LocalDate birthDate,
        @Nullable @Min(0) @Max(80) Integer pedagogicalExperienceYears,
        @Nullable @Size(max = 2) List<@NotNull SchoolFlag> schoolFlags) {

    public List<String> subjectList() {
        return subjects == null ? List.of() : subjects;
    }

    public List<CompetenceArea> deficitList() {
        return deficits == null ? List.of() : deficits;
    }

    public List<SchoolFlag> flagList() {
        return schoolFlags == null ? List.of() : schoolFlags;
    }
}
