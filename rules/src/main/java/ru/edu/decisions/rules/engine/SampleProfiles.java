package ru.edu.decisions.rules.engine;

import java.time.LocalDate;
import java.util.List;
import ru.edu.decisions.model.Achievement;
import ru.edu.decisions.model.AchievementResult;
import ru.edu.decisions.model.Assessment;
import ru.edu.decisions.model.AssessmentKind;
import ru.edu.decisions.model.AssessmentResult;
import ru.edu.decisions.model.Education;
import ru.edu.decisions.model.EducationLevel;
import ru.edu.decisions.model.Employment;
import ru.edu.decisions.model.Level;
import ru.edu.decisions.model.Membership;
import ru.edu.decisions.model.MembershipKind;
import ru.edu.decisions.model.MembershipRole;
import ru.edu.decisions.model.OrganizationKind;
import ru.edu.decisions.model.Position;
import ru.edu.decisions.model.QualificationCategory;
import ru.edu.decisions.model.TeacherProfile;
import ru.edu.decisions.model.Training;
import ru.edu.decisions.model.TrainingKind;

/** Profiles a freshly compiled rule set must decide without failing: empty, sparse and full, with gaps. */
final class SampleProfiles {

    private SampleProfiles() {
    }

    static List<TeacherProfile> all() {
        TeacherProfile empty = new TeacherProfile(null, null, null, null, null, null, null, null, null, null, null, null, null);
        TeacherProfile emptyLists = new TeacherProfile(null, null, null, List.of(), List.of(),
                new Employment(null, null, null, null, null, null, null, null, List.of()),
                List.of(), List.of(), List.of(), null, List.of(), null, null);
        TeacherProfile full = new TeacherProfile("sample", null, LocalDate.of(1985, 3, 14),
                List.of(new Education(EducationLevel.HIGHER, true, 2007, "Математика", "ОмГПУ"),
                        new Education(null, null, null, null, null)),
                List.of(new Training("Школа современного учителя", "Академия Минпросвещения России", 2024, 100,
                                TrainingKind.QUALIFICATION_UPGRADE, true),
                        new Training(null, null, null, null, null, null)),
                new Employment("МБОУ «Аксёновская СОШ»", OrganizationKind.SCHOOL, Position.TEACHER, "учитель математики",
                        true, QualificationCategory.HIGHEST, 15, 12, List.of("математика")),
                List.of(new Membership(MembershipKind.GIA_COMMISSION, MembershipRole.MEMBER, Level.MUNICIPAL, "ОГЭ"),
                        new Membership(null, null, null, null)),
                List.of(new Achievement("Учитель года", Level.MUNICIPAL, AchievementResult.WINNER, 2023),
                        new Achievement(null, null, null, null)),
                List.of(new Assessment(AssessmentKind.FIOKO_DIAGNOSTICS, AssessmentResult.PASSED, LocalDate.of(2024, 4, 10)),
                        new Assessment(null, null, null)),
                true, List.of("наставник"), null, null);
        return List.of(empty, emptyLists, full);
    }
}
