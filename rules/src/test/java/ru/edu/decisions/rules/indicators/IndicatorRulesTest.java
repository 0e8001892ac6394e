package ru.edu.decisions.rules.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import ru.edu.decisions.model.Position;
import ru.edu.decisions.model.routes.ActivityType;
import ru.edu.decisions.rules.engine.ShippedRuleBase;

/**
 * Kuznetsk's indicators (section 4.1 of the regulation) on small populations whose shares are computed by hand. The
 * period is the school year 01.09.2026 – 31.05.2027 unless a test says otherwise. Each expectation is a line of a
 * table a policy officer can check against the population described above it.
 */
class IndicatorRulesTest {

    private static final LocalDate FROM = LocalDate.of(2026, 9, 1);
    private static final LocalDate TO = LocalDate.of(2027, 5, 31);

    /**
     * The population (school «Школа № 1» unless said otherwise):
     * <pre>
     * t1  учитель        диагностика 10.10.2026; ИОМ по ней завершён 20.03.2027; курс ФР выполнен с подтверждением 15.02.2027
     * t2  учитель        диагностика 12.06.2026 (до периода); ИОМ по ней действует
     * t3  учитель        диагностика 05.11.2026; ИОМ пуст (дефицитов нет); региональный методист с 01.02.2027
     * t4  учитель        ничего; региональный методист с 01.07.2027 (после периода)
     * t5  методист       диагностика 01.12.2026; ИОМ действует; курс ФР выполнен, но без подтверждения
     * t6  директор       диагностика 01.09.2026; ИОМ действует
     * t7  заместитель    ничего                                     («Школа № 2»)
     * t8  учитель        должность не указана; курс не из ФР выполнен («Школа № 2»)
     * школы: «Школа № 1» (подтверждённая пара у t2 с 01.10.2026), «Школа № 2» (ничего), «Школа № 3» (отмечена
     *        включённой в модель с 01.01.2027); управленческие команды: «Школа № 1» 10.11.2026, «Школа № 2» 01.08.2026
     * дорожная карта № 7 от 28.08.2026; опросы 01.12.2026 (81,5 %, 120 человек) и 01.04.2027 (84,0 %, 140 человек)
     * </pre>
     */
    @Test
    void kuznetskIndicatorsOfASmallMunicipalityMatchTheHandCount() {
        Population p = new Population();
        p.teacher("t1", "Школа № 1", Position.TEACHER, null, null, null);
        p.teacher("t2", "Школа № 1", Position.TEACHER, null, null, null);
        p.teacher("t3", "Школа № 1", Position.TEACHER, null, null, date("2027-02-01"));
        p.teacher("t4", "Школа № 1", Position.TEACHER, null, null, date("2027-07-01"));
        p.teacher("t5", "Школа № 1", Position.METHODIST, null, null, null);
        p.teacher("t6", "Школа № 1", Position.HEAD, null, null, null);
        p.teacher("t7", "Школа № 2", Position.DEPUTY_HEAD, null, null, null);
        p.teacher("t8", "Школа № 2", null, null, null, null);
        p.route("r1", "t1", "2026-10-10", "COMPLETED", "2027-03-20");
        p.item("r1", "t1", ActivityType.COURSE, true, "DONE", true, "2027-02-15");
        p.route("r2", "t2", "2026-06-12", "ACTIVE", null);
        p.route("r3", "t3", "2026-11-05", "EMPTY", null);
        p.route("r5", "t5", "2026-12-01", "ACTIVE", null);
        p.item("r5", "t5", ActivityType.COURSE, true, "DONE", false, "2027-01-15");
        p.route("r6", "t6", "2026-09-01", "ACTIVE", null);
        p.route("r8", "t8", "2026-10-01", "ACTIVE", null);
        p.item("r8", "t8", ActivityType.COURSE, false, "DONE", true, "2026-12-15");
        p.school("Школа № 1", null);
        p.school("Школа № 2", null);
        p.school("Школа № 3", date("2027-01-01"));
        p.pair("p1", "t2", "Школа № 1", "2026-10-01", null);
        p.team("Школа № 1", "2026-11-10");
        p.team("Школа № 2", "2026-08-01");
        p.roadMaps.add(new RoadMap("7", date("2026-08-28")));
        p.surveys.add(new Survey(date("2026-12-01"), new BigDecimal("81.5"), 120));
        p.surveys.add(new Survey(date("2027-04-01"), new BigDecimal("84.0"), 140));

        IndicatorOutcome outcome = evaluate(p, FROM, TO);

        // педагогические работники: t1 t2 t3 t4 t5 t8 (6); управленческие кадры: t6 t7 (2)
        expect(outcome, """
                код               | числитель | знаменатель | значение | кого считает числитель
                kuznetsk:4.1.1.1  | —         | —           | 1        | дорожная карта № 7 от 28.08.2026
                kuznetsk:4.1.2.1  | 4         | 6           | 66.7     | t1 t3 t5 t8 (у t2 диагностика до периода)
                kuznetsk:4.1.2.2  | 1         | 2           | 50.0     | t6
                kuznetsk:4.1.2.3  | 1         | 6           | 16.7     | t1 (у t5 нет подтверждения, у t8 курс не из реестра)
                kuznetsk:4.1.2.4  | 3         | 6           | 50.0     | t1 t5 t8 (ИОМ t3 пуст, ИОМ t2 по диагностике до периода)
                kuznetsk:4.1.2.5  | 1         | 2           | 50.0     | t6
                kuznetsk:4.1.2.6  | 1         | —           | 1        | Школа № 1 (команда Школы № 2 — до периода)
                kuznetsk:4.1.3.1  | 1         | 6           | 16.7     | t3 (t4 — статус после периода)
                kuznetsk:4.1.3.2  | 6         | 1           | 6.0      | 6 педагогических работников на 1 методиста
                kuznetsk:4.1.3.3  | 3         | 6           | 50.0     | как 4.1.2.4
                kuznetsk:4.1.3.4  | 1         | 3           | 33.3     | t1 из t1 t5 t8
                kuznetsk:4.1.3.5  | 2         | 3           | 66.7     | Школа № 1 (пара), Школа № 3 (отмечена)
                kuznetsk:4.1.3.6  | 0         | 0           | —        | молодых специалистов нет (возраст и стаж не указаны)
                kuznetsk:4.1.4.1  | —         | —           | 84.0     | последний опрос периода (01.04.2027)
                """);
        assertThat(outcome.figure("kuznetsk:4.1.2.1").orElseThrow().numeratorSubjects()).containsExactlyInAnyOrder("t1", "t3", "t5", "t8");
        assertThat(outcome.figure("kuznetsk:4.1.3.5").orElseThrow().numeratorSubjects()).containsExactlyInAnyOrder("Школа № 1", "Школа № 3");
        assertThat(outcome.figure("kuznetsk:4.1.1.1").orElseThrow().note()).isEqualTo("Дорожная карта № 7 от 28.08.2026");
        assertThat(outcome.figure("kuznetsk:4.1.4.1").orElseThrow().note()).isEqualTo("Опрос от 01.04.2027, ответили 140");
        assertThat(outcome.figures()).extracting(f -> f.indicator().code()).containsExactly(
                "kuznetsk:4.1.1.1", "kuznetsk:4.1.2.1", "kuznetsk:4.1.2.2", "kuznetsk:4.1.2.3", "kuznetsk:4.1.2.4",
                "kuznetsk:4.1.2.5", "kuznetsk:4.1.2.6", "kuznetsk:4.1.3.1", "kuznetsk:4.1.3.2", "kuznetsk:4.1.3.3",
                "kuznetsk:4.1.3.4", "kuznetsk:4.1.3.5", "kuznetsk:4.1.3.6", "kuznetsk:4.1.4.1");
        assertThat(outcome.figures()).allSatisfy(f -> assertThat(f.indicator().clause()).startsWith("kuznetsk:4.1."));
    }

    /** Nobody stored, nothing entered: every share has no value, the road map is «нет», the survey has no value. */
    @Test
    void anEmptyJurisdictionHasZeroDenominatorsAndNoValues() {
        IndicatorOutcome outcome = evaluate(new Population(), FROM, TO);

        expect(outcome, """
                код               | числитель | знаменатель | значение | почему
                kuznetsk:4.1.1.1  | —         | —           | 0        | дорожная карта не внесена
                kuznetsk:4.1.2.1  | 0         | 0           | —        | знаменатель 0 — значения нет
                kuznetsk:4.1.2.2  | 0         | 0           | —        |
                kuznetsk:4.1.2.3  | 0         | 0           | —        |
                kuznetsk:4.1.2.4  | 0         | 0           | —        |
                kuznetsk:4.1.2.5  | 0         | 0           | —        |
                kuznetsk:4.1.2.6  | 0         | —           | 0        | команд нет
                kuznetsk:4.1.3.1  | 0         | 0           | —        |
                kuznetsk:4.1.3.2  | 0         | 0           | —        | методистов нет — отношения нет
                kuznetsk:4.1.3.3  | 0         | 0           | —        |
                kuznetsk:4.1.3.4  | 0         | 0           | —        |
                kuznetsk:4.1.3.5  | 0         | 0           | —        |
                kuznetsk:4.1.3.6  | 0         | 0           | —        |
                kuznetsk:4.1.4.1  | —         | —           | —        | опрос не внесён
                """);
        assertThat(outcome.figure("kuznetsk:4.1.1.1").orElseThrow().note()).isEqualTo("Дорожная карта не внесена");
    }

    /**
     * Young specialists on the period's end (31.05.2027): younger than 35 and at most 3 years of experience.
     * <pre>
     * y1  родился 01.06.1992 — 34 года на 31.05.2027, стаж 3 — молодой; пара подтверждена 01.10.2026 — поддержан
     * y2  родился 31.05.1992 — ровно 35 лет на 31.05.2027 — не молодой
     * y3  родился 01.01.2000, стаж 4 — не молодой
     * y4  родился 01.01.2000, стаж 0 — молодой; мероприятие маршрута 01.03–30.04.2027 — поддержан
     * y5  родился 01.01.2000, стаж 1 — молодой; пара подтверждена и окончена до периода — не поддержан
     * y6  родился 01.01.2000, стаж не указан — не считается
     * y7  директор 30 лет, стаж 1 — не педагогический работник, не считается
     * </pre>
     */
    @Test
    void youngSpecialistsAreCountedByAgeAndExperienceOnThePeriodsEnd() {
        Population p = new Population();
        p.teacher("y1", "Школа", Position.TEACHER, date("1992-06-01"), 3, null);
        p.teacher("y2", "Школа", Position.TEACHER, date("1992-05-31"), 1, null);
        p.teacher("y3", "Школа", Position.TEACHER, date("2000-01-01"), 4, null);
        p.teacher("y4", "Школа", Position.TEACHER, date("2000-01-01"), 0, null);
        p.teacher("y5", "Школа", Position.TEACHER, date("2000-01-01"), 1, null);
        p.teacher("y6", "Школа", Position.TEACHER, date("2000-01-01"), null, null);
        p.teacher("y7", "Школа", Position.HEAD, date("1997-01-01"), 1, null);
        p.pair("p1", "y1", "Школа", "2026-10-01", null);
        p.route("r4", "y4", "2026-10-01", "ACTIVE", null);
        p.items.add(new RouteItemRecord("r4", "y4", ActivityType.SEMINAR, false, date("2027-03-01"), date("2027-04-30"),
                "PLANNED", false, null));
        p.pair("p5", "y5", "Школа", "2026-01-10", "2026-06-30");

        IndicatorOutcome outcome = evaluate(p, FROM, TO);

        IndicatorFigure young = outcome.figure("kuznetsk:4.1.3.6").orElseThrow();
        assertThat(young.denominatorSubjects()).containsExactlyInAnyOrder("y1", "y4", "y5");
        assertThat(young.numeratorSubjects()).containsExactlyInAnyOrder("y1", "y4");
        assertThat(young.value()).isEqualByComparingTo("66.7");
    }

    /** The same people a year later: y1 is 35 then, so nobody is left young but y4 and y5. */
    @Test
    void theAgeBoundaryMovesWithThePeriod() {
        Population p = new Population();
        p.teacher("y1", "Школа", Position.TEACHER, date("1992-06-01"), 3, null);
        p.teacher("y4", "Школа", Position.TEACHER, date("2000-01-01"), 0, null);

        IndicatorFigure before = evaluate(p, FROM, date("2027-05-31")).figure("kuznetsk:4.1.3.6").orElseThrow();
        IndicatorFigure after = evaluate(p, date("2027-06-01"), date("2027-06-01")).figure("kuznetsk:4.1.3.6").orElseThrow();

        assertThat(before.denominatorSubjects()).containsExactlyInAnyOrder("y1", "y4");
        assertThat(after.denominatorSubjects()).containsExactly("y4");
        assertThat(after.value()).isEqualByComparingTo("0.0");
    }

    /**
     * Two road maps of one date: the one with the greater number is named; two surveys of one day: the one with more
     * respondents counts (two entries of one day never make two values).
     */
    @Test
    void entriesOfOneDayAreToldApart() {
        Population p = new Population();
        p.roadMaps.add(new RoadMap("12-ОД", date("2026-08-28")));
        p.roadMaps.add(new RoadMap("15-ОД", date("2026-08-28")));
        p.surveys.add(new Survey(date("2027-05-30"), new BigDecimal("82.5"), 140));
        p.surveys.add(new Survey(date("2027-05-30"), new BigDecimal("90.0"), 20));

        IndicatorOutcome outcome = evaluate(p, FROM, TO);

        assertThat(outcome.figure("kuznetsk:4.1.1.1").orElseThrow().note()).isEqualTo("Дорожная карта № 15-ОД от 28.08.2026");
        assertThat(outcome.figure("kuznetsk:4.1.4.1").orElseThrow().value()).isEqualByComparingTo("82.5");
    }

    /** A share rounds half up to one decimal: 1 of 3 is 33.3, 2 of 3 is 66.7, 1 of 8 is 12.5. */
    @Test
    void sharesRoundHalfUpToOneDecimal() {
        assertThat(IndicatorFigure.share(1, 3)).isEqualByComparingTo("33.3");
        assertThat(IndicatorFigure.share(2, 3)).isEqualByComparingTo("66.7");
        assertThat(IndicatorFigure.share(1, 8)).isEqualByComparingTo("12.5");
        assertThat(IndicatorFigure.share(1, 16)).isEqualByComparingTo("6.3");
        assertThat(IndicatorFigure.share(0, 0)).isNull();
        assertThat(IndicatorFigure.ratio(7, 2)).isEqualByComparingTo("3.5");
    }

    /** A teacher's diagnostics on the first and the last day of the period count; the day before and after do not. */
    @Test
    void thePeriodIncludesBothItsDays() {
        Population p = new Population();
        for (String id : List.of("a", "b", "c", "d")) {
            p.teacher(id, "Школа", Position.TEACHER, null, null, null);
        }
        p.diagnostics.add(new DiagnosticsTaken("a", FROM));
        p.diagnostics.add(new DiagnosticsTaken("b", TO));
        p.diagnostics.add(new DiagnosticsTaken("c", FROM.minusDays(1)));
        p.diagnostics.add(new DiagnosticsTaken("d", TO.plusDays(1)));

        IndicatorFigure diagnosed = evaluate(p, FROM, TO).figure("kuznetsk:4.1.2.1").orElseThrow();

        assertThat(diagnosed.numeratorSubjects()).containsExactlyInAnyOrder("a", "b");
        assertThat(diagnosed.value()).isEqualByComparingTo("50.0");
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private static IndicatorOutcome evaluate(Population p, LocalDate from, LocalDate to) {
        return ShippedRuleBase.get().jurisdiction("kuznetsk").orElseThrow().decision(IndicatorRules.class).orElseThrow()
                .evaluate(p.facts(), from, to);
    }

    /** Checks the figures against a table: code | numerator | denominator | value | (comment); «—» is none. */
    private static void expect(IndicatorOutcome outcome, String table) {
        List<String> lines = table.lines().skip(1).filter(l -> !l.isBlank()).toList();
        assertThat(outcome.figures()).hasSize(lines.size());
        for (String line : lines) {
            String[] cells = line.split("\\|");
            String code = cells[0].strip();
            IndicatorFigure figure = outcome.figure(code).orElseThrow(() -> new AssertionError("нет показателя " + code));
            assertThat(text(figure.numerator())).as("числитель %s", code).isEqualTo(cells[1].strip());
            assertThat(text(figure.denominator())).as("знаменатель %s", code).isEqualTo(cells[2].strip());
            String value = figure.value() == null ? "—" : figure.value().toPlainString();
            assertThat(value).as("значение %s", code).isEqualTo(cells[3].strip());
        }
    }

    private static String text(@Nullable Integer number) {
        return number == null ? "—" : number.toString();
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    /** A population built line by line; a route's diagnostics are recorded with it. */
    private static final class Population {
        final List<Staff> staff = new ArrayList<>();
        final List<DiagnosticsTaken> diagnostics = new ArrayList<>();
        final List<RouteRecord> routes = new ArrayList<>();
        final List<RouteItemRecord> items = new ArrayList<>();
        final List<MentoringPairRecord> pairs = new ArrayList<>();
        final List<SchoolRecord> schools = new ArrayList<>();
        final List<RoadMap> roadMaps = new ArrayList<>();
        final List<Survey> surveys = new ArrayList<>();
        final List<ManagementTeamProgramme> teams = new ArrayList<>();

        void teacher(String id, String school, @Nullable Position position, @Nullable LocalDate birth,
                     @Nullable Integer years, @Nullable LocalDate methodistSince) {
            staff.add(new Staff(id, school, position, birth, years, methodistSince));
        }

        void route(String id, String teacher, String diagnosed, String status, @Nullable String completed) {
            diagnostics.add(new DiagnosticsTaken(teacher, date(diagnosed)));
            routes.add(new RouteRecord(id, teacher, date(diagnosed), date(diagnosed), status,
                    completed == null ? null : date(completed)));
        }

        void item(String route, String teacher, ActivityType type, boolean federal, String status, boolean evidence,
                  @Nullable String done) {
            items.add(new RouteItemRecord(route, teacher, type, federal, FROM, TO, status, evidence,
                    done == null ? null : date(done)));
        }

        void school(String name, @Nullable LocalDate since) {
            schools.add(new SchoolRecord(name, since));
        }

        void pair(String id, String mentee, String school, String confirmed, @Nullable String ended) {
            pairs.add(new MentoringPairRecord(id, mentee, school, date(confirmed), ended == null ? null : date(ended)));
        }

        void team(String school, String on) {
            teams.add(new ManagementTeamProgramme(school, "Программа повышения квалификации", date(on)));
        }

        IndicatorFacts facts() {
            return new IndicatorFacts(staff, diagnostics, routes, items, pairs, schools, roadMaps, surveys, teams);
        }
    }

}
