package ru.edu.decisions.rules.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.edu.decisions.model.Employment;
import ru.edu.decisions.model.OrganizationKind;
import ru.edu.decisions.model.Position;
import ru.edu.decisions.model.QualificationCategory;
import ru.edu.decisions.model.Reason;
import ru.edu.decisions.model.ReasonStatus;
import ru.edu.decisions.model.TeacherProfile;
import ru.edu.decisions.model.routes.ActivityFormat;
import ru.edu.decisions.model.routes.ActivityType;
import ru.edu.decisions.model.routes.CompetenceArea;
import ru.edu.decisions.model.routes.Deficit;
import ru.edu.decisions.model.routes.DeficitLevel;
import ru.edu.decisions.model.routes.Diagnostics;
import ru.edu.decisions.model.routes.Preferences;
import ru.edu.decisions.model.routes.RouteItem;
import ru.edu.decisions.model.routes.School;
import ru.edu.decisions.model.routes.SchoolFlag;
import ru.edu.decisions.rules.engine.RuleBaseSource;
import ru.edu.decisions.rules.engine.RuleSetCompiler;

/**
 * The Ust-Ishim route rules (the contract's defaults) against a small fixed catalogue
 * ({@code src/test/resources/routes/catalogue.csv}), so each expectation follows from the rules, not from whatever the
 * shipped catalogue holds today.
 */
class RouteRulesTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);

    @TempDir
    static Path ruleBase;

    static RouteRules rules;

    @BeforeAll
    static void compile() throws IOException {
        rules = compileUstIshim(ruleBase, Files.readString(Path.of("ust-ishim/manifest.yaml")));
    }

    /** The shipped common rules and Ust-Ishim route rules with the given manifest and the fixture catalogue. */
    static RouteRules compileUstIshim(Path dir, String manifest) throws IOException {
        Files.createDirectories(dir.resolve("common"));
        Files.createDirectories(dir.resolve("ust-ishim"));
        // The route rule files: the shared ones and Ust-Ishim's own (its exceptions and its table of needs).
        for (String folder : List.of("common", "ust-ishim")) {
            try (java.util.stream.Stream<Path> files = Files.list(Path.of(folder))) {
                for (Path file : files.filter(f -> f.getFileName().toString().startsWith("routes")
                        || f.getFileName().toString().equals("teacher-facts.drl")).toList()) {
                    Files.copy(file, dir.resolve(folder).resolve(file.getFileName().toString()));
                }
            }
        }
        Files.writeString(dir.resolve("ust-ishim/manifest.yaml"), manifest);
        Files.copy(Path.of("src/test/resources/routes/catalogue.csv"), dir.resolve("ust-ishim/catalogue.csv"));
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);
        return new RuleSetCompiler(clock).compile(RuleBaseSource.fromDirectory(dir))
                .jurisdiction("ust-ishim").orElseThrow().decision(RouteRules.class).orElseThrow();
    }

    static TeacherProfile teacher(LocalDate birthDate, Integer experience, String... subjects) {
        return new TeacherProfile(null, "Петрова Анна Сергеевна", birthDate, null, null,
                new Employment("МБОУ «Ореховская СОШ»", OrganizationKind.SCHOOL, Position.TEACHER, "учитель", true,
                        QualificationCategory.FIRST, experience, experience, List.of(subjects)),
                null, null, null, null, null, null, null);
    }

    static final TeacherProfile EXPERIENCED_MATH = teacher(LocalDate.of(1980, 4, 2), 20, "математика");

    static RouteOutcome route(TeacherProfile teacher, Map<CompetenceArea, Integer> scores) {
        return rules.evaluate(teacher, null, new Diagnostics(LocalDate.of(2026, 10, 1), scores), null, AS_OF);
    }

    static Map<CompetenceArea, Integer> scores(Object... areaAndScore) {
        Map<CompetenceArea, Integer> scores = new EnumMap<>(CompetenceArea.class);
        for (int i = 0; i < areaAndScore.length; i += 2) {
            scores.put((CompetenceArea) areaAndScore[i], (Integer) areaAndScore[i + 1]);
        }
        return scores;
    }

    static List<String> activities(RouteOutcome outcome) {
        return outcome.route().thisYear().stream().map(RouteItem::activityId).toList();
    }

    @ParameterizedTest(name = "балл {0} → {1}")
    @CsvSource({"0, SEVERE", "49, SEVERE", "50, PARTIAL", "74, PARTIAL", "75, NONE", "100, NONE"})
    void thresholdsBelowFiftySevereBelowSeventyFivePartial(int score, String level) {
        RouteOutcome outcome = route(EXPERIENCED_MATH, scores(CompetenceArea.METHODICAL, score));
        if (level.equals("NONE")) {
            assertThat(outcome.deficits()).isEmpty();
            assertThat(outcome.route().thisYear()).isEmpty();
        } else {
            assertThat(outcome.deficits()).containsExactly(new Deficit(CompetenceArea.METHODICAL, score, DeficitLevel.valueOf(level)));
        }
    }

    @Test
    void severeDeficitGetsAFederalRegistryCourseAndMentoringCoveringTheArea() {
        RouteOutcome outcome = route(EXPERIENCED_MATH, scores(CompetenceArea.METHODICAL, 41));

        assertThat(activities(outcome)).containsExactly("F-METH", "MENT");
        RouteItem course = outcome.route().thisYear().get(0);
        assertThat(course.type()).isEqualTo(ActivityType.COURSE);
        assertThat(course.federalRegistry()).isTrue();
        assertThat(course.areas()).containsExactly(CompetenceArea.METHODICAL);
        assertThat(course.code()).isEqualTo("SEVERE_DEFICIT_COURSE");
        assertThat(course.reason()).contains("Выраженный дефицит").contains("методические").contains("41 %");
        assertThat(outcome.route().thisYear().get(1).code()).isEqualTo("SEVERE_DEFICIT_SUPPORT");
        assertThat(outcome.route().totalHours()).isEqualTo(72 + 36);
        assertThat(outcome.reasons()).extracting(Reason::code)
                .contains("SEVERE_DEFICIT", "SEVERE_DEFICIT_COURSE", "SEVERE_DEFICIT_SUPPORT");
        assertThat(outcome.trace()).anySatisfy(fired -> assertThat(fired.clause()).isEqualTo("ust-ishim:1.4.7"));
    }

    @Test
    void partialDeficitGetsAShortFormCoveringTheArea() {
        RouteOutcome outcome = route(EXPERIENCED_MATH, scores(CompetenceArea.METHODICAL, 60));

        assertThat(activities(outcome)).containsExactly("S-METH");
        assertThat(outcome.route().thisYear().get(0).type()).isEqualTo(ActivityType.SEMINAR);
        assertThat(outcome.route().thisYear().get(0).code()).isEqualTo("PARTIAL_DEFICIT_ACTIVITY");
    }

    @Test
    void partialDeficitReusesACourseAlreadyInTheRouteInsteadOfAddingAnother() {
        RouteOutcome outcome = route(EXPERIENCED_MATH, scores(CompetenceArea.METHODICAL, 30, CompetenceArea.UPDATED_FGOS, 70));

        assertThat(activities(outcome)).containsExactly("F-METH", "MENT");
        assertThat(outcome.route().thisYear().get(0).areas()).containsExactly(CompetenceArea.METHODICAL, CompetenceArea.UPDATED_FGOS);
        assertThat(activities(outcome)).doesNotHaveDuplicates();
    }

    @Test
    void subjectDeficitOfAMathematicsTeacherGetsTheMathematicsCourse() {
        assertThat(activities(route(EXPERIENCED_MATH, scores(CompetenceArea.SUBJECT, 30)))).containsExactly("F-MATH", "MENT");
        TeacherProfile physics = teacher(LocalDate.of(1980, 4, 2), 20, "физика");
        assertThat(activities(route(physics, scores(CompetenceArea.SUBJECT, 30)))).containsExactly("F-SUBJ", "MENT");
    }

    @Test
    void youngSpecialistGetsMentoringEvenWithoutDeficits() {
        RouteOutcome outcome = route(teacher(LocalDate.of(2000, 1, 10), 2, "история"), scores(CompetenceArea.METHODICAL, 90));

        assertThat(activities(outcome)).containsExactly("MENT");
        assertThat(outcome.route().thisYear().get(0).code()).isEqualTo("YOUNG_SPECIALIST_MENTORING");
        assertThat(outcome.reasons()).contains(new Reason("YOUNG_SPECIALIST", ReasonStatus.MET,
                "Молодой специалист: возраст 26 лет, педагогический стаж 2 года"));
    }

    @ParameterizedTest(name = "родился {0}, стаж {1} → {2}")
    @CsvSource({"1991-11-24, 3, MET", "1991-11-23, 3, NOT_MET", "2000-01-10, 4, NOT_MET", ", 2, UNKNOWN",
            "2000-01-10, , UNKNOWN", ", 10, NOT_MET"})
    void youngSpecialistIsUnderThirtyFiveWithAtMostThreeYears(LocalDate birthDate, Integer experience, ReasonStatus status) {
        RouteOutcome outcome = route(teacher(birthDate, experience), scores());

        assertThat(outcome.reasons()).filteredOn(r -> r.code().equals("YOUNG_SPECIALIST")).singleElement()
                .extracting(Reason::status).isEqualTo(status);
        assertThat(activities(outcome)).isEqualTo(status == ReasonStatus.MET ? List.of("MENT") : List.of());
    }

    @Test
    void teacherOfALowResultsSchoolGetsTutoringAndASevereDeficitIsSupportedByTheSameTutor() {
        RouteOutcome outcome = rules.evaluate(EXPERIENCED_MATH, new School("МБОУ «Аксёновская СОШ»", List.of(SchoolFlag.LOW_RESULTS)),
                new Diagnostics(null, scores(CompetenceArea.METHODICAL, 45)), null, AS_OF);

        assertThat(activities(outcome)).containsExactly("F-METH", "TUT");
        RouteItem tutoring = outcome.route().thisYear().get(1);
        assertThat(tutoring.reason()).contains("Аксёновская").contains("сопровождение членом ММА");
    }

    @Test
    void distanceOnlyGivesOnlyDistanceItemsAndReportsTheUncoveredDeficitAsUnknown() {
        RouteOutcome outcome = rules.evaluate(EXPERIENCED_MATH, null, new Diagnostics(null,
                scores(CompetenceArea.FUNCTIONAL_LITERACY, 60, CompetenceArea.DIGITAL, 60, CompetenceArea.METHODICAL, 40)),
                new Preferences(true), AS_OF);

        assertThat(outcome.route().thisYear()).allSatisfy(item -> assertThat(item.format()).isEqualTo(ActivityFormat.DISTANCE));
        assertThat(activities(outcome)).containsExactly("F-METH", "S-DIG");
        assertThat(outcome.reasons()).filteredOn(r -> r.status() == ReasonStatus.UNKNOWN).extracting(Reason::code)
                .containsExactlyInAnyOrder("PARTIAL_DEFICIT_ACTIVITY", "SEVERE_DEFICIT_SUPPORT");
        assertThat(outcome.reasons()).filteredOn(r -> r.status() == ReasonStatus.UNKNOWN)
                .allSatisfy(r -> assertThat(r.message()).contains("дистанционн"));
    }

    @Test
    void aNeedTheCatalogueCannotMeetIsReportedNotDropped() {
        RouteOutcome outcome = route(EXPERIENCED_MATH, scores(CompetenceArea.INCLUSIVE, 60));

        assertThat(outcome.route().thisYear()).isEmpty();
        assertThat(outcome.reasons()).contains(new Reason("PARTIAL_DEFICIT_ACTIVITY", ReasonStatus.NOT_MET,
                "Частичный дефицит: компетенции в области «обучение детей с ОВЗ» — 60 % (ниже 75 %): в каталоге нет подходящего мероприятия"));
    }

    @Test
    void burnoutPreventionForAPsychoPedagogicalDeficit() {
        assertThat(activities(route(EXPERIENCED_MATH, scores(CompetenceArea.PSYCHO_PEDAGOGICAL, 70)))).contains("BURN");
    }

    @Test
    void overTheYearlyHoursCapSevereDeficitsComeFirstAndTheRouteSaysWhatWasDeferred() {
        // 180 hours a year: one mentoring for the three severe deficits 36 + two of their 72-hour courses = 180; the third
        // course waits, and with it everything of the partial tier (the webinar, the burnout programme).
        RouteOutcome outcome = route(EXPERIENCED_MATH, scores(CompetenceArea.METHODICAL, 30, CompetenceArea.DIGITAL, 30,
                CompetenceArea.PSYCHO_PEDAGOGICAL, 40, CompetenceArea.FUNCTIONAL_LITERACY, 60));

        assertThat(outcome.route().hoursThisYear()).isLessThanOrEqualTo(180);
        // The contract's route holds every item, the deferred ones too: every deficit is addressed, hours add up.
        assertThat(outcome.route().totalHours()).isEqualTo(outcome.route().items().stream().mapToInt(RouteItem::hours).sum());
        assertThat(outcome.route().items()).containsAll(outcome.route().deferred());
        for (var deficit : outcome.deficits()) {
            assertThat(outcome.route().items()).anySatisfy(item -> assertThat(item.areas()).contains(deficit.area()));
        }
        assertThat(outcome.route().thisYear()).allSatisfy(item -> assertThat(item.code()).startsWith("SEVERE"));
        assertThat(outcome.route().deferred()).isNotEmpty();
        assertThat(outcome.reasons()).filteredOn(r -> r.message().contains("отложено")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(ReasonStatus.NOT_MET));
        assertThat(outcome.route().deferred()).allSatisfy(item -> assertThat(item.start()).isAfterOrEqualTo(LocalDate.of(2027, 9, 1)));
    }

    @Test
    void itemsAreScheduledIntoTheSchoolYearAfterAsOfWithFollowUpDiagnosticsNextSeptember() {
        // Two severe deficits: two federal courses (72 h each) and one mentoring for both — 180 h, the yearly cap.
        RouteOutcome outcome = route(EXPERIENCED_MATH, scores(CompetenceArea.METHODICAL, 41, CompetenceArea.DIGITAL, 45));

        assertThat(activities(outcome)).containsExactlyInAnyOrder("F-METH", "F-DIG", "MENT");
        assertThat(outcome.route().followUpDiagnostics()).isEqualTo(LocalDate.of(2027, 9, 1));
        assertThat(outcome.route().thisYear()).allSatisfy(item -> {
            assertThat(item.start()).isAfterOrEqualTo(LocalDate.of(2026, 12, 1));
            assertThat(item.end()).isAfterOrEqualTo(item.start());
        });
        RouteItem first = outcome.route().thisYear().get(0);
        assertThat(first.start()).isEqualTo(LocalDate.of(2026, 12, 1));
        RouteItem second = outcome.route().thisYear().stream().filter(i -> i.type() == ActivityType.COURSE).skip(1).findFirst().orElseThrow();
        assertThat(second.start()).isEqualTo(outcome.route().thisYear().stream().filter(i -> i.type() == ActivityType.COURSE)
                .findFirst().orElseThrow().end().plusDays(1));
        assertThat(outcome.route().thisYear()).filteredOn(i -> i.type() == ActivityType.MENTORING)
                .allSatisfy(i -> assertThat(i.end()).isEqualTo(LocalDate.of(2027, 5, 31)));
    }

    @Test
    void summerDiagnosticsPlanIntoTheComingSchoolYear() {
        RouteOutcome outcome = rules.evaluate(EXPERIENCED_MATH, null, new Diagnostics(null, scores(CompetenceArea.METHODICAL, 41)),
                null, LocalDate.of(2027, 6, 15));

        assertThat(outcome.route().thisYear().get(0).start()).isEqualTo(LocalDate.of(2027, 9, 1));
        assertThat(outcome.route().followUpDiagnostics()).isEqualTo(LocalDate.of(2028, 9, 1));
    }

    @Test
    void noDeficitsAndNoCircumstancesGiveAnEmptyRoute() {
        RouteOutcome outcome = route(EXPERIENCED_MATH, scores(CompetenceArea.METHODICAL, 90, CompetenceArea.SUBJECT, 75));

        assertThat(outcome.deficits()).isEmpty();
        assertThat(outcome.route().thisYear()).isEmpty();
        assertThat(outcome.route().totalHours()).isZero();
    }

    @Test
    void everyDeficitIsAddressedByAnItemCoveringItAndNoActivityAppearsTwice() {
        Map<CompetenceArea, Integer> scores = scores(CompetenceArea.METHODICAL, 20, CompetenceArea.SUBJECT, 60,
                CompetenceArea.FUNCTIONAL_LITERACY, 48, CompetenceArea.DIGITAL, 74);
        RouteOutcome outcome = rules.evaluate(teacher(LocalDate.of(1999, 2, 2), 1, "математика"),
                new School(null, List.of(SchoolFlag.LOW_RESULTS)), new Diagnostics(null, scores), null, AS_OF);

        assertThat(activities(outcome)).doesNotHaveDuplicates();
        for (Deficit deficit : outcome.deficits()) {
            boolean deferred = outcome.route().deferred().stream().anyMatch(i -> i.areas().contains(deficit.area()));
            assertThat(outcome.route().thisYear().stream().anyMatch(i -> i.areas().contains(deficit.area())) || deferred)
                    .as("дефицит %s закрыт", deficit.area()).isTrue();
        }
        assertThat(outcome.route().thisYear()).extracting(RouteItem::type).contains(ActivityType.MENTORING, ActivityType.TUTORING);
    }
}
