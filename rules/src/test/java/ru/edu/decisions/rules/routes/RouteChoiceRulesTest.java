package ru.edu.decisions.rules.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.edu.decisions.rules.routes.RoutePlanningTest.ALL_AREAS;
import static ru.edu.decisions.rules.routes.RoutePlanningTest.HEADER;
import static ru.edu.decisions.rules.routes.RoutePlanningTest.ids;
import static ru.edu.decisions.rules.routes.RouteRulesTest.AS_OF;
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
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.edu.decisions.model.TeacherProfile;
import ru.edu.decisions.model.routes.CompetenceArea;
import ru.edu.decisions.model.routes.Diagnostics;
import ru.edu.decisions.model.routes.School;
import ru.edu.decisions.model.routes.SchoolFlag;
import ru.edu.decisions.rules.engine.RuleBaseSource;
import ru.edu.decisions.rules.engine.RuleSetCompiler;

/**
 * The choice of activities and the order of deferral are the rules' ({@code rules/common/routes-choice.drl}), not the
 * planner's: each test takes one of its rules out of (or changes it in) a copy of the Ust-Ishim route rules and shows
 * the same input then gets another route — the rule's policy is gone with it.
 */
class RouteChoiceRulesTest {

    @TempDir
    static Path dir;

    /** A small catalogue where each rule of choice and deferral makes a difference (the line order is not the codes'). */
    static final String CATALOGUE = HEADER
            + "F-METH;Методика;курс ДПО;METHODICAL;;72;дистанционно;Академия;удостоверение;да;8\n"
            + "F-DIG;Цифровая среда;курс ДПО;DIGITAL;;72;дистанционно;Академия;удостоверение;да;8\n"
            + "S-FL;Семинар: грамотность;семинар;FUNCTIONAL_LITERACY;;4;дистанционно;ИМЦ;сертификат;нет;1\n"
            + "MENT;Наставничество;наставничество;" + ALL_AREAS + ";;36;очно;ММА;отчёт;нет;34\n"
            + "TUT;Адресное сопровождение;тьюторское сопровождение;" + ALL_AREAS + ";;36;смешанно;ММА;отчёт;нет;34\n"
            + "F-COMM;Коммуникация;курс ДПО;COMMUNICATIVE;;24;дистанционно;Академия;удостоверение;да;3\n"
            + "S-B;Семинар: нормативная база (Б);семинар;REGULATORY;;4;дистанционно;ИМЦ;сертификат;нет;1\n"
            + "S-A;Семинар: нормативная база (А);семинар;REGULATORY;;4;дистанционно;ИМЦ;сертификат;нет;1\n"
            + "F-MATH;Школа учителя математики;курс ДПО;SUBJECT;математика;60;дистанционно;Академия;удостоверение;да;8\n"
            + "MC-SUBJ;Мастер-класс: трудные темы предмета;мастер-класс;SUBJECT;;3;очно;ММА;сертификат;нет;1\n"
            + "MC-MATH;Мастер-класс: трудные темы математики;мастер-класс;SUBJECT;математика;3;очно;ММА;сертификат;нет;1\n";

    static final String FEWER_KINDS = "Первой выбирает мероприятие потребность, допускающая меньше видов мероприятий, — более широкие берут уже выбранное";
    static final String ALREADY_CHOSEN = "Мероприятие, уже выбранное для другой потребности, выбирается и для этой: одно мероприятие не входит в маршрут дважды";
    static final String KIND_FIRST = "Мероприятие вида, названного в таблице потребностей первым, предпочтительнее мероприятий следующих видов";
    static final String SUBJECT_FIRST = "При предметном дефиците мероприятие по предмету педагога предпочтительнее общего мероприятия того же вида";
    static final String CATALOGUE_FIRST = "Из равноценных мероприятий выбирается то, что стоит в каталоге выше";
    static final String STRICT_PRIORITY = "Предел часов в год: мероприятия берутся строго по приоритету потребностей — более низкого приоритета, только когда взяты все более высокого";
    static final String MORE_NEEDS_FIRST = "Предел часов в год: внутри приоритета первым берётся мероприятие, закрывающее больше потребностей";
    static final String CAP_CATALOGUE_FIRST = "Предел часов в год: из равноценных мероприятий первым берётся то, что стоит в каталоге выше";

    static final String NEXT_SCHOOL_YEAR = "Если мероприятия маршрута не помещаются по срокам в остаток учебного года, а в следующий учебный год помещаются, маршрут планируется на следующий учебный год";

    static RouteRules shipped;

    @BeforeAll
    static void compileTheShippedChoiceRules() throws IOException {
        shipped = ustIshim("shipped", null, null);
    }

    /**
     * The shipped Ust-Ishim route rules with {@link #CATALOGUE}, {@code routes-choice.drl} changed by {@code edit} (null: as shipped) and,
     * when given, another yearly hours cap.
     */
    static RouteRules ustIshim(String name, @Nullable UnaryOperator<String> edit, @Nullable Integer maxHoursPerYear) throws IOException {
        return ustIshim(name, edit, maxHoursPerYear, "");
    }

    /** As {@link #ustIshim(String, UnaryOperator, Integer)}, with {@code parameters} added to the manifest's parameters. */
    static RouteRules ustIshim(String name, @Nullable UnaryOperator<String> edit, @Nullable Integer maxHoursPerYear,
                               String parameters) throws IOException {
        Path base = Files.createDirectories(dir.resolve(name));
        for (String folder : List.of("common", "ust-ishim")) {
            Files.createDirectories(base.resolve(folder));
            try (java.util.stream.Stream<Path> files = Files.list(Path.of(folder))) {
                for (Path file : files.filter(f -> f.getFileName().toString().startsWith("routes")
                        || f.getFileName().toString().equals("teacher-facts.drl")).toList()) {
                    Files.copy(file, base.resolve(folder).resolve(file.getFileName().toString()));
                }
            }
        }
        Path choice = base.resolve("common/routes-choice.drl");
        String rules = Files.readString(choice);
        if (edit != null) {
            String edited = edit.apply(rules);
            assertThat(edited).as("правка правил выбора").isNotEqualTo(rules);
            Files.writeString(choice, edited);
        }
        String manifest = Files.readString(Path.of("ust-ishim/manifest.yaml"));
        if (maxHoursPerYear != null) {
            manifest = manifest.replace("  maxHoursPerYear:\n    value: 180\n", "  maxHoursPerYear:\n    value: " + maxHoursPerYear + "\n");
            assertThat(manifest).contains("value: " + maxHoursPerYear + "\n");
        }
        if (!parameters.isEmpty()) {
            manifest = manifest.replace("parameters:\n", "parameters:\n" + parameters);
            assertThat(manifest).contains(parameters);
        }
        Files.writeString(base.resolve("ust-ishim/manifest.yaml"), manifest);
        Files.writeString(base.resolve("ust-ishim/catalogue.csv"), CATALOGUE);
        return new RuleSetCompiler(Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC))
                .compile(RuleBaseSource.fromDirectory(base)).jurisdiction("ust-ishim").orElseThrow()
                .decision(RouteRules.class).orElseThrow();
    }

    /** The rule file without the rule named {@code name}. */
    static UnaryOperator<String> without(String name) {
        return drl -> {
            Matcher rule = Pattern.compile("(?s)rule \"" + Pattern.quote(name) + "\".*?\nend\n").matcher(drl);
            assertThat(rule.find()).as("правило «%s» в routes-choice.drl", name).isTrue();
            return rule.replaceFirst("");
        };
    }

    static RouteOutcome decide(RouteRules rules, TeacherProfile teacher, @Nullable School school, Object... scores) {
        return rules.evaluate(teacher, school, new Diagnostics(null, scores(scores)), null, AS_OF);
    }

    static final School LOW_RESULTS = new School("МБОУ «Аксёновская СОШ»", List.of(SchoolFlag.LOW_RESULTS));

    // ---------------------------------------------------------------------------------------------------------------
    // Which activity a need takes
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void withoutTheRuleThatNarrowerNeedsChooseFirstASevereDeficitGetsMentoringBesideTheSchoolsTutoring() throws IOException {
        // A severe deficit admits mentoring or tutoring, the low-results school only tutoring. The school's need chooses
        // first, so the deficit takes the tutoring already chosen; without the rule the deficit (priority 1) chooses
        // first, takes mentoring (its kind named first) and the school adds tutoring.
        assertThat(ids(decide(shipped, EXPERIENCED_MATH, LOW_RESULTS, CompetenceArea.METHODICAL, 30).route().thisYear()))
                .containsExactly("F-METH", "TUT");
        RouteRules altered = ustIshim("no-fewer-kinds", without(FEWER_KINDS), null);
        assertThat(ids(decide(altered, EXPERIENCED_MATH, LOW_RESULTS, CompetenceArea.METHODICAL, 30).route().thisYear()))
                .containsExactly("F-METH", "MENT", "TUT");
    }

    @Test
    void withoutTheRuleToReuseAnActivityTheRouteGetsASecondSupportForm() throws IOException {
        RouteRules altered = ustIshim("no-reuse", without(ALREADY_CHOSEN), null);
        RouteOutcome outcome = decide(altered, EXPERIENCED_MATH, LOW_RESULTS, CompetenceArea.METHODICAL, 30);
        assertThat(ids(outcome.route().thisYear())).containsExactly("F-METH", "MENT", "TUT");
        assertThat(outcome.trace()).noneMatch(fired -> fired.rule().equals(ALREADY_CHOSEN));
        assertThat(decide(shipped, EXPERIENCED_MATH, LOW_RESULTS, CompetenceArea.METHODICAL, 30).trace())
                .anyMatch(fired -> fired.rule().equals(ALREADY_CHOSEN) && "decisions-v1:routes".equals(fired.clause()));
    }

    @Test
    void withoutTheRuleOfTheTablesKindOrderAPartialDeficitGetsTheFirstCourseInTheCatalogue() throws IOException {
        // A partial subject deficit admits seminars, …, master classes, …, courses (in this order in Ust-Ishim's table).
        assertThat(ids(decide(shipped, EXPERIENCED_MATH, null, CompetenceArea.SUBJECT, 60).route().thisYear()))
                .containsExactly("MC-MATH");
        RouteRules altered = ustIshim("no-kind-order", without(KIND_FIRST), null);
        assertThat(ids(decide(altered, EXPERIENCED_MATH, null, CompetenceArea.SUBJECT, 60).route().thisYear()))
                .containsExactly("F-MATH");
    }

    @Test
    void withoutTheRuleOfTheTeachersSubjectTheGeneralMasterClassListedHigherIsChosen() throws IOException {
        RouteRules altered = ustIshim("no-subject", without(SUBJECT_FIRST), null);
        assertThat(ids(decide(altered, EXPERIENCED_MATH, null, CompetenceArea.SUBJECT, 60).route().thisYear()))
                .containsExactly("MC-SUBJ");
    }

    @Test
    void withoutTheRuleOfCatalogueOrderEqualSeminarsAreChosenByCodeNotByTheirPlaceInTheCatalogue() throws IOException {
        assertThat(ids(decide(shipped, EXPERIENCED_MATH, null, CompetenceArea.REGULATORY, 60).route().thisYear()))
                .containsExactly("S-B");
        RouteRules altered = ustIshim("no-catalogue-order", without(CATALOGUE_FIRST), null);
        assertThat(ids(decide(altered, EXPERIENCED_MATH, null, CompetenceArea.REGULATORY, 60).route().thisYear()))
                .containsExactly("S-A");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // What the hours cap takes first and what waits
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void withoutStrictPriorityAPartialDeficitsSeminarFillsTheRoomASevereDeficitsCourseLeaves() throws IOException {
        // Cap 120 h, a young specialist with two severe deficits and a partial one: mentoring 36 + F-METH 72 = 108 h;
        // F-DIG (72 h) waits. Strictly by priority the 4-hour seminar of the partial deficit waits as well.
        TeacherProfile young = teacher(LocalDate.of(2000, 1, 10), 2, "математика");
        Object[] scores = {CompetenceArea.METHODICAL, 30, CompetenceArea.DIGITAL, 30, CompetenceArea.FUNCTIONAL_LITERACY, 60};
        RouteOutcome strict = decide(ustIshim("cap120", null, 120), young, null, scores);
        assertThat(ids(strict.route().thisYear())).containsExactly("F-METH", "MENT");
        assertThat(ids(strict.route().deferred())).containsExactly("F-DIG", "S-FL");
        assertThat(strict.reasons()).filteredOn(r -> r.message().contains("(S-FL) отложено")).singleElement()
                .satisfies(r -> assertThat(r.message()).endsWith("превышен предел 120 ч в учебный год: сначала — мероприятия "
                        + "по потребностям более высокого приоритета"));

        RouteOutcome lenient = decide(ustIshim("cap120-not-strict", without(STRICT_PRIORITY), 120), young, null, scores);
        assertThat(ids(lenient.route().thisYear())).containsExactly("F-METH", "MENT", "S-FL");
        assertThat(ids(lenient.route().deferred())).containsExactly("F-DIG");
    }

    @Test
    void withoutTheRuleThatAnItemServingMoreNeedsGoesFirstTheCapTakesACourseBeforeTheTutoringOfFourNeeds() throws IOException {
        // Cap 100 h, three severe deficits and a low-results school: the tutoring serves four needs and goes first (36 h),
        // then the 24-hour course; without the rule the catalogue's first course (72 h) goes first and the tutoring waits.
        Object[] scores = {CompetenceArea.METHODICAL, 30, CompetenceArea.DIGITAL, 30, CompetenceArea.COMMUNICATIVE, 30,
                CompetenceArea.FUNCTIONAL_LITERACY, 60};
        assertThat(ids(decide(ustIshim("cap100", null, 100), EXPERIENCED_MATH, LOW_RESULTS, scores)
                .route().thisYear())).containsExactly("TUT", "F-COMM");
        RouteRules altered = ustIshim("cap100-no-more-needs", without(MORE_NEEDS_FIRST), 100);
        assertThat(ids(decide(altered, EXPERIENCED_MATH, LOW_RESULTS, scores).route().thisYear()))
                .containsExactly("F-METH", "F-COMM");
    }

    @Test
    void withoutTheCapsCatalogueOrderOfTwoEqualCoursesTheOneWithTheSmallerCodeIsKept() throws IOException {
        // Cap 110 h: the mentoring of both severe deficits (36 h) and one 72-hour course.
        Object[] scores = {CompetenceArea.METHODICAL, 30, CompetenceArea.DIGITAL, 30};
        assertThat(ids(decide(ustIshim("cap110", null, 110), EXPERIENCED_MATH, null, scores)
                .route().thisYear())).containsExactly("F-METH", "MENT");
        RouteRules altered = ustIshim("cap110-no-catalogue-order", without(CAP_CATALOGUE_FIRST), 110);
        assertThat(ids(decide(altered, EXPERIENCED_MATH, null, scores).route().thisYear())).containsExactly("F-DIG", "MENT");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // In what order the year's items are listed and laid out
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void withCatalogueOrderPutBeforePriorityTheRouteListsThePartialDeficitsSeminarBeforeTheMentoring() throws IOException {
        Object[] scores = {CompetenceArea.METHODICAL, 30, CompetenceArea.FUNCTIONAL_LITERACY, 60};
        assertThat(ids(decide(shipped, EXPERIENCED_MATH, null, scores).route().thisYear()))
                .containsExactly("F-METH", "MENT", "S-FL");
        RouteRules altered = ustIshim("route-order", drl -> drl.replace("PlanningStep.ROUTE_ORDER, 1, OrderBy.PRIORITY",
                "PlanningStep.ROUTE_ORDER, 3, OrderBy.PRIORITY"), null);
        assertThat(ids(decide(altered, EXPERIENCED_MATH, null, scores).route().thisYear()))
                .containsExactly("F-METH", "S-FL", "MENT");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Which school year the route starts in
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void withoutTheRuleToMoveATooLongRouteItStartsInTheRestOfTheYearAndTheSecondCourseWaits() throws IOException {
        // 23 March 2027, two severe deficits: two 8-week courses one after the other do not fit into April and May, both
        // fit into 2027/28. With the rule the whole route moves there; without it the first course (56 days) runs in
        // April and May and the second waits for 2027/28.
        Object[] scores = {CompetenceArea.METHODICAL, 30, CompetenceArea.DIGITAL, 30};
        LocalDate asOf = LocalDate.of(2027, 3, 23);
        RouteOutcome moved = shipped.evaluate(EXPERIENCED_MATH, null, new Diagnostics(null, scores(scores)), null, asOf);
        assertThat(ids(moved.route().thisYear())).containsExactly("F-METH", "F-DIG", "MENT");
        assertThat(moved.route().thisYear()).allSatisfy(i -> assertThat(i.start()).isAfterOrEqualTo(LocalDate.of(2027, 9, 1)));
        assertThat(moved.reasons()).anyMatch(r -> r.code().equals(RoutePlanner.NEXT_SCHOOL_YEAR));

        RouteRules altered = ustIshim("no-next-year", without(NEXT_SCHOOL_YEAR), null);
        RouteOutcome now = altered.evaluate(EXPERIENCED_MATH, null, new Diagnostics(null, scores(scores)), null, asOf);
        assertThat(ids(now.route().thisYear())).containsExactly("F-METH", "MENT");
        assertThat(now.route().thisYear()).allSatisfy(i -> assertThat(i.end()).isBeforeOrEqualTo(LocalDate.of(2027, 5, 31)));
        assertThat(ids(now.route().deferred())).containsExactly("F-DIG");
        assertThat(now.reasons()).noneMatch(r -> r.code().equals(RoutePlanner.NEXT_SCHOOL_YEAR));
        assertThat(now.reasons()).filteredOn(r -> r.message().contains("(F-DIG) отложено")).singleElement()
                .satisfies(r -> assertThat(r.message()).endsWith("не помещается по срокам в 2026/27 учебный год"));
    }

    @Test
    void aJurisdictionCanDifferByAParameterOfItsManifestThatACriterionsRuleAsks() throws IOException {
        // The strict priority made conditional on a manifest parameter: the jurisdiction that sets it gets the lenient cap.
        UnaryOperator<String> conditional = drl -> {
            Matcher rule = Pattern.compile("(?s)(rule \"" + Pattern.quote(STRICT_PRIORITY) + "\".*?when\n)    PlanningPolicy\\(\\)")
                    .matcher(drl);
            assertThat(rule.find()).isTrue();
            return rule.replaceFirst("$1    PlanningPolicy( !parameters.has( \"lenientHoursCap\" ) )");
        };
        TeacherProfile young = teacher(LocalDate.of(2000, 1, 10), 2, "математика");
        Object[] scores = {CompetenceArea.METHODICAL, 30, CompetenceArea.DIGITAL, 30, CompetenceArea.FUNCTIONAL_LITERACY, 60};
        RouteRules without = ustIshim("param-unset", conditional, 120);
        RouteRules with = ustIshim("param-set", conditional, 120,
                "  lenientHoursCap:\n    value: 1\n    description: Предел часов берёт мероприятия по приоритету не строго\n");

        assertThat(ids(decide(without, young, null, scores).route().thisYear())).containsExactly("F-METH", "MENT");
        assertThat(ids(decide(with, young, null, scores).route().thisYear())).containsExactly("F-METH", "MENT", "S-FL");
        assertThat(without.criteria()).anyMatch(c -> c.orderBy() == OrderBy.STRICT_PRIORITY);
        assertThat(with.criteria()).noneMatch(c -> c.orderBy() == OrderBy.STRICT_PRIORITY);
    }
}
