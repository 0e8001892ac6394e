package ru.edu.decisions.service.indicators;

import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import ru.edu.decisions.service.common.DecisionsProperties;
import ru.edu.decisions.service.indicators.IndicatorViews.IndicatorView;
import ru.edu.decisions.service.indicators.IndicatorViews.IndicatorsView;
import ru.edu.decisions.service.indicators.IndicatorViews.SnapshotSummary;

/**
 * The indicators of a period as the municipal report is laid out (Excel): a title with the regulation and the period,
 * then a table — № (the indicator's number in the regulation), показатель (the regulation's wording), пункт, значение,
 * единица, числитель, знаменатель, основание — and a footer with the rule-set version and, for a frozen report, who
 * froze it and when. Counts only: no personal data.
 */
@Component
class IndicatorReport {

    static final String TITLE = "Отчёт о показателях эффективности деятельности муниципальной методической службы";
    static final List<String> HEADERS = List.of("№", "Показатель", "Пункт Положения", "Значение", "Ед. изм.", "Числитель",
            "Знаменатель", "Основание (внесённые сведения)");
    private static final int[] WIDTHS = {10, 70, 12, 11, 8, 11, 12, 36};
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final ZoneId zone;

    IndicatorReport(DecisionsProperties properties) {
        this.zone = properties.timeZone();
    }

    /** «4.1.2.1» of «kuznetsk:4.1.2.1». */
    static String number(String code) {
        int colon = code.indexOf(':');
        return colon < 0 ? code : code.substring(colon + 1);
    }

    /** «п. 4.1.2» of «kuznetsk:4.1.2». */
    static String clause(@Nullable String clause) {
        return clause == null ? "" : "п. " + number(clause);
    }

    /** The value as the report prints it: «40,0», «да»/«нет», «—» when there is none. */
    static String value(IndicatorView indicator) {
        BigDecimal value = indicator.value();
        if (value == null) {
            return "—";
        }
        if (indicator.kind().equals("YES_NO")) {
            return value.signum() > 0 ? "да" : "нет";
        }
        return value.toPlainString().replace('.', ',');
    }

    static String count(@Nullable Integer count) {
        return count == null ? "—" : count.toString();
    }

    void send(IndicatorsView view, @Nullable SnapshotSummary snapshot, HttpServletResponse response) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        write(view, snapshot, bytes);
        IndicatorController.xlsx(response, IndicatorController.filename(view.jurisdiction(), view.from(), view.to()), bytes);
    }

    void write(IndicatorsView view, @Nullable SnapshotSummary snapshot, OutputStream out) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Показатели");
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle title = workbook.createCellStyle();
            title.setFont(bold);
            title.setWrapText(true);
            title.setAlignment(HorizontalAlignment.CENTER);
            CellStyle plain = workbook.createCellStyle();
            plain.setWrapText(true);
            CellStyle header = bordered(workbook);
            header.setFont(bold);
            header.setAlignment(HorizontalAlignment.CENTER);
            CellStyle text = bordered(workbook);
            CellStyle number = bordered(workbook);
            number.setAlignment(HorizontalAlignment.RIGHT);

            int r = 0;
            merged(sheet, r++, TITLE, title);
            merged(sheet, r++, view.ruleSet().regulation(), plain);
            merged(sheet, r++, "Период: " + DAY.format(view.from()) + " — " + DAY.format(view.to()), plain);
            r++;
            Row head = sheet.createRow(r++);
            for (int i = 0; i < HEADERS.size(); i++) {
                cell(head, i, HEADERS.get(i), header);
                sheet.setColumnWidth(i, WIDTHS[i] * 256);
            }
            int firstData = r;
            for (IndicatorView indicator : view.indicators()) {
                Row row = sheet.createRow(r++);
                cell(row, 0, number(indicator.code()), text);
                cell(row, 1, indicator.title(), text);
                cell(row, 2, clause(indicator.clause()), text);
                Cell value = row.createCell(3);
                value.setCellStyle(number);
                if (indicator.value() != null && !indicator.kind().equals("YES_NO")) {
                    value.setCellValue(indicator.value().doubleValue());
                } else {
                    value.setCellValue(value(indicator));
                }
                cell(row, 4, indicator.unit() == null ? "" : indicator.unit(), text);
                cell(row, 5, count(indicator.numerator()), number);
                cell(row, 6, count(indicator.denominator()), number);
                cell(row, 7, indicator.note() == null ? "" : indicator.note(), text);
            }
            sheet.createFreezePane(0, firstData);
            r++;
            merged(sheet, r++, "Правила расчёта: " + view.ruleSet().id() + " " + view.ruleSet().version()
                    + ". Доля — 100 × числитель / знаменатель, один знак после запятой; «—» — значения нет (знаменатель 0 "
                    + "или сведения не внесены).", plain);
            if (snapshot != null) {
                merged(sheet, r++, "Отчёт зафиксирован " + MOMENT.format(snapshot.createdAt().atZone(zone))
                        + (snapshot.createdBy() == null ? "" : ", " + snapshot.createdBy())
                        + (snapshot.note() == null ? "" : ". " + snapshot.note()), plain);
            }
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CellStyle bordered(XSSFWorkbook workbook) {
        CellStyle style = workbook.createCellStyle();
        style.setWrapText(true);
        style.setVerticalAlignment(VerticalAlignment.TOP);
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        return style;
    }

    private static void merged(Sheet sheet, int r, String text, CellStyle style) {
        Row row = sheet.createRow(r);
        cell(row, 0, text, style);
        sheet.addMergedRegion(new CellRangeAddress(r, r, 0, HEADERS.size() - 1));
        row.setHeightInPoints(Math.max(15, 15 * (1 + text.length() / 140)));
    }

    private static void cell(Row row, int column, String text, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(style);
        cell.setCellValue(text);
    }
}
