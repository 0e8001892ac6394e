package ru.edu.decisions.model;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The main place of work, as the candidate form records it. */
public record Employment(
        @Nullable @Size(max = 500) String organization,
        @Nullable OrganizationKind organizationKind,
        @Nullable Position position,
        @Nullable @Size(max = 300) String positionTitle,
        @Nullable Boolean mainPlaceOfWork,
        @Nullable QualificationCategory qualificationCategory,
        @Nullable @Min(0) @Max(80) Integer pedagogicalExperienceYears,
        @Nullable @Min(0) @Max(80) Integer specialtyExperienceYears,
        @Nullable @Size(max = 50) List<@NotBlank @Size(max = 200) String> subjects) {

    /** Subjects taught; an absent list means none. */
    public List<String> subjectList() {
        return subjects == null ? List.of() : subjects;
    }
}
