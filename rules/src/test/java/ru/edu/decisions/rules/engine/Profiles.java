package ru.edu.decisions.rules.engine;

import java.util.List;
import ru.edu.decisions.model.Achievement;
import ru.edu.decisions.model.AchievementResult;
import ru.edu.decisions.model.Education;
import ru.edu.decisions.model.EducationLevel;
import ru.edu.decisions.model.Employment;
import ru.edu.decisions.model.Level;
import ru.edu.decisions.model.OrganizationKind;
import ru.edu.decisions.model.Position;
import ru.edu.decisions.model.QualificationCategory;
import ru.edu.decisions.model.TeacherProfile;

/** Test profiles. */
final class Profiles {

    private Profiles() {
    }

    /** Higher pedagogical education, a municipal contest winner, {@code years} years in the specialty. */
    static TeacherProfile qualified(int years) {
        return new TeacherProfile(null, "Сидорова Елена Викторовна", null,
                List.of(new Education(EducationLevel.HIGHER, true, 2008, "Русский язык и литература", "ОмГПУ")), List.of(),
                new Employment("МБОУ «Ореховская СОШ»", OrganizationKind.SCHOOL, Position.TEACHER, "учитель", true,
                        QualificationCategory.FIRST, years, years, List.of("русский язык")),
                List.of(), List.of(new Achievement("Учитель года", Level.MUNICIPAL, AchievementResult.WINNER, 2024)), List.of(),
                null, null, null, null);
    }
}
