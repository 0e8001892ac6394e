package ru.edu.decisions.rules.routes;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import ru.edu.decisions.model.routes.ActivityFormat;
import ru.edu.decisions.model.routes.ActivityType;
import ru.edu.decisions.model.routes.CompetenceArea;

/**
 * One row of a jurisdiction's activity catalogue ({@code catalogue.csv}): what a route may contain. {@code subjects}
 * empty means «for teachers of any subject»; {@code line} is the row's line in the file, for messages.
 */
public record Activity(
        String id,
        String title,
        ActivityType type,
        Set<CompetenceArea> areas,
        Set<String> subjects,
        int hours,
        ActivityFormat format,
        String provider,
        String evidence,
        boolean federalRegistry,
        int weeks,
        int line) {

    public Activity {
        areas = Set.copyOf(areas);
        subjects = Set.copyOf(subjects);
    }

    public boolean covers(CompetenceArea area) {
        return areas.contains(area);
    }

    public boolean subjectSpecific() {
        return !subjects.isEmpty();
    }

    /** Open to teachers of any subject, or to a teacher who teaches one of its subjects. */
    public boolean suits(Collection<String> teacherSubjects) {
        if (subjects.isEmpty()) {
            return true;
        }
        for (String subject : teacherSubjects) {
            if (subject != null && subjects.contains(normalizeSubject(subject))) {
                return true;
            }
        }
        return false;
    }

    public boolean distance() {
        return format == ActivityFormat.DISTANCE;
    }

    static String normalizeSubject(String subject) {
        return subject.trim().toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("\\s+", " ");
    }

    @Override
    public String toString() {
        return "«" + title + "» (" + id + ")";
    }
}
