package ru.edu.decisions.rules.routes;

import ru.edu.decisions.rules.engine.ShippedRuleBase;
import static org.assertj.core.api.Assertions.assertThat;
import static ru.edu.decisions.rules.routes.RouteRulesTest.EXPERIENCED_MATH;
import static ru.edu.decisions.rules.routes.RouteRulesTest.scores;
import static ru.edu.decisions.rules.routes.RouteRulesTest.teacher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.edu.decisions.model.Reason;
import ru.edu.decisions.model.ReasonStatus;
import ru.edu.decisions.model.TeacherProfile;
import ru.edu.decisions.model.routes.ActivityType;
import ru.edu.decisions.model.routes.CompetenceArea;
import ru.edu.decisions.model.routes.Diagnostics;
import ru.edu.decisions.model.routes.Preferences;
import ru.edu.decisions.model.routes.RouteItem;
import ru.edu.decisions.model.routes.School;
import ru.edu.decisions.model.routes.SchoolFlag;
import ru.edu.decisions.rules.engine.RuleBase;
import ru.edu.decisions.rules.engine.RuleBaseSource;
import ru.edu.decisions.rules.engine.RuleSetCompiler;

/**
 * How the planner chooses and keeps items: the hours cap in strict priority order, a short form for a partial subject
 * deficit, the same text for the same input, and an item's areas being the deficits it serves.
 */
class RoutePlanningTest {

    static RuleBase shipped;

    @TempDir
    static Path dir;

    @BeforeAll
    static void compile() {
        shipped = ShippedRuleBase.get();
    }

    static RouteRules routes(String jurisdiction) {
        return shipped.jurisdiction(jurisdiction).orElseThrow().decision(RouteRules.class).orElseThrow();
    }

    /** The shipped Ust-Ishim route rules with another catalogue and, when given, another yearly hours cap (negative: none). */
    static RouteRules ustIshimWith(String name, String catalogue, Integer maxHoursPerYear) throws IOException {
        Path base = Files.createDirectories(dir.resolve(name));
        Files.createDirectories(base.resolve("common"));
        Files.createDirectories(base.resolve("ust-ishim"));
        // The route rule files: the shared ones and Ust-Ishim's own (its exceptions and its table of needs).
        for (String folder : List.of("common", "ust-ishim")) {
            try (java.util.stream.Stream<Path> files = Files.list(Path.of(folder))) {
                for (Path file : files.filter(f -> f.getFileName().toString().startsWith("routes")
                        || f.getFileName().toString().equals("teacher-facts.drl")).toList()) {
                    Files.copy(file, base.resolve(folder).resolve(file.getFileName().toString()));
                }
            }
        }
        String manifest = Files.readString(Path.of("ust-ishim/manifest.yaml"));
        if (maxHoursPerYear != null && maxHoursPerYear < 0) {
            manifest = manifest.replaceAll("(?s)  maxHoursPerYear:\n.*?(?=  defaultCapacity:)", "");
            assertThat(manifest).doesNotContain("maxHoursPerYear");
        } else if (maxHoursPerYear != null) {
            manifest = manifest.replace("  maxHoursPerYear:\n    value: 180\n", "  maxHoursPerYear:\n    value: " + maxHoursPerYear + "\n");
            assertThat(manifest).contains("value: " + maxHoursPerYear + "\n");
        }
        Files.writeString(base.resolve("ust-ishim/manifest.yaml"), manifest);
        Files.writeString(base.resolve("ust-ishim/catalogue.csv"), catalogue);
        return new RuleSetCompiler(Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC))
                .compile(RuleBaseSource.fromDirectory(base)).jurisdiction("ust-ishim").orElseThrow().decision(RouteRules.class).orElseThrow();
    }

    static final String HEADER = "Код;Название;Вид;Области;Предметы;Часы;Формат;Организатор;Подтверждение;Федеральный реестр;Недель\n";
    static final String ALL_AREAS = "SUBJECT / METHODICAL / PSYCHO_PEDAGOGICAL / COMMUNICATIVE / REGULATORY / DIGITAL / "
            + "FUNCTIONAL_LITERACY / UPDATED_FGOS / UPBRINGING / INCLUSIVE / ASSESSMENT / MANAGEMENT";

    static List<String> ids(List<RouteItem> items) {
        return items.stream().map(RouteItem::activityId).toList();
    }

    static RouteItem item(RouteOutcome outcome, String id) {
        return outcome.route().thisYear().stream().filter(i -> i.activityId().equals(id)).findFirst().orElseThrow();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The hours cap: severe deficits first, the mentoring that serves them all among them
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void overTheCapTheSevereDeficitsMentoringIsKeptAndNothingOfALowerPriorityBeforeEverySevereItem() {
        // The review's example: four severe deficits of a teacher of Russian, 5 May 2026, cap 180 h. Severe: UI-F-RUS 60,
        // UI-F-DIG 36, UI-F-INCL 72, UI-F-COMM 24 and one mentoring 36 for all four = 228 h; burnout prevention 8 h is of
        // the partial tier. The mentoring serves four needs and goes first; UI-F-INCL does not fit into what is left, and
        // the burnout programme waits too, since a severe deficit's course waits.
        RouteOutcome outcome = routes("ust-ishim").evaluate(teacher(LocalDate.of(1980, 4, 2), 20, "русский язык"), null,
                new Diagnostics(null, scores(CompetenceArea.SUBJECT, 7, CompetenceArea.COMMUNICATIVE, 0, CompetenceArea.DIGITAL, 31,
                        CompetenceArea.INCLUSIVE, 33)), null, LocalDate.of(2026, 5, 5));

        assertThat(ids(outcome.route().thisYear())).containsExactlyInAnyOrder("UI-F-RUS", "UI-F-DIG", "UI-F-COMM", "UI-MENT");
        assertThat(ids(outcome.route().deferred())).containsExactlyInAnyOrder("UI-F-INCL", "UI-BURN");
        assertThat(hoursThisYear(outcome)).isEqualTo(60 + 36 + 24 + 36);
        assertThat(item(outcome, "UI-MENT").areas()).containsExactly(CompetenceArea.SUBJECT, CompetenceArea.COMMUNICATIVE,
                CompetenceArea.DIGITAL, CompetenceArea.INCLUSIVE);
        assertThat(outcome.reasons()).filteredOn(r -> r.code().equals("SEVERE_DEFICIT_SUPPORT")).hasSize(4)
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(ReasonStatus.MET));
        assertThat(outcome.reasons()).filteredOn(r -> r.message().contains("(UI-F-INCL) отложено")).singleElement()
                .satisfies(r -> assertThat(r.message()).endsWith("отложено на 2027/28 учебный год — превышен предел 180 ч в учебный год"));
        assertThat(outcome.reasons()).filteredOn(r -> r.message().contains("(UI-BURN) отложено")).singleElement()
                .satisfies(r -> assertThat(r.message()).contains("сначала — мероприятия по потребностям более высокого приоритета"));
    }

    static final String CAP_CATALOGUE = HEADER
            + "F-METH;Методика;курс ДПО;METHODICAL;;72;дистанционно;Академия;удостоверение;да;8\n"
            + "F-DIG;Цифровая среда;курс ДПО;DIGITAL;;72;дистанционно;Академия;удостоверение;да;8\n"
            + "S-FL;Семинар: грамотность;семинар;FUNCTIONAL_LITERACY;;4;дистанционно;ИМЦ;сертификат;нет;1\n"
            + "MENT;Наставничество;наставничество;" + ALL_AREAS + ";;36;очно;ММА;отчёт;нет;34\n"
            + "TUT;Адресное сопровождение;тьюторское сопровождение;" + ALL_AREAS + ";;36;смешанно;ММА;отчёт;нет;34\n";

    @Test
    void theOneMentoringServingSevereDeficitsAndTheYoungSpecialistComesBeforeACourseOfTheSameTier() throws IOException {
        // Cap 120 h: mentoring (3 needs) 36 + F-METH 72 = 108; F-DIG (72) waits; the 4-hour seminar of a partial deficit
        // would fit, but a severe deficit's course waits, so it waits as well.
        RouteRules rules = ustIshimWith("cap120", CAP_CATALOGUE, 120);
        RouteOutcome outcome = rules.evaluate(teacher(LocalDate.of(2000, 1, 10), 2, "математика"), null, new Diagnostics(null,
                scores(CompetenceArea.METHODICAL, 30, CompetenceArea.DIGITAL, 30, CompetenceArea.FUNCTIONAL_LITERACY, 60)),
                null, RouteRulesTest.AS_OF);

        assertThat(ids(outcome.route().thisYear())).containsExactly("F-METH", "MENT");
        assertThat(ids(outcome.route().deferred())).containsExactly("F-DIG", "S-FL");
        assertThat(item(outcome, "MENT").reason()).contains("Молодой специалист").contains("методические").contains("цифровые");
        assertThat(outcome.reasons()).filteredOn(r -> r.code().equals("YOUNG_SPECIALIST_MENTORING")).singleElement()
                .extracting(Reason::status).isEqualTo(ReasonStatus.MET);
    }

    @Test
    void withinATierASmallerItemStillFillsTheRoomABiggerOneLeavesAndLaterYearsTakeTheRestUnderTheSameCap() throws IOException {
        // Cap 100 h, three severe deficits, a school with low results and a partial deficit. Tutoring serves four needs
        // (the school and the three severe deficits) and goes first: 36 h; F-METH and F-DIG (72 h each) do not fit, the
        // 24-hour F-COMM of the same tier does; the partial deficit's 4-hour seminar waits behind the severe courses.
        RouteRules rules = ustIshimWith("cap100", CAP_CATALOGUE
                + "F-COMM;Коммуникация;курс ДПО;COMMUNICATIVE;;24;дистанционно;Академия;удостоверение;да;3\n", 100);
        RouteOutcome outcome = rules.evaluate(EXPERIENCED_MATH, new School(null, List.of(SchoolFlag.LOW_RESULTS)),
                new Diagnostics(null, scores(CompetenceArea.METHODICAL, 30, CompetenceArea.DIGITAL, 30,
                        CompetenceArea.COMMUNICATIVE, 30, CompetenceArea.FUNCTIONAL_LITERACY, 60)), null, RouteRulesTest.AS_OF);

        assertThat(ids(outcome.route().thisYear())).containsExactly("TUT", "F-COMM");
        assertThat(hoursThisYear(outcome)).isEqualTo(60);
        assertThat(item(outcome, "TUT").areas()).containsExactly(CompetenceArea.METHODICAL, CompetenceArea.COMMUNICATIVE,
                CompetenceArea.DIGITAL);
        // Each later school year under the same cap: F-METH in 2027/28; F-DIG and then the seminar in 2028/29.
        assertThat(ids(outcome.route().deferred())).containsExactly("F-METH", "F-DIG", "S-FL");
        assertThat(outcome.route().deferred()).extracting(i -> i.start().getYear()).containsExactly(2027, 2028, 2028);
        assertThat(outcome.reasons()).filteredOn(r -> r.message().contains("(F-DIG) отложено")).singleElement()
                .satisfies(r -> assertThat(r.message()).contains("отложено на 2028/29 учебный год — превышен предел 100 ч"));
        assertThat(outcome.reasons()).filteredOn(r -> r.message().contains("(S-FL) отложено")).singleElement()
                .satisfies(r -> assertThat(r.message()).contains("сначала — мероприятия по потребностям более высокого приоритета"));
    }

    @Test
    void withoutACapCoursesThatDoNotFitIntoTheYearByTheirDatesWaitForTheNextOne() throws IOException {
        // Six severe deficits, a federal course of 8 weeks for each, no hours cap. From 1 December to 31 May (26 weeks)
        // three courses fit one after another; even a whole school year (39 weeks) would not take all six, so the route
        // starts now and the other three follow in 2027/28.
        StringBuilder catalogue = new StringBuilder(HEADER);
        List<CompetenceArea> areas = List.of(CompetenceArea.METHODICAL, CompetenceArea.DIGITAL, CompetenceArea.REGULATORY,
                CompetenceArea.INCLUSIVE, CompetenceArea.ASSESSMENT, CompetenceArea.MANAGEMENT);
        for (CompetenceArea area : areas) {
            catalogue.append("F-").append(area).append(";Курс;курс ДПО;").append(area).append(";;72;дистанционно;Академия;удостоверение;да;8\n");
        }
        catalogue.append("MENT;Наставничество;наставничество;").append(ALL_AREAS).append(";;36;очно;ММА;отчёт;нет;34\n");
        RouteRules rules = ustIshimWith("nocap", catalogue.toString(), -1);
        Map<CompetenceArea, Integer> scores = new java.util.EnumMap<>(CompetenceArea.class);
        areas.forEach(area -> scores.put(area, 20));

        RouteOutcome outcome = rules.evaluate(EXPERIENCED_MATH, null, new Diagnostics(null, scores), null, RouteRulesTest.AS_OF);

        assertThat(ids(outcome.route().thisYear())).containsExactly("F-METHODICAL", "F-DIGITAL", "F-REGULATORY", "MENT");
        assertThat(outcome.route().thisYear()).allSatisfy(i -> assertThat(i.end()).isBeforeOrEqualTo(LocalDate.of(2027, 5, 31)));
        assertThat(outcome.route().followUpDiagnostics()).isEqualTo(LocalDate.of(2027, 9, 1));
        assertThat(ids(outcome.route().deferred())).containsExactly("F-INCLUSIVE", "F-ASSESSMENT", "F-MANAGEMENT");
        assertThat(outcome.route().deferred()).allSatisfy(i -> {
            assertThat(i.start()).isAfterOrEqualTo(LocalDate.of(2027, 9, 1));
            assertThat(i.end()).isBeforeOrEqualTo(LocalDate.of(2028, 5, 31));
        });
        assertThat(outcome.reasons()).filteredOn(r -> r.message().contains("(F-INCLUSIVE) отложено")).singleElement()
                .satisfies(r -> assertThat(r.message()).endsWith("отложено на 2027/28 учебный год — не помещается по срокам в "
                        + "2026/27 учебный год"));
        assertThat(outcome.reasons()).noneMatch(r -> r.code().equals("NEXT_SCHOOL_YEAR"));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // A partial deficit gets a short form; the teacher's subject matters among forms of the preferred kind
    // ---------------------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}: частичный предметный дефицит → {1}")
    @CsvSource({"ust-ishim, UI-MC-SUBJ, MASTER_CLASS", "turochak, TR-CONS, SEMINAR", "kuznetsk, KZ-MC-SUBJ, MASTER_CLASS",
            "dagestan, DG-CL-SUBJ, METHODICAL_CLUSTER"})
    void aPartialSubjectDeficitGetsAShortFormNotTheFederalSubjectCourse(String jurisdiction, String activity, ActivityType type) {
        RouteOutcome outcome = routes(jurisdiction).evaluate(EXPERIENCED_MATH, null,
                new Diagnostics(null, scores(CompetenceArea.SUBJECT, 60)), null, RouteRulesTest.AS_OF);

        assertThat(outcome.route().thisYear()).singleElement().satisfies(item -> {
            assertThat(item.activityId()).isEqualTo(activity);
            assertThat(item.type()).isEqualTo(type);
            assertThat(item.areas()).containsExactly(CompetenceArea.SUBJECT);
        });
    }

    static final String SUBJECT_CATALOGUE = HEADER
            + "F-MATH;Школа учителя математики;курс ДПО;SUBJECT;математика;60;дистанционно;Академия;удостоверение;да;8\n"
            + "F-SUBJ;Предметные компетенции;курс ДПО;SUBJECT;;72;дистанционно;Академия;удостоверение;да;8\n"
            + "MC-SUBJ;Мастер-класс: трудные темы предмета;мастер-класс;SUBJECT;;3;очно;ММА;сертификат;нет;1\n"
            + "MC-MATH;Мастер-класс: трудные темы математики;мастер-класс;SUBJECT;математика;3;очно;ММА;сертификат;нет;1\n"
            + "OL-MATH;Открытый урок математики;открытый урок;SUBJECT;математика;4;очно;ММА;конспект;нет;1\n"
            + "MENT;Наставничество;наставничество;" + ALL_AREAS + ";;36;очно;ММА;отчёт;нет;34\n";

    @Test
    void amongShortFormsOfThePreferredKindOneOfTheTeachersSubjectComesFirst() throws IOException {
        RouteRules rules = ustIshimWith("subject", SUBJECT_CATALOGUE, null);
        Diagnostics partial = new Diagnostics(null, scores(CompetenceArea.SUBJECT, 60));

        // Master classes come before open lessons in the rule: the mathematics master class, not the 60-hour course.
        assertThat(ids(rules.evaluate(EXPERIENCED_MATH, null, partial, null, RouteRulesTest.AS_OF).route().thisYear()))
                .containsExactly("MC-MATH");
        // A physics teacher: the general master class (the subject's forms are not open to them).
        TeacherProfile physics = teacher(LocalDate.of(1980, 4, 2), 20, "физика");
        assertThat(ids(rules.evaluate(physics, null, partial, null, RouteRulesTest.AS_OF).route().thisYear())).containsExactly("MC-SUBJ");
        // A severe subject deficit still gets the federal course of the teacher's subject.
        assertThat(ids(rules.evaluate(EXPERIENCED_MATH, null, new Diagnostics(null, scores(CompetenceArea.SUBJECT, 30)), null,
                RouteRulesTest.AS_OF).route().thisYear())).containsExactly("F-MATH", "MENT");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The same input gives the same route and the same texts
    // ---------------------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ust-ishim", "turochak", "kuznetsk", "dagestan"})
    void fiftyDecisionsOfTheSameInputGiveTheSameItemsAndReasons(String jurisdiction) {
        RouteRules rules = routes(jurisdiction);
        TeacherProfile teacher = teacher(LocalDate.of(1999, 2, 2), 2, "математика");
        School school = new School("МБОУ «Аксёновская СОШ»", List.of(SchoolFlag.LOW_RESULTS));
        Map<CompetenceArea, Integer> scores = scores(CompetenceArea.PSYCHO_PEDAGOGICAL, 60, CompetenceArea.COMMUNICATIVE, 60,
                CompetenceArea.METHODICAL, 40, CompetenceArea.SUBJECT, 45, CompetenceArea.FUNCTIONAL_LITERACY, 70,
                CompetenceArea.DIGITAL, 20, CompetenceArea.INCLUSIVE, 30);
        RouteOutcome first = rules.evaluate(teacher, school, new Diagnostics(null, scores), null, RouteRulesTest.AS_OF);
        for (int run = 2; run <= 50; run++) {
            RouteOutcome again = rules.evaluate(teacher, school, new Diagnostics(null, scores), null, RouteRulesTest.AS_OF);
            assertThat(again.deficits()).as("решение № " + run).isEqualTo(first.deficits());
            assertThat(again.route()).as("решение № " + run).isEqualTo(first.route());
            assertThat(again.reasons()).as("решение № " + run).isEqualTo(first.reasons());
        }
    }

    @Test
    void bothBurnoutNeedsAreListedInTheOrderOfTheirAreas() {
        RouteOutcome outcome = routes("ust-ishim").evaluate(EXPERIENCED_MATH, null, new Diagnostics(null,
                scores(CompetenceArea.PSYCHO_PEDAGOGICAL, 60, CompetenceArea.COMMUNICATIVE, 60)), null, RouteRulesTest.AS_OF);

        RouteItem burnout = item(outcome, "UI-BURN");
        assertThat(burnout.areas()).containsExactly(CompetenceArea.PSYCHO_PEDAGOGICAL, CompetenceArea.COMMUNICATIVE);
        assertThat(burnout.reason()).isEqualTo("Частичный дефицит: психолого-педагогические компетенции — 60 % (ниже 75 %) — "
                + "профилактика профессионального выгорания; Частичный дефицит: коммуникативные компетенции — 60 % (ниже 75 %) — "
                + "профилактика профессионального выгорания");
        assertThat(outcome.reasons()).filteredOn(r -> r.code().equals("BURNOUT_PREVENTION")).extracting(Reason::message)
                .satisfiesExactly(m -> assertThat(m).contains("психолого-педагогические"), m -> assertThat(m).contains("коммуникативные"));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // An item's areas are the deficits it serves
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void mentoringOfAYoungSpecialistWithoutDeficitsListsNoAreasAndItsReasonStatesTheCircumstance() {
        RouteOutcome outcome = routes("ust-ishim").evaluate(teacher(LocalDate.of(2001, 4, 2), 1, "русский язык"), null,
                new Diagnostics(null, scores(CompetenceArea.SUBJECT, 90)), null, RouteRulesTest.AS_OF);

        assertThat(outcome.route().thisYear()).singleElement().satisfies(item -> {
            assertThat(item.type()).isEqualTo(ActivityType.MENTORING);
            assertThat(item.areas()).isEmpty();
            assertThat(item.reason()).startsWith("Молодой специалист");
        });
    }

    @Test
    void tutoringForALowResultsSchoolListsOnlyTheDeficitsItServes() {
        School low = new School("МБОУ «Аксёновская СОШ»", List.of(SchoolFlag.LOW_RESULTS));
        RouteOutcome alone = routes("turochak").evaluate(EXPERIENCED_MATH, low,
                new Diagnostics(null, scores(CompetenceArea.METHODICAL, 60)), null, RouteRulesTest.AS_OF);
        // The partial methodical deficit has its seminar; the tutoring answers the school's circumstance only.
        assertThat(item(alone, "TR-TUT").areas()).isEmpty();
        assertThat(item(alone, "TR-TUT").reason()).contains("низкими").contains("Аксёновская");
        assertThat(item(alone, "TR-S-METH").areas()).containsExactly(CompetenceArea.METHODICAL);

        RouteOutcome withSevere = routes("turochak").evaluate(EXPERIENCED_MATH, low,
                new Diagnostics(null, scores(CompetenceArea.METHODICAL, 60, CompetenceArea.DIGITAL, 30)), null, RouteRulesTest.AS_OF);
        assertThat(item(withSevere, "TR-TUT").areas()).containsExactly(CompetenceArea.DIGITAL);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // What kind of route came out
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void theOutcomeSaysWhetherTheRouteHasItemsAllDeferredNeedsNotMetOrNothingToDo() throws IOException {
        RouteRules rules = routes("ust-ishim");
        Diagnostics severe = new Diagnostics(null, scores(CompetenceArea.METHODICAL, 40));
        assertThat(rules.evaluate(EXPERIENCED_MATH, null, severe, null, RouteRulesTest.AS_OF).result())
                .isEqualTo(RouteOutcome.Result.ROUTE);
        assertThat(rules.evaluate(EXPERIENCED_MATH, null, new Diagnostics(null, scores(CompetenceArea.METHODICAL, 90)), null,
                RouteRulesTest.AS_OF).result()).isEqualTo(RouteOutcome.Result.EMPTY);

        // A young specialist asking for distance forms only: the catalogue's mentoring is in person — nothing is met.
        RouteOutcome unmet = rules.evaluate(teacher(LocalDate.of(2001, 4, 2), 1, "физика"), null,
                new Diagnostics(null, scores(CompetenceArea.METHODICAL, 90)), new Preferences(true), RouteRulesTest.AS_OF);
        assertThat(unmet.route().thisYear()).isEmpty();
        assertThat(unmet.route().deferred()).isEmpty();
        assertThat(unmet.unmetNeeds()).isEqualTo(1);
        assertThat(unmet.result()).isEqualTo(RouteOutcome.Result.NEEDS_NOT_MET);

        // A cap smaller than any item: everything waits for later years, one item a year.
        RouteOutcome deferred = ustIshimWith("cap30", CAP_CATALOGUE, 30).evaluate(EXPERIENCED_MATH, null, severe, null,
                RouteRulesTest.AS_OF);
        assertThat(deferred.route().thisYear()).isEmpty();
        assertThat(ids(deferred.route().deferred())).containsExactly("F-METH", "MENT");
        assertThat(deferred.route().deferred()).extracting(i -> i.start().getYear()).containsExactly(2027, 2028);
        assertThat(deferred.unmetNeeds()).isZero();
        assertThat(deferred.result()).isEqualTo(RouteOutcome.Result.ALL_DEFERRED);
    }

    /** The hours of the route's own school year: the yearly cap applies to them. */
    static int hoursThisYear(RouteOutcome outcome) {
        return outcome.route().hoursThisYear();
    }
}
