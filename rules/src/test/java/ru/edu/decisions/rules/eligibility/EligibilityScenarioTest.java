package ru.edu.decisions.rules.eligibility;

import ru.edu.decisions.rules.engine.ShippedRuleBase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import ru.edu.decisions.rules.eligibility.ScenarioTable.Scenario;
import ru.edu.decisions.rules.engine.RuleBase;

/** Every row of every jurisdiction's eligibility scenario table, decided by the shipped rules. */
class EligibilityScenarioTest {

    static RuleBase rules;

    @BeforeAll
    static void compile() {
        rules = ShippedRuleBase.get();
    }

    static List<Scenario> scenarios() throws IOException {
        return ScenarioTable.readAll(Path.of("."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void theRulesDecideEveryScenarioAsTheTableSays(Scenario scenario) {
        EligibilityOutcome outcome = rules.jurisdiction(scenario.jurisdiction()).orElseThrow().decision(EligibilityRules.class).orElseThrow()
                .evaluate(scenario.candidate(), scenario.asOf());

        String where = scenario.file() + ", строка " + scenario.row() + " («" + scenario.name() + "»); причины: " + outcome.reasons();
        assertThat(outcome.verdict()).as("Решение — " + where).isEqualTo(scenario.verdict());
        assertThat(outcome.grounds()).as("Основания — " + where).containsExactlyElementsOf(scenario.grounds());
        assertThat(outcome.missing()).as("Недостающие сведения — " + where).containsExactlyInAnyOrderElementsOf(scenario.missing());
    }

    @Test
    void bothShippedJurisdictionsHaveScenarioTables() throws IOException {
        assertThat(scenarios()).extracting(Scenario::jurisdiction).contains("ust-ishim", "turochak");
        assertThat(scenarios().stream().filter(s -> s.jurisdiction().equals("ust-ishim"))).hasSizeGreaterThanOrEqualTo(15);
        assertThat(scenarios().stream().filter(s -> s.jurisdiction().equals("turochak"))).hasSizeGreaterThanOrEqualTo(12);
    }

    @Test
    void aMalformedCellNamesTheFileTheRowAndTheColumn() {
        String table = String.join(";", ScenarioTable.HEADER) + "\n"
                + "Хороший;2026-11-23;высшее/педагогическое/2007;12;15;первая;учитель;школа;?;нет;нет;нет;нет;не подходит;нет;нет\n"
                + "Плохой;2026-11-23;высшее/педагогическое/2007;12;15;первая;учитель;школа;?;нет;ГИА/член/районный;нет;нет;не подходит;нет;нет\n";

        assertThatThrownBy(() -> ScenarioTable.read("ust-ishim", "ust-ishim/scenarios/eligibility.csv", table))
                .hasMessageStartingWith("ust-ishim/scenarios/eligibility.csv, строка 3, столбец «Членство»: не понято значение «ГИА/член/районный»");
    }
}
