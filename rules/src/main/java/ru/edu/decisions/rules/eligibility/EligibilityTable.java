package ru.edu.decisions.rules.eligibility;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.jspecify.annotations.Nullable;
import ru.edu.decisions.model.AchievementResult;
import ru.edu.decisions.model.AssessmentKind;
import ru.edu.decisions.model.AssessmentResult;
import ru.edu.decisions.model.Labelled;
import ru.edu.decisions.model.Level;
import ru.edu.decisions.model.MembershipKind;
import ru.edu.decisions.model.MembershipRole;
import ru.edu.decisions.rules.dsl.AllOf;
import ru.edu.decisions.rules.dsl.Criterion;
import ru.edu.decisions.rules.dsl.CriterionKind;
import ru.edu.decisions.rules.dsl.EligibilityTerms;
import ru.edu.decisions.rules.engine.CompileProblem;
import ru.edu.decisions.rules.engine.RuleFile;

/**
 * A jurisdiction's eligibility table ({@code <jurisdiction>/eligibility.xlsx}), the one place its requirements and
 * grounds are written, each once, in the words a policy officer edits in LibreOffice or Excel:
 * <ul>
 *   <li>sheet «Требования и основания»: a row per requirement or ground — its kind, clause, title and the facts it
 *       needs (several: all of them, named together by «Название совокупности»);</li>
 *   <li>sheet «Признаки по записям»: a row per fact read from the candidate's list entries (assessments,
 *       memberships, achievements) — which kinds, roles, results and levels count, and the explanation's words;
 *       several rows of one fact are alternatives;</li>
 *   <li>sheet «Общие признаки»: the facts defined once in {@code common/eligibility-facts.drl} this jurisdiction uses,
 *       each with the clause of its regulation it is cited under.</li>
 * </ul>
 * Reading the table yields the requirements and grounds (declared once per rule base, not per decision) and rules
 * generated from the shared template {@code common/eligibility-entries.drt}, three per entry fact (yes, unknown, no).
 * A cell that cannot be read is a {@link CompileProblem} naming the sheet, row and column.
 */
public final class EligibilityTable {

    /** The table's name inside a jurisdiction folder: a {@code ;}-separated UTF-8 text, its sheets as blocks. */
    public static final String FILE = "eligibility-table.csv";
    /** The same table as an Excel workbook, its sheets as sheets (read when a folder has it instead of the text). */
    public static final String WORKBOOK = "eligibility-table.xlsx";
    /** The shared template of entry facts' rules in {@code common/}. */
    public static final String TEMPLATE = "eligibility-entries.drt";
    /** The shared facts' rules in {@code common/}. */
    public static final String SHARED_FACTS = "eligibility-facts.drl";

    static final String CRITERIA_SHEET = "Требования и основания";
    static final String ENTRIES_SHEET = "Признаки по записям";
    static final String SHARED_SHEET = "Общие признаки";

    private static final Pattern USES = Pattern.compile("uses(?:Of)?\\(\\s*\"([^\"]+)\"|usedOf\\(([^)]*)\\)");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("@\\{(\\w+)}");

    /** What the table declares and the rules generated from it. */
    public record Compiled(List<Criterion> criteria, List<AllOf> combinations, EligibilityTerms terms,
                           RuleFile generated, Map<Integer, CellAt> cellOfLine, List<RuleFile> sharedSources) {

        /** The cell a line of the generated rules came from, if known. */
        public @Nullable CellAt cellOf(int line) {
            return cellOfLine.get(line);
        }

        /**
         * A problem in the rules generated from the table is the table's: its file, with the sheet (or block), row and
         * column of the cell the offending line came from. Other problems are returned as they are.
         */
        public CompileProblem locate(CompileProblem problem) {
            if (!problem.file().equals(generated.path())) {
                return problem;
            }
            String table = generated.path().substring(0, generated.path().length() - ".drl".length());
            CellAt cell = problem.line() == null ? null : cellOf(problem.line());
            return cell == null ? new CompileProblem(table, null, problem.rule(), problem.message())
                    : new CompileProblem(table, cell.row(), problem.rule(), cell.where() + problem.message());
        }
    }

    /**
     * A cell of the table: its row (the line of the text file, the row of the sheet) and where it is in words
     * («лист "Основания", строка 7, столбец D: »).
     */
    public record CellAt(int row, String where) {
    }

    /** A list of the candidate's entries a fact can be read from, with the fields a table row may constrain. */
    private enum Entries {
        ASSESSMENTS("оценки", "Assessment", "assessmentList", "assessments"),
        MEMBERSHIPS("членство", "Membership", "membershipList", "memberships"),
        ACHIEVEMENTS("достижения", "Achievement", "achievementList", "achievements");

        final String word;
        final String type;
        final String list;
        final String path;

        Entries(String word, String type, String list, String path) {
            this.word = word;
            this.type = type;
            this.list = list;
            this.path = path;
        }

        /** The enum of a field for this list, or null when the entries have no such field. */
        @Nullable Class<? extends Enum<?>> field(String field) {
            return switch (field) {
                case "kind" -> this == ASSESSMENTS ? AssessmentKind.class : this == MEMBERSHIPS ? MembershipKind.class : null;
                case "role" -> this == MEMBERSHIPS ? MembershipRole.class : null;
                case "result" -> this == ASSESSMENTS ? AssessmentResult.class : this == ACHIEVEMENTS ? AchievementResult.class : null;
                case "level" -> this == ASSESSMENTS ? null : Level.class;
                default -> null;
            };
        }
    }

    /** Fields a row may constrain, in the order their absence is reported. */
    private static final List<String> FIELDS = List.of("kind", "role", "result", "level");
    private static final Map<String, String> FIELD_HEADERS = Map.of("kind", "Вид", "role", "Роль", "result", "Результат", "level", "Уровень");

    private final RuleFile file;
    private final String jurisdiction;
    private final List<CompileProblem> problems;

    private EligibilityTable(RuleFile file, String jurisdiction, List<CompileProblem> problems) {
        this.file = file;
        this.jurisdiction = jurisdiction;
        this.problems = problems;
    }

    /**
     * Reads {@code table} of {@code jurisdiction} against the shared rules in {@code common}; null (with problems added)
     * when a cell cannot be read.
     */
    public static @Nullable Compiled read(String jurisdiction, RuleFile table, List<RuleFile> common, List<CompileProblem> problems) {
        return new EligibilityTable(table, jurisdiction, problems).read(common);
    }

    /** Whether a file of a jurisdiction folder is its eligibility table. */
    public static boolean isTable(RuleFile file) {
        return file.name().equals(FILE) || file.name().equals(WORKBOOK);
    }

    /** Where the sheets come from: the workbook's sheets, or the text's blocks. */
    private interface Sheets {
        Table table(String name, List<String> headers);
    }

    private @Nullable Compiled read(List<RuleFile> common) {
        RuleFile template = common.stream().filter(f -> f.name().equals(TEMPLATE)).findFirst().orElse(null);
        if (template == null) {
            problems.add(new CompileProblem(file.path(), null, null, "Нет общего шаблона правил common/" + TEMPLATE));
            return null;
        }
        Set<String> shared = sharedFacts(common);
        int before = problems.size();
        if (file.name().endsWith(".xlsx")) {
            try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(file.content()))) {
                return read(template, shared, (name, headers) -> sheet(workbook, name, headers));
            } catch (IOException | RuntimeException e) {
                if (problems.size() == before) {
                    problems.add(new CompileProblem(file.path(), null, null, "Таблицу не удалось прочитать как книгу Excel (.xlsx): "
                            + e.getClass().getSimpleName()));
                }
                return null;
            }
        }
        List<String[]> lines = csvLines(file.text());
        return read(template, shared, (name, headers) -> block(lines, name, headers));
    }

    private @Nullable Compiled read(RuleFile template, Set<String> shared, Sheets sheets) {
        int before = problems.size();
        {
            Table sharedSheet = sheets.table(SHARED_SHEET, List.of("Признак", "Пункт", "Уточнение к пояснению"));
            Table entrySheet = sheets.table(ENTRIES_SHEET, List.of("Признак", "Пункт", "Сведения", "Вид", "Роль", "Результат",
                    "Уровень", "Запись без вида может подойти", "Пояснение «да»", "Пояснение «неизвестно»", "Пояснение «нет»",
                    "«Нет» называет записи видов"));
            Table criteriaSheet = sheets.table(CRITERIA_SHEET, List.of("Вид", "Пункт", "Название", "Признаки", "Название совокупности"));
            if (problems.size() > before) {
                return null;
            }
            EligibilityTerms terms = sharedTerms(sharedSheet, shared);
            Map<String, List<Row>> entryFacts = entryFacts(entrySheet);
            StringBuilder drl = new StringBuilder();
            Map<Integer, CellAt> cellOfLine = new HashMap<>();
            header(drl);
            for (Map.Entry<String, List<Row>> fact : entryFacts.entrySet()) {
                generate(entrySheet, fact.getKey(), fact.getValue(), template.text(), drl, cellOfLine);
            }
            List<Criterion> criteria = new ArrayList<>();
            List<AllOf> combinations = new ArrayList<>();
            Set<String> known = new LinkedHashSet<>(terms.used());
            known.addAll(entryFacts.keySet());
            criteria(criteriaSheet, known, criteria, combinations);
            if (problems.size() > before) {
                return null;
            }
            RuleFile generated = new RuleFile(file.path() + ".drl", drl.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return new Compiled(List.copyOf(criteria), List.copyOf(combinations), terms, generated, Map.copyOf(cellOfLine),
                    List.of(template));
        }
    }

    /** The facts the shared rules can derive: those they test with {@code uses("…")} / {@code usedOf("…", …)}. */
    static Set<String> sharedFacts(List<RuleFile> common) {
        Set<String> facts = new LinkedHashSet<>();
        for (RuleFile file : common) {
            if (!file.name().equals(SHARED_FACTS)) {
                continue;
            }
            Matcher matcher = USES.matcher(file.text());
            while (matcher.find()) {
                if (matcher.group(1) != null) {
                    facts.add(matcher.group(1));
                } else {
                    Matcher quoted = QUOTED.matcher(matcher.group(2));
                    while (quoted.find()) {
                        facts.add(quoted.group(1));
                    }
                }
            }
        }
        return facts;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Sheets
    // ---------------------------------------------------------------------------------------------------------------

    /** One sheet: its header columns by name and its non-empty rows (1-based row numbers as the officer sees them). */
    private record Table(String sheet, String place, Map<String, Integer> columns, List<Row> rows) {
    }

    /** A row of a sheet: its number and the text of its cells by header. */
    private record Row(int number, Map<String, String> cells) {

        String get(String header) {
            return cells.getOrDefault(header, "");
        }
    }

    private Table sheet(Workbook workbook, String name, List<String> headers) {
        Sheet sheet = workbook.getSheet(name);
        if (sheet == null) {
            problems.add(new CompileProblem(file.path(), null, null, "В таблице нет листа «" + name + "» (листы: "
                    + sheetNames(workbook) + ")"));
            return new Table(name, "лист", Map.of(), List.of());
        }
        DataFormatter formatter = new DataFormatter(Locale.forLanguageTag("ru"));
        org.apache.poi.ss.usermodel.Row head = sheet.getRow(sheet.getFirstRowNum());
        Map<String, Integer> columns = new LinkedHashMap<>();
        if (head != null) {
            for (Cell cell : head) {
                String text = formatter.formatCellValue(cell).strip();
                if (!text.isEmpty()) {
                    columns.put(text, cell.getColumnIndex());
                }
            }
        }
        requireHeaders("лист", name, sheet.getFirstRowNum() + 1, columns, headers);
        List<Row> rows = new ArrayList<>();
        for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
            org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            Map<String, String> cells = new HashMap<>();
            columns.forEach((header, column) -> {
                Cell cell = row.getCell(column);
                String text = cell == null ? "" : formatter.formatCellValue(cell).strip();
                if (!text.isEmpty()) {
                    cells.put(header, text);
                }
            });
            if (!cells.isEmpty()) {
                rows.add(new Row(r + 1, cells));
            }
        }
        return new Table(name, "лист", columns, rows);
    }

    private void requireHeaders(String place, String name, int row, Map<String, Integer> columns, List<String> headers) {
        for (String header : headers) {
            if (!columns.containsKey(header)) {
                problems.add(new CompileProblem(file.path(), null, null, where(place, name, row, null)
                        + "нет столбца «" + header + "» (в строке названий столбцов должны быть: " + String.join("; ", headers) + ")"));
            }
        }
    }

    /** The text's lines split into cells ({@code ;}, cells with {@code ;} or quotes in double quotes); null for a comment. */
    static List<String[]> csvLines(String text) {
        List<String[]> lines = new ArrayList<>();
        for (String line : text.replace("\uFEFF", "").split("\r?\n", -1)) {
            if (line.startsWith("#")) {
                lines.add(null);
                continue;
            }
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        cell.append(c);
                    }
                } else if (c == '"' && cell.toString().isBlank()) {
                    quoted = true;
                    cell.setLength(0);
                } else if (c == ';') {
                    cells.add(cell.toString().strip());
                    cell.setLength(0);
                } else {
                    cell.append(c);
                }
            }
            cells.add(cell.toString().strip());
            lines.add(cells.toArray(String[]::new));
        }
        return lines;
    }

    /**
     * A block of the text: the line «Таблица;name», then the line of column names, then its rows up to the next
     * block. Row numbers are the file's line numbers, as LibreOffice and Excel number the rows.
     */
    private Table block(List<String[]> lines, String name, List<String> headers) {
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            String[] cells = lines.get(i);
            if (cells != null && cells.length >= 2 && cells[0].equalsIgnoreCase("Таблица") && cells[1].equals(name)) {
                start = i;
            }
        }
        if (start < 0 || start + 1 >= lines.size() || lines.get(start + 1) == null) {
            problems.add(new CompileProblem(file.path(), null, null, "В файле нет таблицы «" + name
                    + "»: строка «Таблица;" + name + "», за ней строка с названиями столбцов"));
            return new Table(name, "таблица", Map.of(), List.of());
        }
        String[] head = lines.get(start + 1);
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int c = 0; c < head.length; c++) {
            if (!head[c].isEmpty()) {
                columns.put(head[c], c);
            }
        }
        requireHeaders("таблица", name, start + 2, columns, headers);
        List<Row> rows = new ArrayList<>();
        for (int i = start + 2; i < lines.size(); i++) {
            String[] cells = lines.get(i);
            if (cells == null) {
                continue;
            }
            if (cells.length >= 2 && cells[0].equalsIgnoreCase("Таблица")) {
                break;
            }
            Map<String, String> byHeader = new HashMap<>();
            columns.forEach((header, column) -> {
                if (column < cells.length && !cells[column].isEmpty()) {
                    byHeader.put(header, cells[column]);
                }
            });
            if (!byHeader.isEmpty()) {
                rows.add(new Row(i + 1, byHeader));
            }
        }
        return new Table(name, "таблица", columns, rows);
    }

    private static String sheetNames(Workbook workbook) {
        List<String> names = new ArrayList<>();
        workbook.forEach(sheet -> names.add("«" + sheet.getSheetName() + "»"));
        return String.join(", ", names);
    }

    /** «лист "Основания", строка 7, столбец D: » — where a policy officer finds a cell. */
    static String where(String place, String sheet, int row, @Nullable String column) {
        return place + " \"" + sheet + "\", строка " + row + (column == null ? "" : ", столбец " + column) + ": ";
    }

    private String cell(Table table, Row row, String header) {
        Integer column = table.columns().get(header);
        return where(table.place(), table.sheet(), row.number(), column == null ? null : CellReference.convertNumToColString(column));
    }

    private void problem(Table table, Row row, String header, String message) {
        problems.add(new CompileProblem(file.path(), row.number(), null, cell(table, row, header) + message));
    }

    private EligibilityTerms sharedTerms(Table sheet, Set<String> shared) {
        Set<String> used = new LinkedHashSet<>();
        Map<String, String> clauses = new HashMap<>();
        Map<String, String> notes = new HashMap<>();
        for (Row row : sheet.rows()) {
            String fact = row.get("Признак");
            if (!shared.contains(fact)) {
                problem(sheet, row, "Признак", "общего признака «" + fact + "» нет в common/" + SHARED_FACTS + " (есть: "
                        + shared.stream().map(f -> "«" + f + "»").collect(Collectors.joining(", ")) + ")");
                continue;
            }
            if (!used.add(fact)) {
                problem(sheet, row, "Признак", "признак «" + fact + "» уже назван выше");
            }
            String clause = clause(sheet, row);
            if (clause != null) {
                clauses.put(fact, clause);
            }
            if (!row.get("Уточнение к пояснению").isEmpty()) {
                notes.put(fact, row.get("Уточнение к пояснению"));
            }
        }
        return new EligibilityTerms(used, clauses, notes);
    }

    private @Nullable String clause(Table sheet, Row row) {
        String clause = row.get("Пункт");
        if (clause.isEmpty()) {
            problem(sheet, row, "Пункт", "не указан пункт Положения (например, «" + jurisdiction + ":3.2»)");
            return null;
        }
        if (!clause.startsWith(jurisdiction + ":")) {
            problem(sheet, row, "Пункт", "пункт «" + clause + "» должен начинаться с кода территории: «" + jurisdiction + ":…»");
            return null;
        }
        return clause;
    }

    private Map<String, List<Row>> entryFacts(Table sheet) {
        Map<String, List<Row>> facts = new LinkedHashMap<>();
        for (Row row : sheet.rows()) {
            if (row.get("Признак").isEmpty()) {
                problem(sheet, row, "Признак", "не указано название признака");
                continue;
            }
            facts.computeIfAbsent(row.get("Признак"), k -> new ArrayList<>()).add(row);
        }
        return facts;
    }

    private void criteria(Table sheet, Set<String> known, List<Criterion> criteria, List<AllOf> combinations) {
        Set<String> titles = new LinkedHashSet<>();
        for (Row row : sheet.rows()) {
            CriterionKind kind = switch (row.get("Вид").toLowerCase(Locale.ROOT)) {
                case "требование" -> CriterionKind.REQUIREMENT;
                case "основание" -> CriterionKind.GROUND;
                default -> null;
            };
            if (kind == null) {
                problem(sheet, row, "Вид", "вид «" + row.get("Вид") + "» не распознан: пишите «требование» или «основание»");
            }
            String clause = clause(sheet, row);
            String title = row.get("Название");
            if (title.isEmpty()) {
                problem(sheet, row, "Название", "не указано название требования или основания");
            } else if (!titles.add(title)) {
                problem(sheet, row, "Название", "название «" + title + "» уже есть в строке выше — названия не повторяются");
            }
            List<String> parts = Arrays.stream(row.get("Признаки").split("\\s\\+\\s")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            if (parts.isEmpty()) {
                problem(sheet, row, "Признаки", "не указан признак, которым требование или основание выполняется");
            }
            for (String part : parts) {
                if (!known.contains(part)) {
                    problem(sheet, row, "Признаки", "признак «" + part + "» не определён: его нет ни в «" + ENTRIES_SHEET
                            + "», ни в «" + SHARED_SHEET + "» (несколько признаков разделяются « + »)");
                }
            }
            String fact = parts.size() == 1 ? parts.get(0) : row.get("Название совокупности");
            if (parts.size() > 1 && fact.isEmpty()) {
                problem(sheet, row, "Название совокупности", "признаков несколько — назовите их совокупность (например, «условия пути 1»)");
            }
            if (kind != null && clause != null && !title.isEmpty() && !parts.isEmpty()) {
                if (parts.size() > 1) {
                    combinations.add(new AllOf(fact, parts, title, clause));
                }
                criteria.add(new Criterion(kind, clause, title, fact));
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Rules generated from the entry facts
    // ---------------------------------------------------------------------------------------------------------------

    private static void header(StringBuilder drl) {
        drl.append("// Правила, полученные из таблицы территории по общему шаблону. Не редактируйте: меняйте таблицу.\n")
                .append("package eligibility;\n\n")
                .append("import java.util.List;\n")
                .append("import ru.edu.decisions.model.*;\n")
                .append("import ru.edu.decisions.rules.dsl.*;\n")
                .append("import static ru.edu.decisions.rules.dsl.RuleFunctions.*;\n")
                .append("import static ru.edu.decisions.rules.dsl.Texts.*;\n\n");
    }

    private void generate(Table sheet, String fact, List<Row> rows, String template, StringBuilder drl, Map<Integer, CellAt> cellOfLine) {
        Row first = rows.get(0);
        int before = problems.size();
        Entries entries = null;
        for (Entries candidate : Entries.values()) {
            if (candidate.word.equalsIgnoreCase(first.get("Сведения"))) {
                entries = candidate;
            }
        }
        if (entries == null) {
            problem(sheet, first, "Сведения", "сведения «" + first.get("Сведения") + "» не распознаны: пишите "
                    + Arrays.stream(Entries.values()).map(e -> "«" + e.word + "»").collect(Collectors.joining(", ")));
            return;
        }
        for (Row row : rows.subList(1, rows.size())) {
            for (String header : List.of("Пункт", "Сведения", "Пояснение «да»", "Пояснение «неизвестно»", "Пояснение «нет»")) {
                if (!row.get(header).isEmpty() && !row.get(header).equals(first.get(header))) {
                    problem(sheet, row, header, "у признака «" + fact + "» несколько строк (это «или»); «" + header
                            + "» пишется в первой из них (строка " + first.number() + ")");
                }
            }
        }
        String clause = clause(sheet, first);
        // Each row: field -> allowed constants (an absent field is not constrained).
        List<Map<String, List<String>>> alternatives = new ArrayList<>();
        Set<String> constrained = new LinkedHashSet<>();
        for (Row row : rows) {
            Map<String, List<String>> alternative = new LinkedHashMap<>();
            for (String field : FIELDS) {
                String text = row.get(FIELD_HEADERS.get(field));
                if (text.isEmpty()) {
                    continue;
                }
                Class<? extends Enum<?>> type = entries.field(field);
                if (type == null) {
                    problem(sheet, row, FIELD_HEADERS.get(field), "у записей «" + entries.word + "» нет сведений «"
                            + FIELD_HEADERS.get(field) + "» — оставьте ячейку пустой");
                    continue;
                }
                List<String> constants = new ArrayList<>();
                for (String word : text.split(",")) {
                    String constant = constant(type, word.strip());
                    if (constant == null) {
                        problem(sheet, row, FIELD_HEADERS.get(field), "значение «" + word.strip() + "» не распознано; возможные: "
                                + labels(type));
                    } else {
                        constants.add(type.getSimpleName() + "." + constant);
                    }
                }
                alternative.put(field, constants);
                constrained.add(field);
            }
            if (alternative.isEmpty() && problems.size() == before) {
                problem(sheet, row, "Вид", "строка признака ничего не требует от записи — заполните вид, роль, результат или уровень");
            }
            alternatives.add(alternative);
        }
        Boolean kindless = switch (first.get("Запись без вида может подойти").toLowerCase(Locale.ROOT)) {
            case "", "нет" -> false;
            case "да" -> true;
            default -> null;
        };
        if (kindless == null) {
            problem(sheet, first, "Запись без вида может подойти", "пишите «да» или «нет» (пусто — «нет»)");
        }
        String related = related(sheet, first, entries);
        if (problems.size() > before || clause == null) {
            return;
        }
        Map<String, String> values = new HashMap<>();
        values.put("fact", literal(fact));
        values.put("clause", literal(clause));
        values.put("type", entries.type);
        values.put("list", entries.list);
        values.put("path", entries.path);
        values.put("match", alternatives.stream().map(a -> group(a, false)).collect(Collectors.joining(" || ")));
        String open = alternatives.stream().map(a -> group(a, true)).collect(Collectors.joining(" || "));
        values.put("open", Boolean.TRUE.equals(kindless) ? "kind == null || " + open : open);
        values.put("fields", FIELDS.stream().filter(constrained::contains).map(f -> "\"" + f + "\"").collect(Collectors.joining(", ")));
        values.put("yes", literal(prefix(first.get("Пояснение «да»"))));
        values.put("unknown", literal(prefix(first.get("Пояснение «неизвестно»"))));
        values.put("no", literal(first.get("Пояснение «нет»")));
        values.put("related", related);
        values.put("given", related.isEmpty() ? "" : " + given( $related )");
        Map<String, String> columnOf = Map.ofEntries(Map.entry("fact", "Признак"), Map.entry("clause", "Пункт"),
                Map.entry("type", "Сведения"), Map.entry("list", "Сведения"), Map.entry("path", "Сведения"), Map.entry("match", "Вид"),
                Map.entry("open", "Вид"), Map.entry("fields", "Вид"), Map.entry("yes", "Пояснение «да»"),
                Map.entry("unknown", "Пояснение «неизвестно»"), Map.entry("no", "Пояснение «нет»"),
                Map.entry("related", "«Нет» называет записи видов"), Map.entry("given", "«Нет» называет записи видов"));
        int line = (int) drl.chars().filter(c -> c == '\n').count() + 1;
        for (String templateLine : template.split("\n", -1)) {
            if (templateLine.startsWith("//")) {
                continue;
            }
            Matcher matcher = PLACEHOLDER.matcher(templateLine);
            StringBuilder out = new StringBuilder();
            String column = null;
            while (matcher.find()) {
                String value = values.get(matcher.group(1));
                if (value == null) {
                    throw new IllegalStateException("В шаблоне неизвестная подстановка @{" + matcher.group(1) + "}");
                }
                // The cell a line comes from: its last substituted cell of content (the fact's name and the list of
                // related entries only when nothing else is on the line).
                boolean naming = matcher.group(1).equals("fact") || matcher.group(1).equals("given");
                if (column == null || !naming) {
                    column = columnOf.get(matcher.group(1));
                }
                matcher.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            matcher.appendTail(out);
            cellOfLine.put(line, new CellAt(first.number(), column == null ? cell(sheet, first, "Признак") : cell(sheet, first, column)));
            drl.append(out).append('\n');
            line++;
        }
    }

    /** The pattern that collects the entries a «no» quotes: none, all of the list, or those of the named kinds. */
    private String related(Table sheet, Row row, Entries entries) {
        String text = row.get("«Нет» называет записи видов");
        if (text.isEmpty() || text.equalsIgnoreCase("никакие")) {
            return "";
        }
        if (text.equalsIgnoreCase("все")) {
            return "TeacherProfile( $related : " + entries.list + " )";
        }
        Class<? extends Enum<?>> kinds = entries.field("kind");
        if (kinds == null) {
            problem(sheet, row, "«Нет» называет записи видов", "у записей «" + entries.word + "» нет вида: пишите «все» или «никакие»");
            return "";
        }
        List<String> constants = new ArrayList<>();
        for (String word : text.split(",")) {
            String constant = constant(kinds, word.strip());
            if (constant == null) {
                problem(sheet, row, "«Нет» называет записи видов", "вид «" + word.strip() + "» не распознан; возможные: " + labels(kinds)
                        + ", а также «все» или «никакие»");
            } else {
                constants.add(kinds.getSimpleName() + "." + constant);
            }
        }
        return "$related : List() from accumulate( $e : " + entries.type + "( kind in ( " + String.join(", ", constants)
                + " ) ), collectList( $e ) )";
    }

    /** One alternative as a constraint: every named field in its set — or, for «may match», absent or in its set. */
    private static String group(Map<String, List<String>> alternative, boolean orAbsent) {
        return "( " + alternative.entrySet().stream().map(e -> {
            String in = e.getValue().size() == 1 ? e.getKey() + " == " + e.getValue().get(0)
                    : e.getKey() + " in ( " + String.join(", ", e.getValue()) + " )";
            return orAbsent ? "( " + e.getKey() + " == null || " + in + " )" : in;
        }).collect(Collectors.joining(" && ")) + " )";
    }

    /** The enum constant whose Russian label (or constant name) is {@code word}. */
    private static @Nullable String constant(Class<? extends Enum<?>> type, String word) {
        for (Enum<?> value : type.getEnumConstants()) {
            String label = value instanceof Labelled labelled ? labelled.label() : value.name();
            if (label.equalsIgnoreCase(word) || value.name().equalsIgnoreCase(word)) {
                return value.name();
            }
        }
        return null;
    }

    private static String labels(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(v -> "«" + (v instanceof Labelled labelled ? labelled.label() : v.name()) + "»")
                .collect(Collectors.joining(", "));
    }

    /** The words before the quoted entries, separated from them by a space. */
    private static String prefix(String words) {
        return words.isEmpty() ? "" : words + " ";
    }

    /** Text of a cell inside a DRL string literal. */
    private static String literal(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ").replace("\r", " ");
    }
}
