package ru.edu.decisions.service.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.edu.decisions.model.Employment;
import ru.edu.decisions.model.Reason;
import ru.edu.decisions.model.TeacherProfile;
import ru.edu.decisions.model.eligibility.EligibilityDecision;
import ru.edu.decisions.model.eligibility.Verdict;
import ru.edu.decisions.rules.dsl.Texts;
import ru.edu.decisions.rules.forms.Dates;
import ru.edu.decisions.rules.forms.FormColumn;
import ru.edu.decisions.service.common.DecisionsProperties;
import ru.edu.decisions.service.common.JsonCodec;
import ru.edu.decisions.service.rulesets.RuleSets;
import ru.edu.decisions.service.security.PersonalDataAccessLog;
import ru.edu.decisions.service.security.PersonalDataAccessLog.Action;
import ru.edu.decisions.service.security.PersonalDataAccessLog.RecordKind;

/**
 * The official form as workbooks: the IMC's template to send to schools (structured sub-columns, drop-down lists,
 * instructions), and the candidates and the registry exported in the form's column layout with the free text composed
 * from the stored profile. Every exported person is written to the personal-data access log (action EXPORT).
 */
@Service
public class FormWorkbooks {

    static final String TITLE = "Форма предоставления информации о кандидатах в состав муниципального методического актива";
    static final List<String> OFFICIAL = List.of("№ п/п", "Ф.И.О. кандидата в муниципальный методический актив",
            "Дата рождения", "Информация о полученном образовании (уровень образования, год получения, специальность, "
                    + "наименование образовательной организации)",
            "Информация о повышении квалификации / профессиональной переподготовке",
            "Информация об основном месте работы (наименование образовательной организации, должность, квалификационная "
                    + "категория, стаж педагогической работы, преподаваемый предмет/направление работы)",
            "Информация о наличии опыта методической работы (опыт наставничества, деятельности в методических "
                    + "объединениях, ассоциациях, сообществах и других)",
            "Контактные данные (мобильный телефон, e-mail)", "Профессиональные достижения (при наличии)",
            "Основание для включения в муниципальный методический актив");
    private static final int TEMPLATE_ROWS = 200;

    private final JdbcClient sql;
    private final JsonCodec json;
    private final PersonalDataAccessLog accessLog;
    private final RuleSets ruleSets;
    private final ZoneId zone;

    FormWorkbooks(JdbcClient sql, JsonCodec json, PersonalDataAccessLog accessLog, RuleSets ruleSets,
                  DecisionsProperties properties) {
        this.sql = sql;
        this.json = json;
        this.accessLog = accessLog;
        this.ruleSets = ruleSets;
        this.zone = properties.timeZone();
    }

    // ---------------------------------------------------------------- template

    /** The template to send to schools. */
    public byte[] template(String jurisdiction) {
        var rules = ruleSets.jurisdiction(ruleSets.current(), jurisdiction);
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Styles styles = new Styles(book);
            XSSFSheet form = book.createSheet("Форма");
            XSSFSheet instructions = book.createSheet("Инструкция");
            XSSFSheet lists = book.createSheet("Списки");
            List<TemplateColumns.Column> columns = TemplateColumns.COLUMNS;
            text(form, 0, 0, TITLE + " — " + rules.manifest().name(), styles.title);
            text(form, 1, 0, "Заполните по одной строке на кандидата, начиная с 6-й строки. Значения со стрелкой выбирайте "
                    + "из списка. Подробно — на листе «Инструкция».", null);
            int headerRow = 3;
            int subRow = 4;
            FormColumn group = null;
            int groupStart = 0;
            for (int c = 0; c <= columns.size(); c++) {
                FormColumn current = c < columns.size() ? columns.get(c).group() : null;
                if (current != group) {
                    if (group != null && c - 1 > groupStart) {
                        form.addMergedRegion(new CellRangeAddress(headerRow, headerRow, groupStart, c - 1));
                    }
                    if (current != null) {
                        text(form, headerRow, c, OFFICIAL.get(current.ordinal()), styles.header);
                    }
                    group = current;
                    groupStart = c;
                } else if (current != null) {
                    text(form, headerRow, c, "", styles.header);
                }
                if (c < columns.size()) {
                    text(form, subRow, c, columns.get(c).title(), styles.header);
                    form.setColumnWidth(c, columns.get(c).type() == TemplateColumns.Type.TEXT ? 30 * 256 : 18 * 256);
                }
            }
            form.getRow(headerRow).setHeightInPoints(90);
            form.getRow(subRow).setHeightInPoints(45);
            form.createFreezePane(3, subRow + 1);
            DataValidationHelper helper = form.getDataValidationHelper();
            int listColumn = 0;
            for (int c = 0; c < columns.size(); c++) {
                TemplateColumns.Column column = columns.get(c);
                CellRangeAddressList range = new CellRangeAddressList(subRow + 1, subRow + TEMPLATE_ROWS, c, c);
                DataValidationConstraint constraint = null;
                String prompt = column.hint();
                if (!column.choices().isEmpty()) {
                    for (int i = 0; i < column.choices().size(); i++) {
                        XSSFRow row = lists.getRow(i) == null ? lists.createRow(i) : lists.getRow(i);
                        row.createCell(listColumn).setCellValue(column.choices().get(i));
                    }
                    String letter = FormTable.address(listColumn, 1).replaceAll("\\d", "");
                    constraint = helper.createFormulaListConstraint("'Списки'!$" + letter + "$1:$" + letter + "$"
                            + column.choices().size());
                    listColumn++;
                } else if (column.type() == TemplateColumns.Type.NUMBER) {
                    constraint = helper.createIntegerConstraint(DataValidationConstraint.OperatorType.BETWEEN, "0", "5000");
                }
                if (constraint != null) {
                    DataValidation validation = helper.createValidation(constraint, range);
                    validation.setShowErrorBox(true);
                    validation.createErrorBox("Значение не подходит", column.choices().isEmpty()
                            ? "Введите целое число" : "Выберите значение из списка");
                    validation.createPromptBox(column.title(), prompt);
                    validation.setShowPromptBox(true);
                    form.addValidationData(validation);
                }
            }
            for (int r = subRow + 1; r <= subRow + TEMPLATE_ROWS; r++) {
                XSSFRow row = form.createRow(r);
                for (int c = 0; c < columns.size(); c++) {
                    XSSFCell cell = row.createCell(c);
                    cell.setCellStyle(columns.get(c).type() == TemplateColumns.Type.DATE ? styles.dateText : styles.cell);
                }
            }
            book.setSheetHidden(book.getSheetIndex(lists), true);
            instructions(instructions, styles);
            return bytes(book);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void instructions(XSSFSheet sheet, Styles styles) {
        List<String> lines = List.of(
                "Как заполнить форму кандидатов в муниципальный методический актив",
                "",
                "1. Одна строка — один кандидат. Начинайте с 6-й строки листа «Форма»; строки заголовка не меняйте и не удаляйте.",
                "2. Ф.И.О. — полностью: фамилия, имя, отчество (при наличии), без инициалов.",
                "3. Дата рождения — в формате дд.мм.гггг, например 12.03.1979.",
                "4. Столбцы со стрелкой заполняются только выбором из списка: иначе значение не будет принято.",
                "5. Годы — четырьмя цифрами; стаж — полными годами; часы — числом.",
                "6. Образование: если у кандидата два образования, заполните «Образование 1» и «Образование 2».",
                "7. Повышение квалификации — за три года, предшествующие дате подготовки документа; до трёх программ.",
                "   Программу указывайте точным названием: по нему проверяется включение программы в Федеральный реестр.",
                "8. Опыт методической работы: до трёх участий (вид, роль, уровень, название) и свободный текст "
                        + "об опыте наставничества — каждый пункт с новой строки в ячейке (Alt+Enter).",
                "9. Контактные данные — мобильный телефон (10 цифр с кодом) и e-mail.",
                "10. Основание — в соответствии с пунктом 3 Положения о муниципальном методическом активе.",
                "",
                "Персональные данные кандидатов передаются в ИМЦ только с их согласия на обработку персональных данных.",
                "Заполненный файл отправьте в ИМЦ, не меняя его формат (.xlsx).");
        for (int i = 0; i < lines.size(); i++) {
            text(sheet, i, 0, lines.get(i), i == 0 ? styles.title : null);
        }
        sheet.setColumnWidth(0, 140 * 256);
    }

    // ---------------------------------------------------------------- candidates export

    private record CandidateRow(UUID id, String profile, @Nullable String verdict, @Nullable String version,
                                @Nullable String decision) {
    }

    /** The candidates of a jurisdiction with their latest decisions; every exported candidate is logged as EXPORT. */
    @Transactional
    public byte[] candidates(String jurisdiction) {
        ruleSets.jurisdiction(ruleSets.current(), jurisdiction);
        List<CandidateRow> rows = sql.sql("""
                        SELECT c.id, c.profile, c.latest_verdict, c.latest_rule_set_version, d.decision
                        FROM candidate c LEFT JOIN decision_log d ON d.id = c.latest_decision_id
                        WHERE c.jurisdiction = ? ORDER BY c.submitted_at, c.id""")
                .param(jurisdiction)
                .query((rs, n) -> new CandidateRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5)))
                .list();
        accessLog.record(Action.EXPORT, rows.stream()
                .map(r -> new PersonalDataAccessLog.Subject(RecordKind.CANDIDATE, r.id(), jurisdiction)).toList());
        List<String> extra = List.of("Решение", "Основания включения", "Причины решения", "Чего не хватает", "Версия правил");
        List<List<String>> data = new ArrayList<>();
        for (CandidateRow row : rows) {
            TeacherProfile profile = json.read(row.profile(), TeacherProfile.class);
            EligibilityDecision decision = row.decision() == null ? null : json.read(row.decision(), EligibilityDecision.class);
            List<String> cells = new ArrayList<>(official(profile));
            cells.add(row.verdict() == null ? "" : switch (Verdict.valueOf(row.verdict())) {
                case ELIGIBLE -> "соответствует требованиям";
                case NOT_ELIGIBLE -> "не соответствует требованиям";
                case INSUFFICIENT_DATA -> "недостаточно данных";
            });
            cells.add(decision == null ? "" : String.join("; ", decision.grounds()));
            cells.add(decision == null ? "" : decision.reasons().stream().map(Reason::message).collect(Collectors.joining("\n")));
            cells.add(decision == null ? "" : String.join("; ", decision.missing()));
            cells.add(row.version() == null ? "" : row.version());
            data.add(cells);
        }
        return table("Кандидаты", TITLE, extra, data);
    }

    // ---------------------------------------------------------------- registry export

    private record MemberRow(UUID id, String profile, Instant includedAt, @Nullable Instant excludedAt,
                             @Nullable String reason, UUID basis) {
    }

    /** The registry of the methodological asset of a jurisdiction; every exported member is logged as EXPORT. */
    @Transactional
    public byte[] registry(String jurisdiction) {
        ruleSets.jurisdiction(ruleSets.current(), jurisdiction);
        List<MemberRow> rows = sql.sql("""
                        SELECT m.id, c.profile, m.included_at, m.excluded_at, m.exclusion_reason, m.basis_decision_id
                        FROM registry_member m JOIN candidate c ON c.id = m.candidate_id
                        WHERE m.jurisdiction = ? ORDER BY m.included_at, m.id""")
                .param(jurisdiction)
                .query((rs, n) -> new MemberRow(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getTimestamp(3).toInstant(), rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(),
                        rs.getString(5), rs.getObject(6, UUID.class)))
                .list();
        accessLog.record(Action.EXPORT, rows.stream()
                .map(r -> new PersonalDataAccessLog.Subject(RecordKind.REGISTRY_MEMBER, r.id(), jurisdiction)).toList());
        List<String> extra = List.of("Включён в реестр", "Решение-основание", "Состояние", "Исключён", "Причина исключения");
        List<List<String>> data = new ArrayList<>();
        for (MemberRow row : rows) {
            List<String> cells = new ArrayList<>(official(json.read(row.profile(), TeacherProfile.class)));
            cells.add(Dates.format(row.includedAt().atZone(zone).toLocalDate()));
            cells.add(row.basis().toString());
            cells.add(row.excludedAt() == null ? "в реестре" : "исключён");
            cells.add(row.excludedAt() == null ? "" : Dates.format(row.excludedAt().atZone(zone).toLocalDate()));
            cells.add(row.reason() == null ? "" : row.reason());
            data.add(cells);
        }
        return table("Реестр ММА", "Реестр муниципального методического актива", extra, data);
    }

    // ---------------------------------------------------------------- the official columns

    /** The nine columns after «№» of the official form, composed from a stored profile. */
    static List<String> official(TeacherProfile p) {
        Employment e = p.employment();
        List<String> cells = new ArrayList<>();
        cells.add(orEmpty(p.fullName()));
        cells.add(p.birthDate() == null ? "" : Dates.format(p.birthDate()));
        cells.add(p.education() == null ? "" : p.education().stream().map(FormWorkbooks::education).collect(Collectors.joining(";\n")));
        cells.add(p.trainingList().stream().map(FormWorkbooks::training).collect(Collectors.joining(";\n")));
        cells.add(e == null ? "" : employment(e));
        List<String> methodical = new ArrayList<>();
        if (p.methodicalExperience() != null) {
            methodical.addAll(p.methodicalExperience());
        }
        p.membershipList().stream().filter(m -> m.title() == null || !methodical.contains(m.title()))
                .map(Texts::membership).forEach(methodical::add);
        cells.add(String.join(";\n", methodical));
        cells.add(p.contacts() == null ? "" : join(", ", p.contacts().phone(), p.contacts().email()));
        cells.add(p.achievementList().stream().map(a -> join(", ", a.result() == null ? null : a.result().label(),
                a.title(), a.level() == null ? null : "уровень: " + a.level().label(),
                a.year() == null ? null : String.valueOf(a.year()))).collect(Collectors.joining(";\n")));
        cells.add(p.nomination() == null ? "" : orEmpty(p.nomination().basis()));
        return cells;
    }

    private static String education(ru.edu.decisions.model.Education e) {
        return join(", ", e.level() == null ? null : e.level().label(), e.year() == null ? null : e.year() + " г.",
                e.institution(), e.specialty(), Boolean.FALSE.equals(e.pedagogical()) ? "непедагогическое" : null);
    }

    private static String training(ru.edu.decisions.model.Training t) {
        return join(", ", t.kind() == null ? null : t.kind().label(), t.title() == null ? null : "«" + t.title() + "»",
                t.provider(), t.year() == null ? null : t.year() + " г.", t.hours() == null ? null : t.hours() + " ч",
                Boolean.TRUE.equals(t.federalRegistry()) ? "программа Федерального реестра" : null);
    }

    private static String employment(Employment e) {
        String category = e.qualificationCategory() == null ? null : switch (e.qualificationCategory()) {
            case HIGHEST -> "высшая категория";
            case FIRST -> "первая категория";
            case NONE -> "без категории";
        };
        return join(", ", e.organization(), e.positionTitle() != null ? e.positionTitle()
                        : e.position() == null ? null : e.position().label(), category,
                e.pedagogicalExperienceYears() == null ? null : "педагогический стаж " + Texts.years(e.pedagogicalExperienceYears()),
                e.specialtyExperienceYears() == null ? null : "стаж по специальности " + Texts.years(e.specialtyExperienceYears()),
                e.subjectList().isEmpty() ? null : "предметы: " + String.join(", ", e.subjectList()));
    }

    private static String join(String separator, @Nullable String... parts) {
        List<String> present = new ArrayList<>();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                present.add(part);
            }
        }
        return String.join(separator, present);
    }

    private static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }

    /** A sheet: title, the official header with extra columns, a row of column numbers, the data rows numbered. */
    private static byte[] table(String sheetName, String title, List<String> extra, List<List<String>> data) {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Styles styles = new Styles(book);
            XSSFSheet sheet = book.createSheet(sheetName);
            text(sheet, 0, 0, title, styles.title);
            List<String> header = new ArrayList<>(OFFICIAL);
            header.addAll(extra);
            for (int c = 0; c < header.size(); c++) {
                text(sheet, 2, c, header.get(c), styles.header);
                text(sheet, 3, c, String.valueOf(c + 1), styles.header);
                sheet.setColumnWidth(c, c == 0 ? 6 * 256 : c == 2 ? 13 * 256 : 36 * 256);
            }
            sheet.getRow(2).setHeightInPoints(105);
            for (int r = 0; r < data.size(); r++) {
                text(sheet, 4 + r, 0, (r + 1) + ".", styles.cell);
                List<String> cells = data.get(r);
                for (int c = 0; c < cells.size(); c++) {
                    text(sheet, 4 + r, c + 1, safe(cells.get(c)), styles.cell);
                }
            }
            sheet.createFreezePane(2, 4);
            return bytes(book);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text is written as text: a leading «=», «+», «-», «@» never becomes a formula in the reader's spreadsheet. */
    private static String safe(String text) {
        return !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static void text(XSSFSheet sheet, int r, int c, String value, @Nullable CellStyle style) {
        XSSFRow row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
        XSSFCell cell = row.createCell(c);
        cell.setCellValue(value.length() > 32000 ? value.substring(0, 32000) : value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static byte[] bytes(XSSFWorkbook book) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        book.write(out);
        return out.toByteArray();
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle cell;
        final CellStyle dateText;

        Styles(XSSFWorkbook book) {
            Font bold = book.createFont();
            bold.setBold(true);
            title = book.createCellStyle();
            Font big = book.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 13);
            title.setFont(big);
            header = book.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            header.setVerticalAlignment(VerticalAlignment.TOP);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            borders(header);
            cell = book.createCellStyle();
            cell.setWrapText(true);
            cell.setVerticalAlignment(VerticalAlignment.TOP);
            borders(cell);
            dateText = book.createCellStyle();
            dateText.cloneStyleFrom(cell);
            dateText.setDataFormat(book.createDataFormat().getFormat("@"));
        }

        private static void borders(CellStyle style) {
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
        }
    }
}
