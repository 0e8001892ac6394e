package ru.edu.decisions.rules.routes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
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

/**
 * Route scenario tables a policy officer reads and extends ({@code rules/<jurisdiction>/scenarios/routes.csv}): one
 * teacher's diagnostics per row and the route the rules and catalogue must give — the deficits, the activities (by
 * catalogue code) and the needs left open. The columns are described in {@code rules/README.md}. Plain Java: the
 * rules' tests and the service's draft check read the tables with it.
 */
public final class RouteScenarioTable {

    public static final List<String> HEADER = List.of("Случай", "Дата решения", "Баллы", "Предмет", "Дата рождения",
            "Стаж педагогический", "Признаки школы", "Только дистанционно", "Дефициты", "Мероприятия", "Не закрыто");

    public record Scenario(String jurisdiction, int row, String name, LocalDate asOf, TeacherProfile teacher, School school,
                           Diagnostics diagnostics, Preferences preferences, List<String> deficits, List<String> activities,
                           List<String> open) {

        @Override
        public String toString() {
            return jurisdiction + " строка " + row + ": " + name;
        }
    }

    /** What the rules gave for a row, in the table's terms. */
    public record Result(List<String> deficits, List<String> activities, List<String> open) {
    }

    private RouteScenarioTable() {
    }

    public static List<Scenario> read(String jurisdiction, String text) {
        String[] lines = text.replace("\uFEFF", "").split("\r?\n");
        List<String> header = Arrays.stream(lines[0].split(";", -1)).map(String::trim).toList();
        if (!header.equals(HEADER)) {
            throw new IllegalArgumentException(jurisdiction + "/scenarios/routes.csv, строка 1: заголовок должен быть «"
                    + String.join(";", HEADER) + "»");
        }
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

    /** The route the rules give for a scenario, in the table's terms (deficits, this year's activities, open needs). */
    public static Result decide(RouteRules rules, Scenario s, List<Reason> reasons) {
        RouteOutcome outcome = rules.evaluate(s.teacher(), s.school(), s.diagnostics(), s.preferences(), s.asOf());
        reasons.addAll(outcome.reasons());
        return new Result(outcome.deficits().stream().map(d -> d.area() + ":" + d.level()).sorted().toList(),
                outcome.route().thisYear().stream().map(RouteItem::activityId).sorted().toList(),
                outcome.reasons().stream().filter(r -> r.status() != ReasonStatus.MET && r.code().contains("_"))
                        .map(Reason::code).filter(code -> !code.equals("YOUNG_SPECIALIST")).distinct().sorted().toList());
    }

    private static List<String> list(String cell) {
        String value = cell.trim();
        return value.equals("нет") || value.isEmpty() ? List.of() : Arrays.stream(value.split("\\s+\\+\\s+")).map(String::trim).toList();
    }

    private static List<String> sorted(String cell) {
        return new ArrayList<>(new TreeSet<>(list(cell)));
    }
}
