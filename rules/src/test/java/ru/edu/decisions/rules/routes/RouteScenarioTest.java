package ru.edu.decisions.rules.routes;

import ru.edu.decisions.rules.engine.ShippedRuleBase;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import ru.edu.decisions.model.Employment;
import ru.edu.decisions.model.OrganizationKind;
import ru.edu.decisions.model.Position;
import ru.edu.decisions.model.QualificationCategory;
import ru.edu.decisions.model.Reason;
import ru.edu.decisions.model.ReasonStatus;
import ru.edu.decisions.model.TeacherProfile;
import ru.edu.decisions.model.routes.CompetenceArea;
import ru.edu.decisions.model.routes.Diagnostics;
import ru.edu.decisions.model.routes.Preferences;
import ru.edu.decisions.model.routes.RouteItem;
import ru.edu.decisions.model.routes.School;
import ru.edu.decisions.model.routes.SchoolFlag;
import ru.edu.decisions.rules.engine.RuleBase;

/**
 * Route scenario tables a policy officer reads and extends ({@code rules/<jurisdiction>/scenarios/routes.csv}): one
 * teacher's diagnostics per row and the route the shipped rules and catalogue must give — the deficits, the
 * activities (by catalogue code) and the needs left open. The columns are described in {@code rules/README.md}.
 */
class RouteScenarioTest {

    static final List<String> HEADER = List.of("Случай", "Дата решения", "Баллы", "Предмет", "Дата рождения",
            "Стаж педагогический", "Признаки школы", "Только дистанционно", "Дефициты", "Мероприятия", "Не закрыто");

    record Scenario(String jurisdiction, int row, String name, LocalDate asOf, TeacherProfile teacher, School school,
                    Diagnostics diagnostics, Preferences preferences, List<String> deficits, List<String> activities,
                    List<String> open) {

        @Override
        public String toString() {
            return jurisdiction + " строка " + row + ": " + name;
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
        String[] lines = text.split("\r?\n");
        assertThat(Arrays.stream(lines[0].split(";", -1)).map(String::trim).toList()).as(jurisdiction + "/scenarios/routes.csv: заголовок")
                .isEqualTo(HEADER);
        List<Scenario> scenarios = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank() || lines[i].startsWith("#")) {
                continue;
            }
            String[] c = lines[i].split(";", -1);
            String where = jurisdiction + "/scenarios/routes.csv, строка " + (i + 1);
            if (c.length != HEADER.size()) {
                throw new IllegalArgumentException(where + ": ожидается " + HEADER.size() + " столбцов, а в строке " + c.length);
            }
            try {
                Map<CompetenceArea, Integer> scores = new EnumMap<>(CompetenceArea.class);
                for (String part : list(c[2])) {
                    String[] kv = part.split("=");
                    scores.put(CompetenceArea.valueOf(kv[0].trim()), Integer.parseInt(kv[1].trim()));
                }
                Integer experience = c[5].trim().equals("?") ? null : Integer.parseInt(c[5].trim());
                TeacherProfile teacher = new TeacherProfile(null, "Педагог", c[4].trim().equals("?") ? null : LocalDate.parse(c[4].trim()),
                        null, null, new Employment("Школа", OrganizationKind.SCHOOL, Position.TEACHER, "учитель", true,
                        QualificationCategory.FIRST, experience, experience, list(c[3])), null, null, null, null, null, null, null);
                School school = new School("Школа", list(c[6]).stream().map(SchoolFlag::valueOf).toList());
                scenarios.add(new Scenario(jurisdiction, i + 1, c[0].trim(), LocalDate.parse(c[1].trim()), teacher, school,
                        new Diagnostics(null, scores), new Preferences(c[7].trim().equals("да")), sorted(c[8]), sorted(c[9]), sorted(c[10])));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        return scenarios;
    }

    private static List<String> list(String cell) {
        String value = cell.trim();
        return value.equals("нет") || value.isEmpty() ? List.of() : Arrays.stream(value.split("\\s+\\+\\s+")).map(String::trim).toList();
    }

    private static List<String> sorted(String cell) {
        return new ArrayList<>(new TreeSet<>(list(cell)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void theRulesAndCatalogueGiveTheRouteTheTableSays(Scenario s) {
        RouteOutcome outcome = rules.jurisdiction(s.jurisdiction()).orElseThrow().routes().orElseThrow()
                .evaluate(s.teacher(), s.school(), s.diagnostics(), s.preferences(), s.asOf());

        String where = s + "; причины: " + outcome.reasons();
        assertThat(outcome.deficits().stream().map(d -> d.area() + ":" + d.level()).sorted().toList()).as("Дефициты — " + where)
                .isEqualTo(s.deficits());
        assertThat(outcome.route().thisYear().stream().map(RouteItem::activityId).sorted().toList()).as("Мероприятия — " + where)
                .isEqualTo(s.activities());
        assertThat(outcome.reasons().stream().filter(r -> r.status() != ReasonStatus.MET && r.code().contains("_"))
                .map(Reason::code).filter(code -> !code.equals("YOUNG_SPECIALIST")).distinct().sorted().toList())
                .as("Не закрыто — " + where).isEqualTo(s.open());
    }

    @Test
    void everyJurisdictionHasARouteScenarioTable() throws IOException {
        assertThat(scenarios()).extracting(Scenario::jurisdiction).contains("ust-ishim", "turochak", "kuznetsk", "dagestan");
    }
}
