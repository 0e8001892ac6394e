package ru.edu.decisions.rules.mentoring;

import org.jspecify.annotations.Nullable;
import ru.edu.decisions.model.mentoring.Mentee;

/**
 * Which of the contract objective's counted criteria a mentee counts in, as a rule told it: {@code criterion} 1 — the
 * objective's first counter ({@code lowResults}), 2 — the second ({@code difficultSocial}), 3 — the third
 * ({@code youngSpecialists}). The optimiser serves the mentees of a smaller criterion first; a mentee may count in
 * several. Which priority class counts where is the rules' word (rules/common/mentoring-priorities.drl), not Java's.
 */
public record MenteePriority(Mentee mentee, int criterion, String rule, @Nullable String clause) {

    /** The objective's counters in their order; a criterion outside 1..COUNTED is a rule error. */
    public static final int COUNTED = 3;

    public MenteePriority {
        if (criterion < 1 || criterion > COUNTED) {
            throw new IllegalArgumentException("Правило «" + rule + "» назначило наставляемому приоритет " + criterion
                    + ", а цель распределения считает приоритеты от 1 до " + COUNTED);
        }
    }
}
