package ru.edu.decisions.rules.mentoring;

import java.time.LocalDate;
import java.util.List;
import ru.edu.decisions.model.mentoring.Mentee;
import ru.edu.decisions.model.mentoring.Mentor;
import ru.edu.decisions.rules.dsl.Parameters;
import ru.edu.decisions.rules.engine.RuleBase;

/** The shipped rule base ({@code rules/<jurisdiction>/…}), compiled once through the real compiler for the tests. */
final class ShippedRules {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);

    private static RuleBase rules;

    private ShippedRules() {
    }

    static synchronized RuleBase get() {
        if (rules == null) {
            rules = ru.edu.decisions.rules.engine.ShippedRuleBase.get();
        }
        return rules;
    }

    static MentoringOutcome decide(String jurisdiction, List<Mentor> mentors, List<Mentee> mentees) {
        return get().jurisdiction(jurisdiction).orElseThrow().decision(MentoringRules.class).orElseThrow().evaluate(mentors, mentees, AS_OF);
    }

    static Parameters parameters(String jurisdiction) {
        return get().jurisdiction(jurisdiction).orElseThrow().manifest().toParameters();
    }
}
