package ru.edu.decisions.service.candidates;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.edu.decisions.model.Contacts;
import ru.edu.decisions.model.Education;
import ru.edu.decisions.model.EducationLevel;
import ru.edu.decisions.model.Employment;
import ru.edu.decisions.model.Membership;
import ru.edu.decisions.model.MembershipKind;
import ru.edu.decisions.model.Nomination;
import ru.edu.decisions.model.OrganizationKind;
import ru.edu.decisions.model.Position;
import ru.edu.decisions.model.QualificationCategory;
import ru.edu.decisions.model.TeacherProfile;

/** The candidate form: what was typed becomes the profile, unknown stays unknown, errors are keyed by JSON path. */
class CandidateFormTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private static CandidateForm form(Map<String, String> typed) {
        Map<String, String[]> parameters = new LinkedHashMap<>();
        typed.forEach((k, v) -> parameters.put(k, new String[] {v}));
        return CandidateForm.fromParameters(parameters);
    }

    @Test
    void aStoredProfileComesBackUnchangedThroughTheForm() {
        TeacherProfile profile = new TeacherProfile("ext-1", "Иванова Мария Петровна", LocalDate.of(1985, 3, 14),
                List.of(new Education(EducationLevel.HIGHER, true, 2007, "Математика", "ОмГПУ")), List.of(),
                new Employment("МБОУ «Аксёновская СОШ»", OrganizationKind.SCHOOL, Position.TEACHER, "учитель",
                        true, QualificationCategory.HIGHEST, 15, null, List.of("математика", "физика")),
                List.of(new Membership(MembershipKind.GIA_COMMISSION, null, null, "ОГЭ")), List.of(), List.of(),
                null, List.of("наставник"), new Contacts(null, "a@example.ru"), new Nomination("МБОУ", null));

        CandidateForm.Result result = CandidateForm.of(profile).toProfile(VALIDATOR);

        assertThat(result.errors()).isEmpty();
        assertThat(result.profile()).usingRecursiveComparison().isEqualTo(profile);
    }

    @Test
    void emptyFieldsAreUnknownAndBlankRowsAreLeftOut() {
        CandidateForm.Result result = form(Map.of("fullName", "Петрова Анна", "education[0].level", "",
                "education[0].year", " ", "memberships[3].title", "", "employment.specialtyExperienceYears", "",
                "stableHighStudentResults", "")).toProfile(VALIDATOR);

        assertThat(result.errors()).isEmpty();
        TeacherProfile profile = result.profile();
        assertThat(profile.education()).isNull();
        assertThat(profile.employment()).isNull();
        assertThat(profile.stableHighStudentResults()).isNull();
        assertThat(profile.memberships()).isEmpty();
    }

    @Test
    void typeAndValidationErrorsAreKeyedByTheFieldsJsonPath() {
        CandidateForm.Result result = form(Map.of("birthDate", "31.02.1990", "education[0].year", "abc",
                "trainings[0].hours", "-5", "employment.specialtyExperienceYears", "200", "contacts.email", "нет",
                "education[0].level", "PHD")).toProfile(VALIDATOR);

        assertThat(result.profile()).isNull();
        assertThat(result.errors()).containsOnlyKeys("birthDate", "education[0].year", "education[0].level",
                "trainings[0].hours", "employment.specialtyExperienceYears", "contacts.email");
        assertThat(result.form().education().get(0).get("year")).isEqualTo("abc");
    }

    @Test
    void rowsAreAddedAndRemovedKeepingTheOthers() {
        CandidateForm form = form(Map.of("education[0].specialty", "первое", "education[1].specialty", "второе"))
                .withRowAdded("memberships").withRowRemoved("education[0]");
        assertThat(form.education()).extracting(r -> r.get("specialty")).containsExactly("второе");
        assertThat(form.memberships()).hasSize(1);
        assertThat(ProfilePaths.describe("memberships[1].level")).isEqualTo("Участие в комиссиях, сообществах, площадках, строка 2: уровень");
    }
}
