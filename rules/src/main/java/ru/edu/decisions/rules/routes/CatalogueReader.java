package ru.edu.decisions.rules.routes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import ru.edu.decisions.model.Labelled;
import ru.edu.decisions.model.routes.ActivityFormat;
import ru.edu.decisions.model.routes.ActivityType;
import ru.edu.decisions.model.routes.CompetenceArea;
import ru.edu.decisions.rules.engine.CompileProblem;
import ru.edu.decisions.rules.engine.RuleFile;

/**
 * Reads a jurisdiction's activity catalogue: a {@code ;}-separated table with a Russian header, one activity per row,
 * kept by policy staff in a spreadsheet. Every wrong cell is reported with its row (line) number and column; a
 * catalogue with any problem is rejected as a whole, like a rule file that does not compile.
 */
public final class CatalogueReader {

    public static final String FILE = "catalogue.csv";
    static final List<String> HEADER = List.of("Код", "Название", "Вид", "Области", "Предметы", "Часы", "Формат",
            "Организатор", "Подтверждение", "Федеральный реестр", "Недель");
    private static final String LIST_SEPARATOR = "\\s*/\\s*";

    private CatalogueReader() {
    }

    public static List<Activity> read(RuleFile file, List<CompileProblem> problems) {
        List<CompileProblem> own = new ArrayList<>();
        List<Activity> activities = new ArrayList<>();
        String[] lines = file.text().replace("\uFEFF", "").split("\r?\n", -1);
        int headerLine = 0;
        while (headerLine < lines.length && lines[headerLine].isBlank()) {
            headerLine++;
        }
        if (headerLine == lines.length) {
            problems.add(new CompileProblem(file.path(), 1, null, "Каталог пуст: нет строки заголовка "
                    + String.join(";", HEADER)));
            return List.of();
        }
        List<String> header = Arrays.stream(lines[headerLine].split(";", -1)).map(String::trim).toList();
        if (!header.equals(HEADER)) {
            problems.add(new CompileProblem(file.path(), headerLine + 1, null, "Заголовок каталога должен быть «"
                    + String.join(";", HEADER) + "», а в файле «" + String.join(";", header) + "»"));
            return List.of();
        }
        Map<String, Integer> ids = new HashMap<>();
        for (int i = headerLine + 1; i < lines.length; i++) {
            if (lines[i].isBlank() || lines[i].startsWith("#")) {
                continue;
            }
            Row row = new Row(file.path(), i + 1, lines[i].split(";", -1), own);
            Activity activity = row.activity();
            if (activity == null) {
                continue;
            }
            Integer previous = ids.putIfAbsent(activity.id(), activity.line());
            if (previous != null) {
                row.problem("Код", "код «" + activity.id() + "» уже есть в строке " + previous);
                continue;
            }
            activities.add(activity);
        }
        if (own.isEmpty() && activities.isEmpty()) {
            own.add(new CompileProblem(file.path(), headerLine + 1, null, "В каталоге нет ни одного мероприятия"));
        }
        problems.addAll(own);
        return own.isEmpty() ? List.copyOf(activities) : List.of();
    }

    /** One row being read; collects the problems of its cells. */
    private record Row(String path, int line, String[] cells, List<CompileProblem> problems) {

        @Nullable Activity activity() {
            if (cells.length != HEADER.size()) {
                problems.add(new CompileProblem(path, line, null, "Строка " + line + ": ожидается " + HEADER.size()
                        + " столбцов через «;», а в строке " + cells.length));
                return null;
            }
            int before = problems.size();
            String id = required("Код");
            if (id != null && !id.matches("[A-Za-z0-9_.-]{1,64}")) {
                problem("Код", "код «" + id + "» должен состоять из латинских букв, цифр, «-», «_» или «.»");
            }
            String title = required("Название");
            ActivityType type = oneOf("Вид", ActivityType.values());
            Set<CompetenceArea> areas = areas();
            Set<String> subjects = Arrays.stream(cell("Предметы").split(LIST_SEPARATOR)).filter(s -> !s.isBlank())
                    .map(Activity::normalizeSubject).collect(Collectors.toCollection(LinkedHashSet::new));
            Integer hours = positive("Часы");
            ActivityFormat format = oneOf("Формат", ActivityFormat.values());
            String provider = required("Организатор");
            String evidence = required("Подтверждение");
            Boolean federal = yesNo("Федеральный реестр");
            Integer weeks = positive("Недель");
            if (weeks != null && weeks > SchoolYear.MAX_WEEKS) {
                problem("Недель", "мероприятие должно помещаться в учебный год (с 1 сентября по 31 мая — "
                        + SchoolYear.MAX_WEEKS + " недель), а указано «" + weeks + "»");
            }
            if (Boolean.TRUE.equals(federal) && type != null && type != ActivityType.COURSE) {
                problem("Федеральный реестр", "в федеральный реестр входят только курсы ДПО, а вид мероприятия — «"
                        + type.label() + "»");
            }
            if (problems.size() > before) {
                return null;
            }
            return new Activity(id, title, type, areas, subjects, hours, format, provider, evidence, federal, weeks, line);
        }

        private String cell(String column) {
            return cells[HEADER.indexOf(column)].trim();
        }

        private @Nullable String required(String column) {
            String value = cell(column);
            if (value.isEmpty()) {
                problem(column, "значение обязательно");
                return null;
            }
            return value;
        }

        private @Nullable Integer positive(String column) {
            String value = cell(column);
            try {
                int number = Integer.parseInt(value);
                if (number > 0 && number <= 2000) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problem(column, "нужно целое число от 1 до 2000, а указано «" + value + "»");
            return null;
        }

        private @Nullable Boolean yesNo(String column) {
            String value = cell(column).toLowerCase(Locale.ROOT);
            if (value.equals("да")) {
                return true;
            }
            if (value.equals("нет") || value.isEmpty()) {
                return false;
            }
            problem(column, "нужно «да» или «нет», а указано «" + cell(column) + "»");
            return null;
        }

        private <E extends Enum<E> & Labelled> @Nullable E oneOf(String column, E[] values) {
            String value = cell(column);
            E found = parse(value, values);
            if (found == null) {
                problem(column, "«" + value + "» — нет такого значения; допустимо: "
                        + Arrays.stream(values).map(Labelled::label).collect(Collectors.joining(", ")));
            }
            return found;
        }

        private Set<CompetenceArea> areas() {
            Set<CompetenceArea> areas = EnumSet.noneOf(CompetenceArea.class);
            for (String part : cell("Области").split(LIST_SEPARATOR)) {
                if (part.isBlank()) {
                    continue;
                }
                CompetenceArea area = parse(part, CompetenceArea.values());
                if (area == null) {
                    problem("Области", "«" + part + "» — нет такой области компетенций; допустимо: "
                            + Arrays.stream(CompetenceArea.values()).map(Enum::name).collect(Collectors.joining(", ")));
                } else {
                    areas.add(area);
                }
            }
            if (areas.isEmpty() && cell("Области").isBlank()) {
                problem("Области", "укажите хотя бы одну область компетенций");
            }
            return areas;
        }

        private static <E extends Enum<E> & Labelled> @Nullable E parse(String value, E[] values) {
            String wanted = value.trim().toLowerCase(Locale.ROOT).replace('ё', 'е');
            for (E candidate : values) {
                if (candidate.name().equalsIgnoreCase(wanted)
                        || candidate.label().toLowerCase(Locale.ROOT).replace('ё', 'е').equals(wanted)) {
                    return candidate;
                }
            }
            return null;
        }

        CompileProblem problem(String column, String message) {
            CompileProblem problem = new CompileProblem(path, line, null, "Строка " + line + ", столбец «" + column
                    + "»: " + message);
            problems.add(problem);
            return problem;
        }
    }
}
