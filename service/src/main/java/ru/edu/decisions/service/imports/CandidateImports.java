package ru.edu.decisions.service.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.edu.decisions.service.common.DecisionThreads;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import ru.edu.decisions.model.TeacherProfile;
import ru.edu.decisions.model.eligibility.EligibilityDecision;
import ru.edu.decisions.rules.engine.JurisdictionRules;
import ru.edu.decisions.rules.forms.Cell;
import ru.edu.decisions.rules.forms.FormColumn;
import ru.edu.decisions.rules.forms.FormReader;
import ru.edu.decisions.rules.forms.FormText;
import ru.edu.decisions.service.candidates.CandidateService;
import ru.edu.decisions.service.common.ApiException;
import ru.edu.decisions.service.common.Ids;
import ru.edu.decisions.service.decisionlog.DecisionRecord;
import ru.edu.decisions.service.eligibility.EligibilityService;
import ru.edu.decisions.service.imports.ImportViews.CellProblem;
import ru.edu.decisions.service.imports.ImportViews.ImportResult;
import ru.edu.decisions.service.imports.ImportViews.RowResult;
import ru.edu.decisions.service.imports.ImportViews.RowStatus;
import ru.edu.decisions.service.rulesets.RuleSets;

/**
 * The import of a filled official candidate form (contract: «Candidate form import»). The file is opened
 * ({@link FormFiles}), the header row found by its titles, every candidate row read ({@link FormReader} for the
 * official free-text columns, {@link TemplateColumns} for the IMC's structured template) and decided; unless it is a
 * dry run, the rows are stored through {@link CandidateService}.
 *
 * <p>Transactions: one per import. Either every row marked {@code IMPORTED} is stored with its decision, or — on any
 * failure while storing — none is (the whole import is rolled back and answered as an error). Rows answered
 * {@code REJECTED} or {@code DUPLICATE} store nothing.
 *
 * <p>Duplicates: a person is recognised by a key of their normalised ФИО and birth date; a nomination by a
 * fingerprint of the person and the row's cells (spaces and case ignored). The same fingerprint already stored in the
 * jurisdiction (or earlier in the same file) is {@code DUPLICATE}; a known person with another fingerprint is a new
 * nomination of the same teacher.
 */
@Service
public class CandidateImports {

    private static final Logger logger = LoggerFactory.getLogger(CandidateImports.class);
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    private final FormFiles files;
    private final FormReaders readers;
    private final ImportProperties limits;
    private final CandidateService candidates;
    private final EligibilityService eligibility;
    private final RuleSets ruleSets;
    private final JdbcClient sql;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;
    private final DecisionThreads threads;

    CandidateImports(FormFiles files, FormReaders readers, ImportProperties limits, CandidateService candidates,
                     EligibilityService eligibility, RuleSets ruleSets, JdbcClient sql, TransactionTemplate transaction,
                     JdbcTemplate jdbc, DecisionThreads threads) {
        this.jdbc = jdbc;
        this.threads = threads;
        this.files = files;
        this.readers = readers;
        this.limits = limits;
        this.candidates = candidates;
        this.eligibility = eligibility;
        this.ruleSets = ruleSets;
        this.sql = sql;
        this.transaction = transaction;
    }

    /** One candidate row as read: where it stands, its cells' texts by address, the profile and the problems. */
    public record ReadRow(int row, boolean hidden, Map<String, String> cellTexts, TeacherProfile profile,
                          List<CellProblem> problems, @Nullable String personKey, String fingerprint, List<Cell> cells) {
    }

    /** The candidate rows of a file, read but not decided: what the preview shows. */
    public record ReadForm(String source, boolean template, List<String> columnTitles, List<ReadRow> rows, Header header) {

        /** The form with one row replaced. */
        public ReadForm with(ReadRow changed) {
            return new ReadForm(source, template, columnTitles,
                    rows.stream().map(r -> r.row() == changed.row() ? changed : r).toList(), header);
        }
    }

    /**
     * Reads one row again with some cells' texts corrected by the methodist (by column index): what the preview does
     * when she corrects a value. The row's fingerprint stays that of the file's cells, so the corrected row is still
     * recognised when the same file comes again.
     */
    public ReadForm reread(String jurisdiction, ReadForm form, int rowNumber, Map<Integer, String> corrected) {
        ReadRow old = form.rows().stream().filter(r -> r.row() == rowNumber).findFirst()
                .orElseThrow(() -> ApiException.notFound("Строки " + rowNumber + " в файле нет"));
        List<Cell> cells = new ArrayList<>(old.cells());
        corrected.forEach((column, text) -> {
            while (cells.size() <= column) {
                cells.add(Cell.of(""));
            }
            if (!text.equals(cells.get(column).text())) {
                cells.set(column, Cell.of(text));
            }
        });
        FormTable.Row row = new FormTable.Row(rowNumber, false, cells);
        FormReader reader = readers.reader(jurisdiction);
        ReadRow read = form.header().template() == null ? readFree(row, form.header(), reader)
                : readTemplate(row, form.header(), reader);
        return form.with(new ReadRow(read.row(), read.hidden(), read.cellTexts(), read.profile(), read.problems(),
                read.personKey(), old.fingerprint(), read.cells()));
    }

    /** The columns of the form by index: their titles, for the preview. */
    public static Map<Integer, String> columns(ReadForm form) {
        Map<Integer, String> titles = new LinkedHashMap<>();
        if (form.header().template() == null) {
            form.header().columns().forEach((c, column) -> titles.put(c, column.title()));
        } else {
            form.header().template().forEach((c, column) -> titles.put(c, column.title()));
        }
        return titles;
    }

    /** The official column a column index belongs to. */
    public static @Nullable FormColumn group(ReadForm form, int column) {
        if (form.header().template() == null) {
            return form.header().columns().get(column);
        }
        TemplateColumns.Column sub = form.header().template().get(column);
        return sub == null ? null : sub.group();
    }

    /** Imports (or, in a dry run, only reads and decides) a filled form. */
    public ImportResult importForm(String jurisdiction, byte[] bytes, boolean dryRun, @Nullable String user) {
        return decideAndStore(jurisdiction, read(jurisdiction, bytes), dryRun, user, Set.of());
    }

    /** Reads the candidate rows of a file; 400 when it is not such a form. */
    public ReadForm read(String jurisdiction, byte[] bytes) {
        eligibility.rules(ruleSets.current(), jurisdiction);
        List<FormTable> tables = files.read(bytes);
        FormReader reader = readers.reader(jurisdiction);
        for (FormTable table : tables) {
            Header header = header(table);
            if (header != null) {
                return readRows(table, header, reader);
            }
        }
        throw FormFiles.refused("В файле не найдена строка заголовка формы (столбцы «Ф.И.О.», «Дата рождения», "
                + "«Образование», … — в первых " + limits.headerSearchRows() + " строках): это не форма "
                + "предоставления информации о кандидатах");
    }

    /** Decides about the rows read (skipping {@code dropped} rows) and, unless a dry run, stores them in one transaction. */
    public ImportResult decideAndStore(String jurisdiction, ReadForm form, boolean dryRun, @Nullable String user,
                                       Set<Integer> dropped) {
        JurisdictionRules rules = eligibility.rules(ruleSets.current(), jurisdiction);
        LocalDate asOf = eligibility.asOfOrToday(null);
        long started = System.nanoTime();
        List<RowResult> results;
        try {
            results = dryRun ? decideRows(jurisdiction, form, rules, asOf, true, user, dropped)
                    : transaction.execute(status -> decideRows(jurisdiction, form, rules, asOf, false, user, dropped));
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("Этот файл уже загружается в другом окне или другим сотрудником: повторите "
                    + "загрузку позже — повторно уже сохранённые кандидаты не сохранятся");
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        logger.info("Candidate form {} in {} by {}: {} rows in {} ms", dryRun ? "checked" : "imported", jurisdiction, user,
                results.size(), millis);
        return new ImportResult(Ids.newId(), jurisdiction, dryRun, results);
    }

    private List<RowResult> decideRows(String jurisdiction, ReadForm form, JurisdictionRules rules, LocalDate asOf,
                                       boolean dryRun, @Nullable String user, Set<Integer> dropped) {
        List<ReadRow> rows = form.rows().stream().filter(r -> !dropped.contains(r.row())).toList();
        Map<String, UUID> stored = existing("SELECT form_fingerprint, id FROM candidate WHERE jurisdiction = ? AND form_fingerprint IN ",
                jurisdiction, rows.stream().map(ReadRow::fingerprint).toList());
        Map<String, UUID> known = existing("SELECT person_key, id FROM teacher WHERE jurisdiction = ? AND person_key IN ",
                jurisdiction, rows.stream().map(ReadRow::personKey).filter(java.util.Objects::nonNull).toList());
        // what each row becomes: rejected, a duplicate (stored or earlier in the file), or a new candidate
        Map<Integer, RowResult> answered = new HashMap<>();
        Map<String, ReadRow> firstInFile = new HashMap<>();
        List<ReadRow> toDecide = new ArrayList<>();
        for (ReadRow row : rows) {
            if (row.hidden() || row.profile().fullName() == null) {
                answered.put(row.row(), new RowResult(row.row(), RowStatus.REJECTED, null, null, List.of(), row.problems()));
            } else if (stored.containsKey(row.fingerprint())) {
                answered.put(row.row(), new RowResult(row.row(), RowStatus.DUPLICATE, stored.get(row.fingerprint()), null,
                        List.of(), row.problems()));
            } else if (firstInFile.containsKey(row.fingerprint())) {
                answered.put(row.row(), null); // filled in below with the first row's candidate
            } else {
                firstInFile.put(row.fingerprint(), row);
                toDecide.add(row);
            }
        }
        Map<Integer, UUID> ids = new HashMap<>();
        toDecide.forEach(row -> ids.put(row.row(), dryRun ? null : Ids.newId()));
        List<EligibilityService.Logged> decided = threads.run(() -> toDecide.parallelStream()
                .map(row -> eligibility.decide(rules, asOf, row.profile(), DecisionRecord.Source.WORKFLOW,
                        ids.get(row.row()), !dryRun))
                .toList());
        Map<Integer, EligibilityService.Logged> byRow = new HashMap<>();
        for (int i = 0; i < toDecide.size(); i++) {
            byRow.put(toDecide.get(i).row(), decided.get(i));
        }
        if (!dryRun) {
            List<Object[]> personKeys = new ArrayList<>();
            List<Object[]> fingerprints = new ArrayList<>();
            for (ReadRow row : toDecide) {
                UUID candidateId = ids.get(row.row());
                UUID teacherId = row.personKey() == null ? null : known.get(row.personKey());
                UUID storedTeacher = candidates.storeDecided(jurisdiction, candidateId, row.profile(), teacherId,
                        byRow.get(row.row()), user);
                if (row.personKey() != null && teacherId == null) {
                    known.put(row.personKey(), storedTeacher);
                    personKeys.add(new Object[] {row.personKey(), storedTeacher});
                }
                fingerprints.add(new Object[] {row.fingerprint(), candidateId});
            }
            eligibility.logAll(decided.stream().map(EligibilityService.Logged::record).toList());
            jdbc.batchUpdate("UPDATE teacher SET person_key = ? WHERE id = ?", personKeys);
            jdbc.batchUpdate("UPDATE candidate SET form_fingerprint = ? WHERE id = ?", fingerprints);
        }
        List<RowResult> results = new ArrayList<>();
        for (ReadRow row : rows) {
            RowResult result = answered.get(row.row());
            if (result == null && answered.containsKey(row.row())) {
                ReadRow first = firstInFile.get(row.fingerprint());
                result = new RowResult(row.row(), RowStatus.DUPLICATE, ids.get(first.row()), null, List.of(), row.problems());
            } else if (result == null) {
                EligibilityDecision decision = byRow.get(row.row()).decision();
                result = new RowResult(row.row(), RowStatus.IMPORTED, ids.get(row.row()), decision.verdict(),
                        decision.missing(), row.problems());
            }
            results.add(result);
        }
        return results;
    }

    /** Key → id of the stored records whose key column is one of {@code keys}, queried in chunks. */
    private Map<String, UUID> existing(String query, String jurisdiction, List<String> keys) {
        Map<String, UUID> found = new HashMap<>();
        List<String> distinct = keys.stream().distinct().toList();
        for (int from = 0; from < distinct.size(); from += 500) {
            List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + 500));
            List<Object> params = new ArrayList<>();
            params.add(jurisdiction);
            params.addAll(chunk);
            sql.sql(query + "(" + String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ")")
                    .params(params)
                    .query((rs, n) -> Map.entry(rs.getString(1), rs.getObject(2, UUID.class)))
                    .list()
                    .forEach(e -> found.putIfAbsent(e.getKey(), e.getValue()));
        }
        return found;
    }

    // ---------------------------------------------------------------- header and rows

    /** Where the header row stands and which column is which (the template's sub-columns when it is the template). */
    public record Header(int index, Map<Integer, FormColumn> columns, @Nullable Map<Integer, TemplateColumns.Column> template) {
    }

    private @Nullable Header header(FormTable table) {
        List<FormTable.Row> rows = table.rows();
        for (int i = 0; i < rows.size() && rows.get(i).number() <= limits.headerSearchRows(); i++) {
            Map<Integer, FormColumn> columns = new LinkedHashMap<>();
            List<Cell> cells = rows.get(i).cells();
            for (int c = 0; c < cells.size(); c++) {
                FormColumn column = FormColumn.byTitle(cells.get(c).text());
                if (column != null && !columns.containsValue(column)) {
                    columns.put(c, column);
                }
            }
            if (columns.size() >= 5 && columns.containsValue(FormColumn.FULL_NAME)) {
                if (i + 1 < rows.size()) {
                    Map<Integer, TemplateColumns.Column> sub = new LinkedHashMap<>();
                    List<Cell> next = rows.get(i + 1).cells();
                    for (int c = 0; c < next.size(); c++) {
                        TemplateColumns.Column column = TemplateColumns.byTitle(next.get(c).text());
                        if (column != null) {
                            sub.put(c, column);
                        }
                    }
                    if (sub.size() >= 5) {
                        return new Header(i + 1, columns, sub);
                    }
                }
                return new Header(i, columns, null);
            }
        }
        return null;
    }

    private ReadForm readRows(FormTable table, Header header, FormReader reader) {
        List<FormTable.Row> candidateRows = new ArrayList<>();
        List<FormTable.Row> all = table.rows();
        for (int i = header.index() + 1; i < all.size(); i++) {
            FormTable.Row row = all.get(i);
            if (!candidateRow(row, header)) {
                continue;
            }
            if (candidateRows.size() >= limits.maxRows()) {
                throw FormFiles.refused("В файле больше " + limits.maxRows() + " строк кандидатов: разделите его на "
                        + "несколько файлов");
            }
            candidateRows.add(row);
        }
        List<ReadRow> rows = threads.run(() -> candidateRows.parallelStream()
                .map(row -> header.template() == null ? readFree(row, header, reader) : readTemplate(row, header, reader))
                .toList());
        List<String> titles = header.template() == null
                ? header.columns().values().stream().map(FormColumn::title).toList()
                : header.template().values().stream().map(TemplateColumns.Column::title).toList();
        return new ReadForm(table.kind(), header.template() != null, titles, rows, header);
    }

    /** A row with something in a data column that is not just the row of column numbers (1 … 10). */
    private static boolean candidateRow(FormTable.Row row, Header header) {
        Set<Integer> dataColumns = header.template() != null ? header.template().keySet() : header.columns().keySet();
        boolean any = false;
        boolean allNumbers = true;
        for (int c : dataColumns) {
            boolean numberColumn = header.template() != null
                    ? header.template().get(c).group() == FormColumn.NUMBER : header.columns().get(c) == FormColumn.NUMBER;
            Cell cell = row.cell(c);
            if (numberColumn || cell.blank()) {
                continue;
            }
            any = true;
            if (!cell.text().strip().matches("\\d{1,2}\\.?")) {
                allNumbers = false;
            }
        }
        return any && !allNumbers;
    }

    private ReadRow readFree(FormTable.Row row, Header header, FormReader reader) {
        Map<FormColumn, Cell> cells = new EnumMap<>(FormColumn.class);
        Map<FormColumn, Integer> where = new EnumMap<>(FormColumn.class);
        Map<String, String> texts = new LinkedHashMap<>();
        header.columns().forEach((c, column) -> {
            cells.put(column, row.cell(c));
            where.put(column, c);
            texts.put(FormTable.address(c, row.number()), row.cell(c).text());
        });
        FormReader.RowReading reading = reader.read(cells);
        List<CellProblem> problems = new ArrayList<>();
        for (FormReader.Problem p : reading.problems()) {
            Integer c = where.get(p.column());
            problems.add(new CellProblem(c == null ? null : FormTable.address(c, row.number()), p.field(), p.message()));
        }
        List<String> content = new ArrayList<>();
        cells.forEach((column, cell) -> {
            if (column != FormColumn.NUMBER) {
                content.add(cell.text());
            }
        });
        return finish(row, header, texts, reading.profile(), problems, content);
    }

    private ReadRow readTemplate(FormTable.Row row, Header header, FormReader reader) {
        Map<TemplateColumns.Column, Cell> cells = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        header.template().forEach((c, column) -> {
            cells.put(column, row.cell(c));
            texts.put(FormTable.address(c, row.number()), row.cell(c).text());
        });
        FormReader.RowReading reading = TemplateColumns.read(reader, cells);
        List<CellProblem> problems = new ArrayList<>();
        for (FormReader.Problem p : reading.problems()) {
            problems.add(new CellProblem(templateAddress(header, p, row.number()), p.field(), p.message()));
        }
        List<String> content = new ArrayList<>();
        cells.forEach((column, cell) -> {
            if (column.group() != FormColumn.NUMBER) {
                content.add(cell.text());
            }
        });
        return finish(row, header, texts, reading.profile(), problems, content);
    }

    private static @Nullable String templateAddress(Header header, FormReader.Problem p, int rowNumber) {
        Matcher index = INDEX.matcher(p.field());
        int entry = index.find() ? Integer.parseInt(index.group(1)) + 1 : 0;
        String key = p.field().substring(p.field().lastIndexOf('.') + 1).replaceAll("\\[\\d+]", "");
        Integer first = null;
        for (var e : header.template().entrySet()) {
            TemplateColumns.Column column = e.getKey() == null ? null : e.getValue();
            if (column == null || column.group() != p.column()) {
                continue;
            }
            if (first == null) {
                first = e.getKey();
            }
            if (column.key().equals(key) && (column.entry() == entry || column.entry() == 0)) {
                return FormTable.address(e.getKey(), rowNumber);
            }
        }
        return first == null ? null : FormTable.address(first, rowNumber);
    }

    private ReadRow finish(FormTable.Row row, Header header, Map<String, String> texts, TeacherProfile profile,
                           List<CellProblem> problems, List<String> content) {
        if (row.hidden()) {
            problems.add(0, new CellProblem(FormTable.address(0, row.number()), "row",
                    "Строка скрыта в таблице: покажите её (или удалите), если кандидат действительно выдвинут; скрытая "
                            + "строка не загружается"));
        }
        if (profile.fullName() == null && problems.stream().noneMatch(p -> "fullName".equals(p.field()))) {
            Integer c = header.template() == null ? header.columns().entrySet().stream()
                    .filter(e -> e.getValue() == FormColumn.FULL_NAME).map(Map.Entry::getKey).findFirst().orElse(0)
                    : header.template().entrySet().stream().filter(e -> e.getValue().group() == FormColumn.FULL_NAME)
                    .map(Map.Entry::getKey).findFirst().orElse(0);
            problems.add(new CellProblem(FormTable.address(c, row.number()), "fullName",
                    "Не указано ФИО кандидата: строка не загружена"));
        } else if (profile.fullName() == null) {
            problems.add(new CellProblem(problems.stream().filter(p -> "fullName".equals(p.field())).findFirst()
                    .map(CellProblem::cell).orElse(null), "fullName", "Без ФИО строка не загружается"));
        }
        String personKey = personKey(profile);
        // the fingerprint is of the cells' contents (not their addresses or the row number): a row moved is the same row
        StringBuilder joined = new StringBuilder(personKey == null ? "" : personKey);
        content.forEach(text -> joined.append('|').append(FormText.key(text)));
        String fingerprint = sha256(joined.toString());
        return new ReadRow(row.number(), row.hidden(), texts, profile, problems, personKey, fingerprint,
                List.copyOf(row.cells()));
    }

    /** The person's key: a hash of the normalised ФИО and the birth date; null when either is unknown. */
    static @Nullable String personKey(TeacherProfile profile) {
        if (profile.fullName() == null || profile.birthDate() == null) {
            return null;
        }
        return sha256(FormText.key(profile.fullName()).replaceAll("[^\\p{L} ]", "") + "|" + profile.birthDate());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
