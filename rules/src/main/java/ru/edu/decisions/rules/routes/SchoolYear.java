package ru.edu.decisions.rules.routes;

import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import ru.edu.decisions.model.routes.ActivityType;

/**
 * A period of one school year a route is planned into: the whole school year (1 September – 31 May) or, for the year
 * {@code asOf} falls in, the rest of it from the first day of the month after {@code asOf} (1 September when that
 * falls in the summer holidays). Nothing is planned into June–August. Courses and internships follow one another,
 * single events are spread over the months of the period a month apart, and continuing forms (mentoring, tutoring,
 * communities, clusters, self-education) run through the whole period. Every item starts and ends inside the period, so
 * before the follow-up diagnostics on 1 September after it.
 */
record SchoolYear(LocalDate start, LocalDate end) {

    /** The longest an activity may last: a whole school year, 1 September – 31 May, is 39 weeks. */
    static final int MAX_WEEKS = 39;

    /** The rest of the school year after {@code asOf}, or the coming school year when {@code asOf} is in the summer. */
    static SchoolYear after(LocalDate asOf) {
        LocalDate start = asOf.withDayOfMonth(1).plusMonths(1);
        if (start.getMonthValue() >= Month.JUNE.getValue() && start.getMonthValue() <= Month.AUGUST.getValue()) {
            start = LocalDate.of(start.getYear(), Month.SEPTEMBER, 1);
        }
        int endYear = start.getMonthValue() >= Month.SEPTEMBER.getValue() ? start.getYear() + 1 : start.getYear();
        return new SchoolYear(start, LocalDate.of(endYear, Month.MAY, 31));
    }

    /** The whole school year that starts on 1 September of {@code year}. */
    static SchoolYear starting(int year) {
        return new SchoolYear(LocalDate.of(year, Month.SEPTEMBER, 1), LocalDate.of(year + 1, Month.MAY, 31));
    }

    /** The whole school year after this one. */
    SchoolYear next() {
        return starting(end.getYear());
    }

    /** Whether this is a whole school year, not the rest of one. */
    boolean whole() {
        return start.equals(LocalDate.of(end.getYear() - 1, Month.SEPTEMBER, 1));
    }

    LocalDate followUpDiagnostics() {
        return LocalDate.of(end.getYear(), Month.SEPTEMBER, 1);
    }

    /** «2026/27 учебный год». */
    String label() {
        return (end.getYear() - 1) + "/" + String.format("%02d", end.getYear() % 100) + " учебный год";
    }

    /** «2026/27 учебного года». */
    String labelGenitive() {
        return (end.getYear() - 1) + "/" + String.format("%02d", end.getYear() % 100) + " учебного года";
    }

    long days() {
        return ChronoUnit.DAYS.between(start, end) + 1;
    }

    /**
     * Whether {@code activity} fits into this period when courses and internships taking {@code sequentialDays} are
     * already in it: a course or internship after them, a single event anywhere in it, a continuing form always.
     */
    boolean fits(Activity activity, long sequentialDays) {
        if (continuing(activity.type())) {
            return true;
        }
        return (sequential(activity.type()) ? sequentialDays : 0) + days(activity) <= days();
    }

    /** Start and end dates for the activities, in the order given; each inside the period. */
    List<LocalDate[]> schedule(List<Activity> activities) {
        List<LocalDate[]> dates = new ArrayList<>();
        long months = ChronoUnit.MONTHS.between(start.withDayOfMonth(1), end.withDayOfMonth(1)) + 1;
        LocalDate nextSequential = start;
        int events = 0;
        for (Activity activity : activities) {
            LocalDate from;
            LocalDate to;
            if (continuing(activity.type())) {
                from = start;
                to = end;
            } else if (sequential(activity.type())) {
                from = nextSequential.isAfter(end) ? end : nextSequential;
                to = from.plusDays(days(activity) - 1);
                nextSequential = to.plusDays(1);
            } else {
                from = start.plusMonths(events % months).plusDays(14);
                to = from.plusDays(days(activity) - 1);
                if (to.isAfter(end)) {
                    from = end.minusDays(days(activity) - 1);
                    to = end;
                }
                events++;
            }
            // The planner puts only activities that fit (fits) into a period; should one not, it is cut to the period
            // rather than run into the summer.
            from = from.isBefore(start) ? start : from;
            to = to.isAfter(end) ? end : to;
            dates.add(new LocalDate[] {from, to});
        }
        return dates;
    }

    private static long days(Activity activity) {
        return 7L * activity.weeks();
    }

    static boolean sequential(ActivityType type) {
        return type == ActivityType.COURSE || type == ActivityType.INTERNSHIP;
    }

    static boolean continuing(ActivityType type) {
        return switch (type) {
            case MENTORING, TUTORING, PROFESSIONAL_COMMUNITY, METHODICAL_CLUSTER, SELF_EDUCATION -> true;
            default -> false;
        };
    }
}
