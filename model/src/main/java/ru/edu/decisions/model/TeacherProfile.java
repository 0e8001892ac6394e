package ru.edu.decisions.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The teacher profile of the contract ({@code candidate} / {@code teacher}), mirroring the official candidate form.
 * Every field is optional: an absent scalar is unknown; an absent list (except {@code education}) means none.
 * {@code fullName}, {@code birthDate} and {@code contacts} are personal data: {@link #toString()} never shows them.
 */
public record TeacherProfile(
        @Nullable @Size(max = 100) String id,
        @Nullable @Size(max = 300) String fullName,
        @Nullable @Past LocalDate birthDate,
        @Nullable @Size(max = 50) List<@Valid @NotNull Education> education,
        @Nullable @Size(max = 200) List<@Valid @NotNull Training> trainings,
        @Nullable @Valid Employment employment,
        @Nullable @Size(max = 200) List<@Valid @NotNull Membership> memberships,
        @Nullable @Size(max = 200) List<@Valid @NotNull Achievement> achievements,
        @Nullable @Size(max = 100) List<@Valid @NotNull Assessment> assessments,
        @Nullable Boolean stableHighStudentResults,
        @Nullable @Size(max = 100) List<@NotBlank @Size(max = 1000) String> methodicalExperience,
        @Nullable @Valid Contacts contacts,
        @Nullable @Valid Nomination nomination) {

    public List<Training> trainingList() {
        return trainings == null ? List.of() : trainings;
    }

    public List<Membership> membershipList() {
        return memberships == null ? List.of() : memberships;
    }

    public List<Achievement> achievementList() {
        return achievements == null ? List.of() : achievements;
    }

    public List<Assessment> assessmentList() {
        return assessments == null ? List.of() : assessments;
    }

    /** A copy without the personal data (ФИО, дата рождения, контакты) — what may be kept by stateless endpoints. */
    public TeacherProfile withoutPersonalData() {
        return new TeacherProfile(id, null, null, education, trainings, employment, memberships, achievements,
                assessments, stableHighStudentResults, methodicalExperience, null, nomination);
    }

    @Override
    public String toString() {
        return "TeacherProfile[id=" + id + ", personal data hidden]";
    }
}
