package ru.edu.decisions.rules.engine;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
import ru.edu.decisions.model.mentoring.Mentee;
import ru.edu.decisions.model.mentoring.Mentor;
import ru.edu.decisions.model.routes.CompetenceArea;
import ru.edu.decisions.model.routes.Diagnostics;
import ru.edu.decisions.model.routes.Preferences;
import ru.edu.decisions.model.routes.School;
import ru.edu.decisions.model.routes.SchoolFlag;

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

    /** A teacher's diagnostics a freshly compiled route rule set must turn into a route without failing. */
    record RouteSample(TeacherProfile teacher, School school, Diagnostics diagnostics, Preferences preferences) {
    }

    static List<RouteSample> routeSamples() {
        List<TeacherProfile> teachers = all();
        Map<CompetenceArea, Integer> low = new EnumMap<>(CompetenceArea.class);
        Map<CompetenceArea, Integer> mixed = new EnumMap<>(CompetenceArea.class);
        for (CompetenceArea area : CompetenceArea.values()) {
            low.put(area, 10);
            mixed.put(area, area.ordinal() % 3 == 0 ? 40 : area.ordinal() % 3 == 1 ? 60 : 90);
        }
        School flagged = new School("МБОУ «Аксёновская СОШ»", List.of(SchoolFlag.LOW_RESULTS, SchoolFlag.DIFFICULT_SOCIAL));
        return List.of(
                new RouteSample(teachers.get(0), new School(null, null), new Diagnostics(null, Map.of()), new Preferences(null)),
                new RouteSample(teachers.get(1), flagged, new Diagnostics(null, low), new Preferences(true)),
                new RouteSample(teachers.get(2), flagged, new Diagnostics(LocalDate.of(2024, 10, 1), mixed), new Preferences(false)));
    }

    record MentoringSample(List<Mentor> mentors, List<Mentee> mentees) {
    }

    static MentoringSample mentoringSample() {
        return new MentoringSample(List.of(
                new Mentor("m1", "Район", "Округ", null, List.of("математика"), List.of(CompetenceArea.METHODICAL), 2, true),
                new Mentor("m2", null, null, null, null, null, null, null),
                new Mentor("m3", "Район", null, null, null, null, null, true)),
                List.of(new Mentee("t1", "Район", "Округ", "Школа", List.of("математика"), List.of(CompetenceArea.METHODICAL),
                                LocalDate.of(2000, 1, 1), 1, List.of(SchoolFlag.LOW_RESULTS)),
                        new Mentee("t2", "Другой район", "Округ", null, null, null, null, null, null),
                        new Mentee("m3", "Район", null, null, null, null, null, null, null)));
    }

    /**
     * A small jurisdiction for a trial of indicator rules: teachers with and without data, a route with a done course,
     * a pair, a school marked included, every entered record — and nulls where a record may have them.
     */
    static ru.edu.decisions.rules.indicators.IndicatorFacts indicatorSample(LocalDate today) {
        LocalDate earlier = today.withDayOfYear(1);
        var staff = List.of(
                new ru.edu.decisions.rules.indicators.Staff("t1", "Школа № 1", Position.TEACHER, today.minusYears(30), 2, earlier),
                new ru.edu.decisions.rules.indicators.Staff("t2", "Школа № 1", Position.HEAD, today.minusYears(50), 25, null),
                new ru.edu.decisions.rules.indicators.Staff("t3", null, null, null, null, null));
        return new ru.edu.decisions.rules.indicators.IndicatorFacts(staff,
                List.of(new ru.edu.decisions.rules.indicators.DiagnosticsTaken("t1", today)),
                List.of(new ru.edu.decisions.rules.indicators.RouteRecord("r1", "t1", today, today, "COMPLETED", today),
                        new ru.edu.decisions.rules.indicators.RouteRecord("r2", "t3", null, today, "ACTIVE", null)),
                List.of(new ru.edu.decisions.rules.indicators.RouteItemRecord("r1", "t1",
                        ru.edu.decisions.model.routes.ActivityType.COURSE, true, earlier, today, "DONE", true, today)),
                List.of(new ru.edu.decisions.rules.indicators.MentoringPairRecord("p1", "t1", "Школа № 1", earlier, null),
                        new ru.edu.decisions.rules.indicators.MentoringPairRecord("p2", "t3", null, null, null)),
                List.of(new ru.edu.decisions.rules.indicators.SchoolRecord("Школа № 1", earlier),
                        new ru.edu.decisions.rules.indicators.SchoolRecord("Школа № 2", null)),
                List.of(new ru.edu.decisions.rules.indicators.RoadMap("1", earlier)),
                List.of(new ru.edu.decisions.rules.indicators.Survey(today, java.math.BigDecimal.valueOf(87.5), 40)),
                List.of(new ru.edu.decisions.rules.indicators.ManagementTeamProgramme("Школа № 1", "Программа", today)));
    }
}
