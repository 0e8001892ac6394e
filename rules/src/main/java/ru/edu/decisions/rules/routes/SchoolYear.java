package ru.edu.decisions.rules.routes;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import ru.edu.decisions.model.routes.ActivityType;

/**
 * The school year a route is planned into and how its items are laid out in it. The route starts on the first day of
 * the month after {@code asOf} (1 September when that falls in the summer holidays) and runs to 31 May; courses and
 * internships follow one another, single events are spread a month apart, and continuing forms (mentoring, tutoring,
 * communities, clusters, self-education) run through the whole period. Diagnostics are repeated on 1 September after it.
 */
record SchoolYear(LocalDate start, LocalDate end) {

    static SchoolYear after(LocalDate asOf) {
        LocalDate start = asOf.withDayOfMonth(1).plusMonths(1);
        if (start.getMonthValue() >= Month.JUNE.getValue() && start.getMonthValue() <= Month.AUGUST.getValue()) {
            start = LocalDate.of(start.getYear(), Month.SEPTEMBER, 1);
        }
        int endYear = start.getMonthValue() >= Month.SEPTEMBER.getValue() ? start.getYear() + 1 : start.getYear();
        return new SchoolYear(start, LocalDate.of(endYear, Month.MAY, 31));
    }

    LocalDate followUpDiagnostics() {
        return LocalDate.of(end.getYear(), Month.SEPTEMBER, 1);
    }

    /** Start and end dates for the activities, in the order given (that of their priority). */
    List<LocalDate[]> schedule(List<Activity> activities) {
        List<LocalDate[]> dates = new ArrayList<>();
        LocalDate nextSequential = start;
        int events = 0;
        for (Activity activity : activities) {
            LocalDate from;
            LocalDate to;
            if (continuing(activity.type())) {
                from = start;
                to = end;
            } else if (activity.type() == ActivityType.COURSE || activity.type() == ActivityType.INTERNSHIP) {
                from = nextSequential.isAfter(end) ? start : nextSequential;
                to = from.plusWeeks(activity.weeks()).minusDays(1);
                nextSequential = to.plusDays(1);
            } else {
                from = start.plusMonths(events % 6).plusDays(14);
                to = from.plusWeeks(activity.weeks()).minusDays(1);
                events++;
            }
            dates.add(new LocalDate[] {from, to});
        }
        return dates;
    }

    private static boolean continuing(ActivityType type) {
        return switch (type) {
            case MENTORING, TUTORING, PROFESSIONAL_COMMUNITY, METHODICAL_CLUSTER, SELF_EDUCATION -> true;
            default -> false;
        };
    }
}
