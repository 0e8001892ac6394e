package ru.edu.decisions.service.teachers;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import ru.edu.decisions.model.Employment;
import ru.edu.decisions.model.Position;
import ru.edu.decisions.model.QualificationCategory;
import ru.edu.decisions.model.TeacherProfile;
import ru.edu.decisions.model.routes.School;
import ru.edu.decisions.service.teachers.TeacherViews.Registration;

/**
 * The teacher registration form of the workspace, as typed (every field a string, so a wrong value is shown back
 * as it was typed), with its checks in Russian and the registration the API would take.
 */
record TeacherForm(
        @Nullable String fullName,
        @Nullable String birthDate,
        @Nullable String school,
        @Nullable String otherSchool,
        @Nullable String municipality,
        @Nullable String okrug,
        @Nullable String position,
        @Nullable String positionTitle,
        @Nullable String qualificationCategory,
        @Nullable String experience,
        @Nullable String subjects) {

    static TeacherForm empty() {
        return new TeacherForm(null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The errors by field name; empty when the form can be registered. */
    Map<String, String> errors(LocalDate today) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (blank(fullName)) {
            errors.put("fullName", "Укажите фамилию, имя и отчество");
        } else if (fullName.strip().length() > 300) {
            errors.put("fullName", "Не длиннее 300 символов");
        }
        if (!blank(birthDate)) {
            try {
                LocalDate date = LocalDate.parse(birthDate.strip());
                if (!date.isBefore(today)) {
                    errors.put("birthDate", "Дата рождения должна быть в прошлом");
                } else if (date.isBefore(today.minusYears(100))) {
                    errors.put("birthDate", "Проверьте год рождения");
                }
            } catch (DateTimeParseException e) {
                errors.put("birthDate", "Укажите дату в виде дд.мм.гггг");
            }
        }
        if (!blank(school) && !blank(otherSchool)) {
            errors.put("otherSchool", "Выберите школу из списка или впишите другую — не обе сразу");
        } else if (!blank(otherSchool) && otherSchool.strip().length() > 500) {
            errors.put("otherSchool", "Не длиннее 500 символов");
        }
        if (!blank(municipality) && municipality.strip().length() > 200) {
            errors.put("municipality", "Не длиннее 200 символов");
        }
        if (!blank(okrug) && okrug.strip().length() > 200) {
            errors.put("okrug", "Не длиннее 200 символов");
        }
        if (!blank(position) && Arrays.stream(Position.values()).noneMatch(p -> p.name().equals(position))) {
            errors.put("position", "Выберите должность из списка");
        }
        if (!blank(positionTitle) && positionTitle.strip().length() > 300) {
            errors.put("positionTitle", "Не длиннее 300 символов");
        }
        if (!blank(qualificationCategory)
                && Arrays.stream(QualificationCategory.values()).noneMatch(c -> c.name().equals(qualificationCategory))) {
            errors.put("qualificationCategory", "Выберите категорию из списка");
        }
        if (!blank(experience)) {
            Integer years = number(experience);
            if (years == null) {
                errors.put("experience", "Укажите целое число лет");
            } else if (years < 0 || years > 80) {
                errors.put("experience", "Стаж — от 0 до 80 лет");
            }
        }
        List<String> subjectList = subjectList();
        if (subjectList.size() > 50) {
            errors.put("subjects", "Не больше 50 предметов");
        } else if (subjectList.stream().anyMatch(s -> s.length() > 200)) {
            errors.put("subjects", "Название предмета — не длиннее 200 символов");
        }
        return errors;
    }

    /** What {@code POST /api/v1/teachers} would take for this form (call only when there are no errors). */
    Registration registration(String jurisdiction) {
        String schoolName = !blank(school) ? school.strip() : blank(otherSchool) ? null : otherSchool.strip();
        Employment employment = new Employment(schoolName, null, blank(position) ? null : Position.valueOf(position),
                trimmed(positionTitle), null,
                blank(qualificationCategory) ? null : QualificationCategory.valueOf(qualificationCategory),
                blank(experience) ? null : number(experience), null, subjectList().isEmpty() ? null : subjectList());
        TeacherProfile profile = new TeacherProfile(null, fullName.strip(),
                blank(birthDate) ? null : LocalDate.parse(birthDate.strip()), null, null, employment, null, null, null,
                null, null, null, null);
        return new Registration(jurisdiction, profile, trimmed(municipality), trimmed(okrug),
                schoolName == null ? null : new School(schoolName, null));
    }

    private List<String> subjectList() {
        return blank(subjects) ? List.of()
                : Arrays.stream(subjects.split("[,;\\n]")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static @Nullable Integer number(String text) {
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable String trimmed(@Nullable String text) {
        return blank(text) ? null : text.strip();
    }

    static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }
}
