package ru.edu.decisions.rules.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.edu.decisions.model.TeacherProfile;
import ru.edu.decisions.rules.eligibility.EligibilityOutcome;
import ru.edu.decisions.rules.eligibility.EligibilityRules;
import ru.edu.decisions.rules.engine.RuleBaseSource;
import ru.edu.decisions.rules.engine.RuleSetCompiler;

/** The benchmark's hand-written floor decides like the shipped rules, so comparing their speed is fair. */
class HandWrittenFloorAgreesWithRulesTest {

    @Test
    void theFloorGivesTheRulesVerdictAndGroundsOnGeneratedProfiles() {
        EligibilityRules rules = new RuleSetCompiler(Clock.systemUTC()).compile(RuleBaseSource.fromDirectory(Path.of(".")))
                .jurisdiction("ust-ishim").orElseThrow().decision(EligibilityRules.class).orElseThrow();
        HandWrittenUstIshim floor = new HandWrittenUstIshim(5, 3);
        LocalDate asOf = LocalDate.of(2026, 11, 23);
        List<TeacherProfile> profiles = GeneratedProfiles.generate(7, 1000);
        for (int i = 0; i < profiles.size(); i++) {
            EligibilityOutcome expected = rules.evaluate(profiles.get(i), asOf);
            HandWrittenUstIshim.Outcome actual = floor.evaluate(profiles.get(i), asOf);
            assertThat(actual.verdict()).as("профиль %d: %s", i, expected.reasons()).isEqualTo(expected.verdict());
            assertThat(actual.grounds()).as("профиль %d", i).isEqualTo(expected.grounds());
            assertThat(actual.reasons()).as("профиль %d", i).hasSize(expected.reasons().size());
        }
        assertThat(profiles.stream().map(p -> floor.evaluate(p, asOf).verdict()).distinct()).hasSize(3);
    }
}
