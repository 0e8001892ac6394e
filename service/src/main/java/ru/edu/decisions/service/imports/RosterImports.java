package ru.edu.decisions.service.imports;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.edu.decisions.model.Employment;
import ru.edu.decisions.model.Position;
import ru.edu.decisions.model.TeacherProfile;
import ru.edu.decisions.model.routes.School;
import ru.edu.decisions.rules.forms.Cell;
import ru.edu.decisions.service.common.ApiException;
import ru.edu.decisions.service.common.JsonCodec;
import ru.edu.decisions.service.rulesets.RuleSets;
import ru.edu.decisions.service.teachers.Teacher;
import ru.edu.decisions.service.teachers.TeacherService;

/**
 * The staff roster of a jurisdiction's schools (XLSX: школа, ФИО, должность, дата рождения, педагогический стаж) read
 * into teacher records: the whole population the indicators' shares are taken of. A row is checked field by field (the
 * errors name the row, the column and what is wrong, in Russian); a person already stored — the same ФИО and birth
 * date in the jurisdiction — is updated (school, position, experience), anyone else is created; a row repeating an
 * earlier row of the file is reported, not imported. A dry run checks and tells what would happen, storing nothing.
 * The file is opened by {@link FormFiles} (size, format, password and zip-bomb limits of the candidate import).
 */
@Service
public class RosterImports {

    /** The columns, by the words their header starts with (lower case, ё as е). */
    enum Column {
        SCHOOL("Школа", List.of("школа", "образовательная организация", "оо", "организация", "место работы")),
        NAME("ФИО", List.of("фио", "ф.и.о", "ф. и. о", "фамилия")),
        POSITION("Должность", List.of("должность")),
        BIRTH_DATE("Дата рождения", List.of("дата рождения")),
        EXPERIENCE("Педагогический стаж", List.of("педагогический стаж", "стаж"));

        final String title;
        final List<String> starts;

        Column(String title, List<String> starts) {
            this.title = title;
            this.starts = starts;
        }
    }

    /** What happens to a row: a new teacher, an update of a stored one, or nothing (an error). */
    public enum Action { CREATE, UPDATE, ERROR }

    public record RowError(int row, @Nullable String column, String message) {
    }

    public record RosterRow(int row, String school, String fullName, @Nullable String position, @Nullable LocalDate birthDate,
                            @Nullable Integer experienceYears, Action action, @Nullable UUID teacherId) {
    }

    /** What a roster file gives: every row with its action, the errors, and — unless a dry run — what was stored. */
    public record RosterResult(String jurisdiction, boolean dryRun, int rows, int created, int updated, int rejected,
                               List<RosterRow> preview, List<RowError> errors) {
    }

    private static final DateTimeFormatter RUSSIAN_DATE = DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(java.time.format.ResolverStyle.STRICT);
    private static final Pattern YEARS = Pattern.compile("^(\\d{1,2})(?:[.,]\\d+)?\\s*(?:г|год|года|лет)?\\.?$");

    private final FormFiles files;
    private final ImportProperties limits;
    private final TeacherService teachers;
    private final RuleSets ruleSets;
    private final JdbcClient sql;
    private final JsonCodec json;

    RosterImports(FormFiles files, ImportProperties limits, TeacherService teachers, RuleSets ruleSets, JdbcClient sql,
                  JsonCodec json) {
        this.files = files;
        this.limits = limits;
        this.teachers = teachers;
        this.ruleSets = ruleSets;
        this.sql = sql;
        this.json = json;
    }

    @Transactional
    public RosterResult importRoster(String jurisdiction, byte[] bytes, boolean dryRun) {
        ruleSets.jurisdiction(ruleSets.current(), jurisdiction);
        List<FormTable> tables = files.read(bytes);
        FormTable table = tables.isEmpty() ? null : tables.get(0);
        Map<Column, Integer> columns = null;
        int headerRow = -1;
        if (table != null) {
            for (int i = 0; i < Math.min(table.rows().size(), limits.headerSearchRows()) && columns == null; i++) {
                columns = header(table.rows().get(i));
                headerRow = i;
            }
        }
        if (columns == null) {
            throw FormFiles.refused("В первых " + limits.headerSearchRows() + " строках первого листа нет заголовка штатного "
                    + "списка: нужны столбцы «Школа», «ФИО», «Должность», «Дата рождения», «Педагогический стаж»");
        }
        List<FormTable.Row> data = table.rows().subList(headerRow + 1, table.rows().size()).stream()
                .filter(r -> !r.hidden() && !r.cells().stream().allMatch(Cell::blank)).toList();
        if (data.size() > limits.maxRows()) {
            throw FormFiles.refused("В файле " + data.size() + " строк, а за один раз принимается не больше " + limits.maxRows()
                    + ": разделите список на несколько файлов");
        }
        Map<String, List<UUID>> stored = stored(jurisdiction);
        Map<String, Integer> seen = new HashMap<>();
        List<RosterRow> rows = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        int created = 0;
        int updated = 0;
        for (FormTable.Row row : data) {
            List<RowError> own = new ArrayList<>();
            String school = text(row, columns.get(Column.SCHOOL));
            String name = text(row, columns.get(Column.NAME)).replaceAll("\\s+", " ");
            String positionText = text(row, columns.get(Column.POSITION));
            if (school.isEmpty()) {
                own.add(new RowError(row.number(), Column.SCHOOL.title, "Не указана школа"));
            } else if (school.length() > 500) {
                own.add(new RowError(row.number(), Column.SCHOOL.title, "Название школы длиннее 500 символов"));
            }
            if (name.isEmpty()) {
                own.add(new RowError(row.number(), Column.NAME.title, "Не указаны ФИО"));
            } else if (name.length() > 300) {
                own.add(new RowError(row.number(), Column.NAME.title, "ФИО длиннее 300 символов"));
            }
            Position position = null;
            if (positionText.isEmpty()) {
                own.add(new RowError(row.number(), Column.POSITION.title, "Не указана должность"));
            } else if (positionText.length() > 300) {
                own.add(new RowError(row.number(), Column.POSITION.title, "Должность длиннее 300 символов"));
            } else {
                position = position(positionText);
            }
            LocalDate birth = birthDate(row.cell(columns.get(Column.BIRTH_DATE)), row.number(), own);
            Integer years = experience(row.cell(columns.get(Column.EXPERIENCE)), row.number(), own);
            Action action = Action.ERROR;
            UUID teacherId = null;
            if (own.isEmpty()) {
                String key = TeacherService.searchKey(name) + "|" + birth;
                Integer earlier = seen.putIfAbsent(key, row.number());
                List<UUID> matches = stored.getOrDefault(key, List.of());
                if (earlier != null) {
                    own.add(new RowError(row.number(), Column.NAME.title, "Повторяет строку " + earlier
                            + " (те же ФИО и дата рождения) — строка не загружена"));
                } else if (matches.size() > 1) {
                    own.add(new RowError(row.number(), Column.NAME.title, "В сервисе уже несколько педагогов с этими ФИО и датой "
                            + "рождения — обновите нужного вручную"));
                } else {
                    action = matches.isEmpty() ? Action.CREATE : Action.UPDATE;
                    teacherId = matches.isEmpty() ? null : matches.get(0);
                    if (!dryRun) {
                        teacherId = store(jurisdiction, teacherId, name, birth, school, position, positionText, years);
                    }
                    if (action == Action.CREATE) {
                        created++;
                    } else {
                        updated++;
                    }
                }
            }
            errors.addAll(own);
            rows.add(new RosterRow(row.number(), school, name, positionText.isEmpty() ? null : positionText, birth, years, action,
                    teacherId));
        }
        int rejected = (int) rows.stream().filter(r -> r.action() == Action.ERROR).count();
        return new RosterResult(jurisdiction, dryRun, rows.size(), created, updated, rejected, rows, errors);
    }

    private UUID store(String jurisdiction, @Nullable UUID existing, String name, LocalDate birth, String school,
                       Position position, String positionTitle, Integer years) {
        School place = new School(school, null);
        if (existing == null) {
            Employment employment = new Employment(school, null, position, positionTitle, null, null, years, null, null);
            TeacherProfile profile = new TeacherProfile(null, name, birth, null, null, employment, null, null, null, null, null,
                    null, null);
            return teachers.create(jurisdiction, profile, place).id();
        }
        Teacher teacher = teachers.find(existing);
        TeacherProfile p = teachers.profile(teacher);
        Employment e = p.employment();
        Employment employment = e == null ? new Employment(school, null, position, positionTitle, null, null, years, null, null)
                : new Employment(school, e.organizationKind(), position, positionTitle, e.mainPlaceOfWork(),
                        e.qualificationCategory(), years, e.specialtyExperienceYears(), e.subjects());
        TeacherProfile profile = new TeacherProfile(p.id(), p.fullName(), p.birthDate(), p.education(), p.trainings(), employment,
                p.memberships(), p.achievements(), p.assessments(), p.stableHighStudentResults(), p.methodicalExperience(),
                p.contacts(), p.nomination());
        return teachers.update(existing, profile, place).id();
    }

    /** The stored teachers of the jurisdiction by «name key|birth date». */
    private Map<String, List<UUID>> stored(String jurisdiction) {
        Map<String, List<UUID>> byKey = new HashMap<>();
        sql.sql("SELECT id, search_name, profile FROM teacher WHERE jurisdiction = :j").param("j", jurisdiction)
                .query((rs, n) -> {
                    var birth = json.mapper().readTree(rs.getString(3)).path("birthDate");
                    String key = rs.getString(2) + "|" + (birth.isMissingNode() || birth.isNull() ? "null" : birth.asString());
                    byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(rs.getObject(1, UUID.class));
                    return key;
                }).list();
        return byKey;
    }

    private static @Nullable Map<Column, Integer> header(FormTable.Row row) {
        Map<Column, Integer> found = new java.util.EnumMap<>(Column.class);
        for (int c = 0; c < row.cells().size(); c++) {
            String text = row.cell(c).text().strip().toLowerCase(Locale.ROOT).replace('ё', 'е');
            for (Column column : Column.values()) {
                if (!found.containsKey(column) && column.starts.stream().anyMatch(text::startsWith)
                        && !(column == Column.SCHOOL && found.containsValue(c))) {
                    found.put(column, c);
                    break;
                }
            }
        }
        return found.size() == Column.values().length ? found : null;
    }

    private static String text(FormTable.Row row, int column) {
        return row.cell(column).text().strip();
    }

    /** The position from its wording: руководитель, заместитель, методист, педагог — or «иная». */
    static Position position(String text) {
        String t = text.toLowerCase(Locale.ROOT).replace('ё', 'е');
        for (Position p : Position.values()) {
            if (t.equals(p.name().toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        if (t.contains("заместитель") || t.startsWith("зам.") || t.startsWith("зам ")) {
            return Position.DEPUTY_HEAD;
        }
        if (t.contains("директор") || t.contains("руководитель") || t.contains("заведующ")) {
            return Position.HEAD;
        }
        if (t.contains("методист")) {
            return Position.METHODIST;
        }
        if (t.contains("учитель") || t.contains("педагог") || t.contains("преподаватель") || t.contains("воспитатель")
                || t.contains("логопед") || t.contains("дефектолог") || t.contains("тьютор") || t.contains("советник")
                || t.contains("концертмейстер") || t.contains("инструктор") || t.contains("вожат")) {
            return Position.TEACHER;
        }
        return Position.OTHER;
    }

    private static @Nullable LocalDate birthDate(Cell cell, int row, List<RowError> errors) {
        String column = Column.BIRTH_DATE.title;
        LocalDate date = cell.date();
        if (date == null && !cell.text().isBlank()) {
            try {
                date = LocalDate.parse(cell.text().strip(), RUSSIAN_DATE);
            } catch (DateTimeParseException e) {
                try {
                    date = LocalDate.parse(cell.text().strip());
                } catch (DateTimeParseException again) {
                    errors.add(new RowError(row, column, "Дата рождения «" + cell.text().strip()
                            + "» не распознана: нужна дата вида 01.09.1985"));
                    return null;
                }
            }
        }
        if (date == null) {
            errors.add(new RowError(row, column, "Не указана дата рождения"));
            return null;
        }
        if (date.getYear() < 1900 || !date.isBefore(LocalDate.now().minusYears(14))) {
            errors.add(new RowError(row, column, "Дата рождения " + date.format(DateTimeFormatter.ofPattern("dd.MM.yyyy"))
                    + " невозможна для работника школы"));
            return null;
        }
        return date;
    }

    private static @Nullable Integer experience(Cell cell, int row, List<RowError> errors) {
        String column = Column.EXPERIENCE.title;
        Integer years = null;
        if (cell.number() != null) {
            years = (int) Math.floor(cell.number());
        } else if (!cell.text().isBlank()) {
            Matcher m = YEARS.matcher(cell.text().strip().toLowerCase(Locale.ROOT));
            if (m.matches()) {
                years = Integer.valueOf(m.group(1));
            } else {
                errors.add(new RowError(row, column, "Стаж «" + cell.text().strip() + "» не распознан: нужно число полных лет"));
                return null;
            }
        }
        if (years == null) {
            errors.add(new RowError(row, column, "Не указан педагогический стаж"));
            return null;
        }
        if (years < 0 || years > 80) {
            errors.add(new RowError(row, column, "Стаж " + years + " лет невозможен (от 0 до 80)"));
            return null;
        }
        return years;
    }

    /** 400 when no file was sent. */
    static ApiException noFile() {
        return FormFiles.refused("Выберите файл штатного списка (.xlsx)");
    }
}
