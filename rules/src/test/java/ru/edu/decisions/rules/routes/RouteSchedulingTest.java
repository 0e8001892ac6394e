package ru.edu.decisions.rules.routes;

import ru.edu.decisions.rules.engine.ShippedRuleBase;
import static org.assertj.core.api.Assertions.assertThat;
import static ru.edu.decisions.rules.routes.RouteRulesTest.scores;
import static ru.edu.decisions.rules.routes.RouteRulesTest.teacher;

import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.edu.decisions.model.Reason;
import ru.edu.decisions.model.TeacherProfile;
import ru.edu.decisions.model.routes.ActivityType;
import ru.edu.decisions.model.routes.CompetenceArea;
import ru.edu.decisions.model.routes.Diagnostics;
import ru.edu.decisions.model.routes.RouteItem;
import ru.edu.decisions.model.routes.School;
import ru.edu.decisions.model.routes.SchoolFlag;
import ru.edu.decisions.rules.engine.RuleBase;

/**
 * Routes are scheduled into the school year (1 September – 31 May), never into the summer and never past the follow-up
 * diagnostics; a route that does not fit into the rest of the current school year goes into the next one and says so.
 * Checked for the shipped rules and catalogues of every jurisdiction on decision dates in every month of three years.
 */
class RouteSchedulingTest {

    static RuleBase rules;

    @BeforeAll
    static void compile() {
        rules = ShippedRuleBase.get();
    }

    static RouteRules routes(String jurisdiction) {
        return rules.jurisdiction(jurisdiction).orElseThrow().decision(RouteRules.class).orElseThrow();
    }

    record Case(String name, TeacherProfile teacher, School school, Map<CompetenceArea, Integer> scores) {
    }

    static final List<Case> CASES = List.of(
            new Case("два выраженных дефицита — два курса подряд", teacher(LocalDate.of(1980, 4, 2), 20, "русский язык"),
                    new School(null, List.of()), scores(CompetenceArea.SUBJECT, 30, CompetenceArea.METHODICAL, 30)),
            new Case("много дефицитов, молодой специалист, школа с низкими результатами",
                    teacher(LocalDate.of(2000, 4, 2), 2, "математика"), new School(null, List.of(SchoolFlag.LOW_RESULTS)),
                    scores(CompetenceArea.SUBJECT, 7, CompetenceArea.COMMUNICATIVE, 0, CompetenceArea.DIGITAL, 31,
                            CompetenceArea.INCLUSIVE, 33, CompetenceArea.METHODICAL, 60, CompetenceArea.PSYCHO_PEDAGOGICAL, 55,
                            CompetenceArea.FUNCTIONAL_LITERACY, 70, CompetenceArea.ASSESSMENT, 65, CompetenceArea.REGULATORY, 60,
                            CompetenceArea.UPBRINGING, 60, CompetenceArea.UPDATED_FGOS, 72, CompetenceArea.MANAGEMENT, 40)),
            new Case("только частичные дефициты — разовые мероприятия", teacher(LocalDate.of(1980, 4, 2), 20, "история"),
                    new School(null, List.of()), scores(CompetenceArea.REGULATORY, 60, CompetenceArea.DIGITAL, 60,
                            CompetenceArea.ASSESSMENT, 60, CompetenceArea.UPBRINGING, 60, CompetenceArea.UPDATED_FGOS, 60,
                            CompetenceArea.PSYCHO_PEDAGOGICAL, 60, CompetenceArea.COMMUNICATIVE, 60,
                            CompetenceArea.FUNCTIONAL_LITERACY, 60, CompetenceArea.INCLUSIVE, 60, CompetenceArea.MANAGEMENT, 60)),
            new Case("молодой специалист без дефицитов", teacher(LocalDate.of(2001, 4, 2), 1, "физика"),
                    new School(null, List.of()), scores(CompetenceArea.METHODICAL, 90)));

    /** Decision dates: the first and the last day of every month of 2026–2028 (the plan depends on the month). */
    static List<LocalDate> decisionDates() {
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate month = LocalDate.of(2026, 1, 1); month.getYear() <= 2028; month = month.plusMonths(1)) {
            dates.add(month);
            dates.add(month.withDayOfMonth(month.lengthOfMonth()));
        }
        return dates;
    }

    /** The school year a day belongs to, by the year it starts in (summer days: the one that has just ended). */
    static int schoolYearOf(LocalDate day) {
        return day.getMonthValue() >= Month.SEPTEMBER.getValue() ? day.getYear() : day.getYear() - 1;
    }

    static void insideOneSchoolYear(RouteItem item, String where) {
        assertThat(item.end()).as("конец не раньше начала — " + where).isAfterOrEqualTo(item.start());
        int year = schoolYearOf(item.start());
        assertThat(item.start()).as("начало не раньше 1 сентября — " + where).isAfterOrEqualTo(LocalDate.of(year, 9, 1));
        assertThat(item.end()).as("конец не позже 31 мая — " + where).isBeforeOrEqualTo(LocalDate.of(year + 1, 5, 31));
    }

    @Test
    void everyItemIsInsideOneSchoolYearAfterAsOfNeverInTheSummerAndBeforeTheFollowUpDiagnostics() {
        int checked = 0;
        int moved = 0;
        for (String jurisdiction : List.of("ust-ishim", "turochak", "kuznetsk", "dagestan")) {
            RouteRules routes = routes(jurisdiction);
            Map<String, Activity> catalogue = routes.catalogue().stream().collect(Collectors.toMap(Activity::id, Function.identity()));
            var parameters = rules.jurisdiction(jurisdiction).orElseThrow().manifest().toParameters();
            Integer cap = parameters.has(RouteRules.MAX_HOURS_PER_YEAR) ? parameters.intValue(RouteRules.MAX_HOURS_PER_YEAR) : null;
            for (Case c : CASES) {
                for (LocalDate asOf : decisionDates()) {
                    RouteOutcome outcome = routes.evaluate(c.teacher(), c.school(), new Diagnostics(null, c.scores()), null, asOf);
                    String where = jurisdiction + ", " + c.name() + ", дата решения " + asOf;
                    LocalDate followUp = outcome.route().followUpDiagnostics();
                    assertThat(followUp.getMonth()).as(where).isEqualTo(Month.SEPTEMBER);
                    assertThat(followUp.getDayOfMonth()).as(where).isEqualTo(1);
                    int routeYear = followUp.getYear() - 1;

                    // The period the route may start in: the month after asOf, or 1 September after the summer.
                    LocalDate earliest = asOf.withDayOfMonth(1).plusMonths(1);
                    if (earliest.getMonthValue() >= 6 && earliest.getMonthValue() <= 8) {
                        earliest = LocalDate.of(earliest.getYear(), 9, 1);
                    }
                    int firstYear = schoolYearOf(earliest);
                    assertThat(routeYear).as("учебный год маршрута — " + where).isBetween(firstYear, firstYear + 1);

                    for (RouteItem item : outcome.route().thisYear()) {
                        String at = where + ", " + item.activityId() + " " + item.start() + "–" + item.end();
                        insideOneSchoolYear(item, at);
                        assertThat(schoolYearOf(item.start())).as("в учебном году маршрута — " + at).isEqualTo(routeYear);
                        assertThat(item.start()).as("после даты решения — " + at).isAfterOrEqualTo(earliest);
                        assertThat(item.end()).as("до повторной диагностики — " + at).isBefore(followUp);
                    }
                    if (cap != null) {
                        assertThat(RoutePlanningTest.hoursThisYear(outcome)).as(where).isLessThanOrEqualTo(cap);
                    }
                    for (RouteItem item : outcome.route().deferred()) {
                        String at = where + ", отложенное " + item.activityId() + " " + item.start() + "–" + item.end();
                        insideOneSchoolYear(item, at);
                        assertThat(item.start()).as("после повторной диагностики — " + at).isAfterOrEqualTo(followUp);
                    }

                    boolean nextYear = routeYear > firstYear;
                    List<Reason> notes = outcome.reasons().stream().filter(r -> r.code().equals(RoutePlanner.NEXT_SCHOOL_YEAR)).toList();
                    if (nextYear) {
                        moved++;
                        String label = routeYear + "/" + String.format("%02d", (routeYear + 1) % 100) + " учебный год";
                        assertThat(notes).as("маршрут говорит, что перенесён — " + where).singleElement()
                                .satisfies(r -> assertThat(r.message()).contains(label));
                        // Moved only because the rest of the current school year is too short for the route's activities.
                        long rest = ChronoUnit.DAYS.between(earliest, LocalDate.of(firstYear + 1, 5, 31)) + 1;
                        long sequential = outcome.route().thisYear().stream()
                                .filter(i -> i.type() == ActivityType.COURSE || i.type() == ActivityType.INTERNSHIP)
                                .mapToLong(i -> 7L * catalogue.get(i.activityId()).weeks()).sum();
                        long longestEvent = outcome.route().thisYear().stream().filter(i -> !SchoolYear.continuing(i.type()))
                                .mapToLong(i -> 7L * catalogue.get(i.activityId()).weeks()).max().orElse(0);
                        assertThat(sequential > rest || longestEvent > rest).as("остаток учебного года (" + rest
                                + " дн.) мал для маршрута — " + where).isTrue();
                    } else {
                        assertThat(notes).as(where).isEmpty();
                    }
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(4 * CASES.size() * 36 * 2);
        assertThat(moved).as("случаи переноса на следующий учебный год проверены").isPositive();
    }

    @Test
    void backToBackCoursesThatDoNotFitIntoTheRestOfTheYearGoIntoTheNextOneAndTheRouteSaysSo() {
        // Two severe deficits on 23 March: 8 + 4 weeks of courses, but only April and May are left.
        RouteOutcome outcome = routes("ust-ishim").evaluate(teacher(LocalDate.of(1980, 4, 2), 20, "русский язык"), null,
                new Diagnostics(null, scores(CompetenceArea.SUBJECT, 30, CompetenceArea.METHODICAL, 30)), null,
                LocalDate.of(2027, 3, 23));

        assertThat(outcome.route().thisYear()).extracting(RouteItem::activityId).contains("UI-F-RUS", "UI-F-METH", "UI-MENT");
        assertThat(outcome.route().thisYear()).allSatisfy(item -> {
            assertThat(item.start()).isAfterOrEqualTo(LocalDate.of(2027, 9, 1));
            assertThat(item.end()).isBeforeOrEqualTo(LocalDate.of(2028, 5, 31));
        });
        assertThat(outcome.route().thisYear().stream().filter(i -> i.activityId().equals("UI-F-RUS")).findFirst().orElseThrow().start())
                .isEqualTo(LocalDate.of(2027, 9, 1));
        assertThat(outcome.route().followUpDiagnostics()).isEqualTo(LocalDate.of(2028, 9, 1));
        assertThat(outcome.reasons()).filteredOn(r -> r.code().equals("NEXT_SCHOOL_YEAR")).singleElement()
                .satisfies(r -> assertThat(r.message()).isEqualTo("Маршрут запланирован на 2027/28 учебный год: в оставшейся "
                        + "части 2026/27 учебного года (с 2027-04-01 по 2027-05-31) его мероприятия не помещаются по срокам"));
    }

    @Test
    void aShortRouteThatFitsIntoTheRestOfTheYearStaysInIt() {
        RouteOutcome outcome = routes("ust-ishim").evaluate(teacher(LocalDate.of(1980, 4, 2), 20, "история"), null,
                new Diagnostics(null, scores(CompetenceArea.FUNCTIONAL_LITERACY, 60)), null, LocalDate.of(2027, 4, 20));

        assertThat(outcome.route().thisYear()).singleElement().satisfies(item -> {
            assertThat(item.activityId()).isEqualTo("UI-W-FL-READ");
            assertThat(item.start()).isEqualTo(LocalDate.of(2027, 5, 15));
            assertThat(item.end()).isEqualTo(LocalDate.of(2027, 5, 21));
        });
        assertThat(outcome.route().followUpDiagnostics()).isEqualTo(LocalDate.of(2027, 9, 1));
        assertThat(outcome.reasons()).noneMatch(r -> r.code().equals("NEXT_SCHOOL_YEAR"));
    }

    @Test
    void singleEventsAreSpreadOverTheMonthsOfTheYearAndEndBy31May() {
        // Ten partial deficits from 1 September: the events are spread over September–May, a month apart, none past May.
        RouteOutcome outcome = routes("ust-ishim").evaluate(CASES.get(2).teacher(), null,
                new Diagnostics(null, CASES.get(2).scores()), null, LocalDate.of(2026, 8, 10));

        List<RouteItem> events = outcome.route().thisYear().stream()
                .filter(i -> i.type() != ActivityType.COURSE && i.type() != ActivityType.INTERNSHIP).toList();
        assertThat(events).hasSizeGreaterThan(9);
        assertThat(events).allSatisfy(i -> assertThat(i.end()).isBeforeOrEqualTo(LocalDate.of(2027, 5, 31)));
        assertThat(events.stream().map(i -> i.start().withDayOfMonth(1)).distinct().count()).isEqualTo(9);
    }
}
