package ru.edu.decisions.service.registry;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.edu.decisions.model.Reason;
import ru.edu.decisions.model.TeacherProfile;
import ru.edu.decisions.service.common.DecisionsProperties;
import ru.edu.decisions.service.common.JsonCodec;
import ru.edu.decisions.service.registry.RegistryViews.Status;
import ru.edu.decisions.service.security.PersonalDataAccessLog;
import ru.edu.decisions.service.security.PersonalDataAccessLog.Action;
import ru.edu.decisions.service.security.PersonalDataAccessLog.RecordKind;

/**
 * The municipal registry of the methodological asset of a jurisdiction as an Excel workbook (XLSX): one row per
 * membership with the member's personal data; every exported membership is written to the access log.
 */
@Service
public class RegistryExport {

    static final List<String> HEADERS = List.of("№ п/п", "Ф.И.О.", "Дата рождения", "Место работы", "Должность",
            "Основания включения (пункты Положения)", "Дата включения", "Статус", "Дата исключения", "Причина исключения");
    private static final int[] WIDTHS = {7, 34, 14, 36, 28, 60, 14, 13, 15, 40};

    private final JdbcClient sql;
    private final JsonCodec json;
    private final RegistryService registry;
    private final PersonalDataAccessLog accessLog;
    private final ZoneId zone;

    RegistryExport(JdbcClient sql, JsonCodec json, RegistryService registry, PersonalDataAccessLog accessLog,
                   DecisionsProperties properties) {
        this.sql = sql;
        this.json = json;
        this.registry = registry;
        this.accessLog = accessLog;
        this.zone = properties.timeZone();
    }

    private record Exported(UUID id, String profile, UUID basisDecisionId, java.sql.Timestamp includedAt,
                        java.sql.@Nullable Timestamp excludedAt, @Nullable String exclusionReason) {
    }

    /** Writes the memberships of the jurisdiction with the given status, in the order of inclusion. */
    @Transactional
    public void write(String jurisdiction, Status status, OutputStream out) {
        String filter = switch (status) {
            case ACTIVE -> " AND m.excluded_at IS NULL";
            case EXCLUDED -> " AND m.excluded_at IS NOT NULL";
            case ALL -> "";
        };
        List<Exported> rows = sql.sql("""
                        SELECT m.id, t.profile, m.basis_decision_id, m.included_at, m.excluded_at, m.exclusion_reason
                        FROM registry_member m JOIN teacher t ON t.id = m.teacher_id
                        WHERE m.jurisdiction = ?""" + filter + " ORDER BY m.included_at, m.id")
                .param(jurisdiction)
                .query((rs, n) -> new Exported(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getTimestamp(4), rs.getTimestamp(5), rs.getString(6)))
                .list();
        accessLog.record(Action.EXPORT, rows.stream()
                .map(r -> new PersonalDataAccessLog.Subject(RecordKind.REGISTRY_MEMBER, r.id(), jurisdiction)).toList());
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Реестр актива");
            Styles styles = new Styles(workbook);
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADERS.size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(HEADERS.get(i));
                cell.setCellStyle(styles.header);
                sheet.setColumnWidth(i, WIDTHS[i] * 256);
            }
            sheet.createFreezePane(0, 1);
            Map<UUID, String> grounds = new java.util.HashMap<>();
            int number = 1;
            for (Exported member : rows) {
                TeacherProfile profile = json.read(member.profile(), TeacherProfile.class);
                var employment = profile.employment();
                Row row = sheet.createRow(number);
                text(row, 0, styles.text).setCellValue(number);
                text(row, 1, styles.text).setCellValue(value(profile.fullName()));
                date(row, 2, profile.birthDate(), styles);
                text(row, 3, styles.text).setCellValue(value(employment == null ? null : employment.organization()));
                text(row, 4, styles.text).setCellValue(value(employment == null ? null
                        : employment.positionTitle() != null ? employment.positionTitle()
                        : employment.position() == null ? null : employment.position().label()));
                text(row, 5, styles.text).setCellValue(grounds.computeIfAbsent(member.basisDecisionId(),
                        id -> registry.grounds(id).stream().map(RegistryExport::ground).collect(Collectors.joining("\n"))));
                date(row, 6, day(member.includedAt()), styles);
                text(row, 7, styles.text).setCellValue(member.excludedAt() == null ? "действует" : "исключён");
                date(row, 8, member.excludedAt() == null ? null : day(member.excludedAt()), styles);
                text(row, 9, styles.text).setCellValue(value(member.exclusionReason()));
                number++;
            }
            if (!rows.isEmpty()) {
                sheet.setAutoFilter(new org.apache.poi.ss.util.CellRangeAddress(0, rows.size(), 0, HEADERS.size() - 1));
            }
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** «п. 3.2.6 — …» (the clause of the jurisdiction's regulation the code names, then the wording). */
    private static String ground(Reason reason) {
        int colon = reason.code().indexOf(':');
        return (colon < 0 ? reason.code() : "п. " + reason.code().substring(colon + 1)) + " — " + reason.message();
    }

    private LocalDate day(java.sql.Timestamp at) {
        return at.toInstant().atZone(zone).toLocalDate();
    }

    private static String value(@Nullable String text) {
        return text == null ? "" : text;
    }

    private static Cell text(Row row, int column, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(style);
        return cell;
    }

    private static void date(Row row, int column, @Nullable LocalDate date, Styles styles) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(styles.date);
        if (date != null) {
            cell.setCellValue(date);
        }
    }

    /** The cell styles of the sheet: a bold wrapped header, wrapped text, dates as дд.мм.гггг. */
    private static final class Styles {
        final CellStyle header;
        final CellStyle text;
        final CellStyle date;

        Styles(XSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            header.setBorderBottom(BorderStyle.THIN);
            text = workbook.createCellStyle();
            text.setWrapText(true);
            text.setVerticalAlignment(VerticalAlignment.TOP);
            date = workbook.createCellStyle();
            date.setVerticalAlignment(VerticalAlignment.TOP);
            date.setDataFormat(workbook.createDataFormat().getFormat("dd.mm.yyyy"));
        }
    }
}
