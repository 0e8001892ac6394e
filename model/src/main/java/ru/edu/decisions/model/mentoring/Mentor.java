package ru.edu.decisions.model.mentoring;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;
import ru.edu.decisions.model.routes.CompetenceArea;

/** A possible mentor (a member of the methodological asset): where they work, what they teach and are strong in. */
public record Mentor(
        @NotBlank @Size(max = 100) String id,
        @Nullable @Size(max = 200) String municipality,
        @Nullable @Size(max = 200) String okrug,
        @Nullable @Size(max = 500) String organization,
        @Nullable @Size(max = 50) List<@NotNull @Size(max = 200) String> subjects,
        @Nullable @Size(max = 12) List<@NotNull CompetenceArea> strengths,
        @Nullable @Min(0) @Max(1000) Integer capacity,
        @Nullable Boolean consent) {

    public List<String> subjectList() {
        return subjects == null ? List.of() : subjects;
    }

    public List<CompetenceArea> strengthList() {
        return strengths == null ? List.of() : strengths;
    }

    public boolean consents() {
        return Boolean.TRUE.equals(consent);
    }
}
