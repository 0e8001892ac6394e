package ru.edu.decisions.rules.mentoring;

import org.jspecify.annotations.Nullable;

/**
 * A term of a pair's score, or a reason the pair is admissible at all: {@code match} terms (a common subject, a
 * strength that covers a deficit) make a pair admissible; every term adds its {@code points} to the pair's score.
 */
public record ScoreTerm(Pair pair, String code, boolean match, int points, String message, String rule,
                        @Nullable String clause) {

    public static final boolean MATCH = true;

    /** The mentee of the pair (for rules that ask about one mentee's terms). */
    public ru.edu.decisions.model.mentoring.Mentee mentee() {
        return pair.getMentee();
    }
}
