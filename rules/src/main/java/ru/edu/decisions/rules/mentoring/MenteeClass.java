package ru.edu.decisions.rules.mentoring;

import org.jspecify.annotations.Nullable;
import ru.edu.decisions.model.mentoring.Mentee;

/**
 * A priority class of a mentee (LOW_RESULTS, DIFFICULT_SOCIAL, YOUNG_SPECIALIST), as a rule told it from the data;
 * which of the objective's counters it counts in, the rules tell apart ({@link MenteePriority}).
 */
public record MenteeClass(Mentee mentee, String code, String message, String rule, @Nullable String clause) {

    public static final String LOW_RESULTS = "LOW_RESULTS";
    public static final String DIFFICULT_SOCIAL = "DIFFICULT_SOCIAL";
    public static final String YOUNG_SPECIALIST = "YOUNG_SPECIALIST";
}
