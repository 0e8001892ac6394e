package ru.edu.decisions.rules.routes;

import ru.edu.decisions.rules.engine.ShippedRuleBase;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import ru.edu.decisions.model.Reason;
import ru.edu.decisions.rules.engine.RuleBase;

/**
 * Route scenario tables a policy officer reads and extends ({@code rules/<jurisdiction>/scenarios/routes.csv}): one
 * teacher's diagnostics per row and the route the shipped rules and catalogue must give — the deficits, the
 * activities (by catalogue code) and the needs left open. The columns are described in {@code rules/README.md}.
 */
class RouteScenarioTest {

    /** A row of a table (see {@link RouteScenarioTable}). */
    record Scenario(RouteScenarioTable.Scenario row) {

        String jurisdiction() {
            return row.jurisdiction();
        }

        @Override
        public String toString() {
            return row.toString();
        }
    }

    static RuleBase rules;

    @BeforeAll
    static void compile() {
        rules = ShippedRuleBase.get();
    }

    static List<Scenario> scenarios() throws IOException {
        List<Scenario> all = new ArrayList<>();
        try (var folders = Files.list(Path.of("."))) {
            for (Path folder : folders.sorted().toList()) {
                Path table = folder.resolve("scenarios/routes.csv");
                if (Files.isRegularFile(table)) {
                    all.addAll(read(folder.getFileName().toString(), Files.readString(table, StandardCharsets.UTF_8)));
                }
            }
        }
        return all;
    }

    static List<Scenario> read(String jurisdiction, String text) {
        return RouteScenarioTable.read(jurisdiction, text).stream().map(Scenario::new).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void theRulesAndCatalogueGiveTheRouteTheTableSays(Scenario scenario) {
        RouteScenarioTable.Scenario s = scenario.row();
        List<Reason> reasons = new ArrayList<>();
        RouteScenarioTable.Result result = RouteScenarioTable.decide(rules.jurisdiction(s.jurisdiction()).orElseThrow().decision(RouteRules.class).orElseThrow(),
                s, reasons);

        String where = s + "; причины: " + reasons;
        assertThat(result.deficits()).as("Дефициты — " + where).isEqualTo(s.deficits());
        assertThat(result.activities()).as("Мероприятия — " + where).isEqualTo(s.activities());
        assertThat(result.open()).as("Не закрыто — " + where).isEqualTo(s.open());
    }

    @Test
    void everyJurisdictionHasARouteScenarioTable() throws IOException {
        assertThat(scenarios()).extracting(Scenario::jurisdiction).contains("ust-ishim", "turochak", "kuznetsk", "dagestan");
    }
}
