package ru.edu.decisions.rules.eligibility;

import ru.edu.decisions.rules.routes.RouteRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import ru.edu.decisions.model.Reason;
import ru.edu.decisions.model.eligibility.Verdict;
import ru.edu.decisions.rules.engine.JurisdictionRules;

/**
 * Runs a jurisdiction's eligibility scenario table ({@code scenarios/eligibility.csv}) against compiled rules and
 * reports every row the rules decide otherwise than the table says: the gate a rule-set draft passes before it may
 * be published. Plain Java, no framework: the rules' tests and the service use the same check.
 */
public final class ScenarioCheck {

    /** The eligibility table's path inside a jurisdiction folder. */
    public static final String ELIGIBILITY_TABLE = "scenarios/eligibility.csv";
    /** The route table's path inside a jurisdiction folder. */
    public static final String ROUTES_TABLE = "scenarios/routes.csv";

    private static final Map<Verdict, String> WORDS = Map.of(Verdict.ELIGIBLE, "подходит",
            Verdict.NOT_ELIGIBLE, "не подходит", Verdict.INSUFFICIENT_DATA, "недостаточно сведений");

    /**
     * A row the rules decide otherwise (or a table that cannot be read: {@code row} is then 0 unless the message names
     * it). {@code expected} and {@code got}: the decision, grounds and missing data as the table writes them;
     * {@code reasons}: the rules' reasons for what they decided; {@code message}: what is wrong, in Russian.
     */
    public record Failure(String file, int row, String scenario, String expected, String got, List<String> reasons,
                          String message) {
    }

    /** How many rows were checked and which failed. */
    public record Result(int rows, List<Failure> failures) {

        public boolean passed() {
            return failures.isEmpty();
        }
    }

    private ScenarioCheck() {
    }

    /** Every row of {@code text} (the table at {@code file}) decided by {@code rules}. */
    public static Result eligibility(JurisdictionRules rules, String file, String text) {
        List<ScenarioTable.Scenario> scenarios;
        try {
            scenarios = ScenarioTable.read(rules.code(), file, text);
        } catch (RuntimeException e) {
            return new Result(0, List.of(new Failure(file, 0, "", "", "", List.of(),
                    "Таблицу сценариев не удалось прочитать: " + e.getMessage())));
        }
        if (rules.decision(EligibilityRules.class).isEmpty()) {
            return new Result(scenarios.size(), scenarios.isEmpty() ? List.of() : List.of(new Failure(file, 0, "", "", "",
                    List.of(), "В наборе правил нет правил решения о включении, а таблица сценариев для них есть")));
        }
        List<Failure> failures = new ArrayList<>();
        for (ScenarioTable.Scenario scenario : scenarios) {
            EligibilityOutcome outcome;
            try {
                outcome = rules.decision(EligibilityRules.class).orElseThrow().evaluate(scenario.candidate(), scenario.asOf());
            } catch (RuntimeException e) {
                failures.add(new Failure(file, scenario.row(), scenario.name(), describe(scenario.verdict(), scenario.grounds(),
                        scenario.missing()), "ошибка", List.of(), "Строка " + scenario.row() + " («" + scenario.name()
                        + "»): правила не смогли решить — " + e.getMessage()));
                continue;
            }
            List<String> missing = new ArrayList<>(new TreeSet<>(outcome.missing()));
            List<String> expectedMissing = new ArrayList<>(new TreeSet<>(scenario.missing()));
            boolean same = outcome.verdict() == scenario.verdict()
                    && Objects.equals(outcome.grounds(), scenario.grounds())
                    && missing.equals(expectedMissing);
            if (!same) {
                String expected = describe(scenario.verdict(), scenario.grounds(), expectedMissing);
                String got = describe(outcome.verdict(), outcome.grounds(), missing);
                failures.add(new Failure(file, scenario.row(), scenario.name(), expected, got,
                        outcome.reasons().stream().map(ScenarioCheck::reason).toList(),
                        "Строка " + scenario.row() + " («" + scenario.name() + "»): по таблице — " + expected
                                + ", а правила решили — " + got));
            }
        }
        return new Result(scenarios.size(), failures);
    }

    /** Every row of a route table ({@code text} at {@code file}) decided by {@code rules}' route rules and catalogue. */
    public static Result routes(JurisdictionRules rules, String file, String text) {
        List<ru.edu.decisions.rules.routes.RouteScenarioTable.Scenario> scenarios;
        try {
            scenarios = ru.edu.decisions.rules.routes.RouteScenarioTable.read(rules.code(), text);
        } catch (RuntimeException e) {
            return new Result(0, List.of(new Failure(file, 0, "", "", "", List.of(),
                    "Таблицу сценариев не удалось прочитать: " + e.getMessage())));
        }
        if (rules.decision(RouteRules.class).isEmpty()) {
            return new Result(scenarios.size(), scenarios.isEmpty() ? List.of() : List.of(new Failure(file, 0, "", "", "",
                    List.of(), "В наборе правил нет правил маршрутов, а таблица сценариев для них есть")));
        }
        List<Failure> failures = new ArrayList<>();
        for (var scenario : scenarios) {
            String expected = "дефициты: " + words(scenario.deficits()) + "; мероприятия: " + words(scenario.activities())
                    + "; не закрыто: " + words(scenario.open());
            List<Reason> reasons = new ArrayList<>();
            try {
                var got = ru.edu.decisions.rules.routes.RouteScenarioTable.decide(rules.decision(RouteRules.class).orElseThrow(), scenario, reasons);
                String gotText = "дефициты: " + words(got.deficits()) + "; мероприятия: " + words(got.activities())
                        + "; не закрыто: " + words(got.open());
                if (!gotText.equals(expected)) {
                    failures.add(new Failure(file, scenario.row(), scenario.name(), expected, gotText,
                            reasons.stream().map(ScenarioCheck::reason).toList(), "Строка " + scenario.row() + " («"
                            + scenario.name() + "»): по таблице — " + expected + ", а правила дали — " + gotText));
                }
            } catch (RuntimeException e) {
                failures.add(new Failure(file, scenario.row(), scenario.name(), expected, "ошибка", List.of(), "Строка "
                        + scenario.row() + " («" + scenario.name() + "»): правила не смогли решить — " + e.getMessage()));
            }
        }
        return new Result(scenarios.size(), failures);
    }

    private static String words(List<String> values) {
        return values.isEmpty() ? "нет" : String.join(" + ", values);
    }

    private static String describe(Verdict verdict, List<String> grounds, List<String> missing) {
        return "«" + WORDS.get(verdict) + "»; основания: " + (grounds.isEmpty() ? "нет" : String.join(" + ", grounds))
                + "; недостающие сведения: " + (missing.isEmpty() ? "нет" : String.join(" + ", missing));
    }

    private static String reason(Reason reason) {
        return reason.code() + " (" + reason.status() + "): " + reason.message();
    }
}
