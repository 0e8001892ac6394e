package ru.edu.decisions.rules.mentoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.edu.decisions.model.mentoring.Mentee;
import ru.edu.decisions.model.routes.ActivityType;

/**
 * Which activities of a teacher's active route mean the teacher needs a mentor is the rules' word
 * ({@code common/mentoring-mentees.drl}; it was a condition of the service's query): mentoring or tutoring, and
 * nothing else — until the rule says otherwise.
 */
class RouteItemsMenteeSelectionTest {

    @TempDir
    Path dir;

    static final List<Mentee> TEACHERS = List.of(teacher("mentored"), teacher("tutored"), teacher("coursed"), teacher("none"));
    static final Map<String, Set<ActivityType>> ROUTES = Map.of(
            "mentored", Set.of(ActivityType.MENTORING, ActivityType.COURSE),
            "tutored", Set.of(ActivityType.TUTORING),
            "coursed", Set.of(ActivityType.COURSE, ActivityType.SEMINAR));

    @Test
    void mentoringOrTutoringInTheActiveRouteMeansAMentorIsNeeded() {
        MentoringRules rules = ShippedRules.get().jurisdiction("ust-ishim").orElseThrow().decision(MentoringRules.class).orElseThrow();

        assertThat(rules.needingMentor(TEACHERS, ROUTES, ShippedRules.AS_OF)).containsExactly("mentored", "tutored");
    }

    @Test
    void aRuleThatCountsCoursesAsSupportSelectsTheTeacherWithACourse() {
        MentoringRules altered = AlteredMentoringRules.compile(dir, "ust-ishim", Map.of("common/mentoring-mentees.drl", Map.of(
                "type == ActivityType.MENTORING || type == ActivityType.TUTORING", "type == ActivityType.COURSE")), List.of());

        assertThat(altered.needingMentor(TEACHERS, ROUTES, ShippedRules.AS_OF)).containsExactly("mentored", "coursed");
    }

    private static Mentee teacher(String id) {
        return new Mentee(id, "Р", null, null, List.of("математика"), List.of(), LocalDate.of(1970, 1, 1), 30, List.of());
    }
}
