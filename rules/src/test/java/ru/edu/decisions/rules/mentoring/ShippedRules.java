package ru.edu.decisions.rules.mentoring;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import ru.edu.decisions.model.mentoring.Mentee;
import ru.edu.decisions.model.mentoring.Mentor;
import ru.edu.decisions.rules.dsl.Parameters;
import ru.edu.decisions.rules.engine.RuleBase;
import ru.edu.decisions.rules.engine.RuleBaseSource;
import ru.edu.decisions.rules.engine.RuleSetCompiler;

/** The shipped rule base ({@code rules/<jurisdiction>/…}), compiled once through the real compiler for the tests. */
final class ShippedRules {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);

    private static RuleBase rules;

    private ShippedRules() {
    }

    static synchronized RuleBase get() {
        if (rules == null) {
            Clock clock = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);
            rules = new RuleSetCompiler(clock).compile(RuleBaseSource.fromDirectory(Path.of(".")));
        }
        return rules;
    }

    static MentoringOutcome decide(String jurisdiction, List<Mentor> mentors, List<Mentee> mentees) {
        return get().jurisdiction(jurisdiction).orElseThrow().mentoring().orElseThrow().evaluate(mentors, mentees, AS_OF);
    }

    static Parameters parameters(String jurisdiction) {
        return get().jurisdiction(jurisdiction).orElseThrow().manifest().toParameters();
    }
}
