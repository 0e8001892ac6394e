package ru.edu.decisions.rules.mentoring;

import java.util.List;
import org.jspecify.annotations.Nullable;
import ru.edu.decisions.model.routes.CompetenceArea;
import ru.edu.decisions.model.mentoring.Mentee;
import ru.edu.decisions.model.mentoring.Mentor;

/**
 * A mentor and a mentee a territory rule put together ({@code territory} says how, e.g. the same municipality). The
 * pair is admissible once a rule found a reason the mentor can help ({@link ScoreTerm#MATCH} terms). Identity
 * equality on purpose: the rules join pairs by identity, never by comparing the records inside.
 */
public final class Pair {

    private final Mentor mentor;
    private final Mentee mentee;
    private final String territory;
    private final String message;
    private final String rule;
    private final @Nullable String clause;
    private final List<String> commonSubjects;
    private final List<CompetenceArea> coveredDeficits;

    public Pair(Mentor mentor, Mentee mentee, String territory, String message, String rule, @Nullable String clause) {
        this.mentor = mentor;
        this.mentee = mentee;
        this.territory = territory;
        this.message = message;
        this.rule = rule;
        this.clause = clause;
        this.commonSubjects = MentoringFunctions.commonSubjects(mentor, mentee);
        this.coveredDeficits = MentoringFunctions.coveredDeficits(mentor, mentee);
    }

    /** The subjects both teach. */
    public List<String> getCommonSubjects() { return commonSubjects; }

    /** The mentee's deficits the mentor's strengths cover. */
    public List<CompetenceArea> getCoveredDeficits() { return coveredDeficits; }

    public Mentor getMentor() { return mentor; }

    public Mentee getMentee() { return mentee; }

    public String getTerritory() { return territory; }

    public String getMessage() { return message; }

    public String getRule() { return rule; }

    public @Nullable String getClause() { return clause; }
}
