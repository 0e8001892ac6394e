package ru.edu.decisions.rules.dsl;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A person as the shared fact layer ({@code rules/common/teacher-facts.drl}, DRL package {@code facts}) sees them, in
 * every decision kind: each kind's Java glue inserts one for each teacher it decides about, mapped from its own facts
 * (a route's {@code TeacherProfile} and {@code Employment}, a {@code Mentee}, an indicator {@code Staff} record) —
 * data only, no decision. The derived facts ({@link YoungSpecialist}) name the person by {@code subject}, the kind's own
 * fact, so the kind's rules join them to it ({@code YoungSpecialist( subject == $t )}).
 *
 * @param subject                    the kind's own fact for this person (the same object the kind's rules match)
 * @param birthDate                  none: not given
 * @param pedagogicalExperienceYears pedagogical experience in full years as recorded; none: not given
 * @param referenceDate              the date the person's age is taken on (a decision's date; an indicator period's end)
 */
public record Person(Object subject, @Nullable LocalDate birthDate, @Nullable Integer pedagogicalExperienceYears,
                     LocalDate referenceDate) {

    /** Full years of age on {@code on} of a person born on {@code birthDate}. */
    public static int age(LocalDate birthDate, LocalDate on) {
        return java.time.Period.between(birthDate, on).getYears();
    }
}
