package ru.edu.decisions.rules.dsl;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Whether a {@link Person} is a young specialist, derived once for every decision kind by the shared rules of
 * {@code rules/common/teacher-facts.drl}: yes, no or unknown, on which ground, in the Russian words every kind reports,
 * with the person's fields that are missing (for unknown). Routes, mentoring and indicators use this fact and never
 * restate the test.
 *
 * @param subject the kind's own fact for the person ({@link Person#subject()})
 * @param missing the {@link Person} fields whose absence makes the answer unknown ({@code birthDate},
 *                {@code pedagogicalExperienceYears})
 * @param rule    the shared rule that derived the fact
 * @param clause  its clause (the manifest's {@code youngSpecialistClause})
 */
public record YoungSpecialist(Object subject, Tri status, Ground ground, String message, List<String> missing, String rule,
                              @Nullable String clause) {

    /** Why the answer is what it is: each answer of the definition has its own ground. */
    public enum Ground {
        /** Younger than the age limit, pedagogical experience within the limit: a young specialist. */
        YOUNG,
        /** Not younger than the age limit: not a young specialist. */
        AGE_NOT_BELOW,
        /** Pedagogical experience above the limit (and not known to be too old): not a young specialist. */
        EXPERIENCE_ABOVE,
        /** No birth date (and experience not above the limit): unknown. */
        BIRTH_DATE_MISSING,
        /** Younger than the age limit, but no pedagogical experience: unknown. */
        EXPERIENCE_MISSING
    }

    /** A young specialist derived by the rule that is firing ({@code drools}), citing its clause. */
    public static YoungSpecialist derive(Object drools, Person person, Tri status, Ground ground, String message, String... missing) {
        return new YoungSpecialist(person.subject(), status, ground, message, List.of(missing), RuleFunctions.ruleNameOf(drools),
                RuleFunctions.clauseOf(drools));
    }
}
