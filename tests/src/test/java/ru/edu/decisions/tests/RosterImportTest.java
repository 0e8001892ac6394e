package ru.edu.decisions.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import ru.edu.decisions.tests.support.Api;
import ru.edu.decisions.tests.support.EndToEndTest;
import tools.jackson.databind.JsonNode;

/**
 * The staff roster import (XLSX: школа, ФИО, должность, дата рождения, педагогический стаж) on PostgreSQL: a dry run
 * stores nothing; bad rows are reported by row and column in Russian and not imported; a row repeating an earlier one
 * is reported; a person already stored (same ФИО and birth date) is updated, not duplicated.
 */
class RosterImportTest extends EndToEndTest {

    /** A roster workbook: a title line, the header, then the rows (a LocalDate is written as an Excel date). */
    static byte[] roster(List<List<Object>> rows) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Штат");
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("dd.mm.yyyy"));
            sheet.createRow(0).createCell(0).setCellValue("Штатный список педагогических работников на 01.09.2026");
            Row header = sheet.createRow(2);
            String[] titles = {"№", "Школа", "ФИО", "Должность", "Дата рождения", "Педагогический стаж, лет"};
            for (int i = 0; i < titles.length; i++) {
                header.createCell(i).setCellValue(titles[i]);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(3 + r);
                row.createCell(0).setCellValue(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object value = rows.get(r).get(c);
                    var cell = row.createCell(c + 1);
                    if (value instanceof LocalDate d) {
                        cell.setCellValue(d);
                        cell.setCellStyle(date);
                    } else if (value instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else if (value != null) {
                        cell.setCellValue(value.toString());
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void badRowsAreReportedByRowAndColumnDuplicatesAreRecognisedAndKnownTeachersUpdated() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String school = "МБОУ СОШ № 4 г. Кузнецка " + tag;
        // Already stored: Зайцева, at another school, as a methodist.
        Api.Response stored = api.post("/api/v1/teachers", Map.of("jurisdiction", "kuznetsk", "teacher", Map.of(
                "fullName", "Зайцева Зоя " + tag, "birthDate", "1979-04-12",
                "employment", Map.of("organization", "Старая школа", "position", "METHODIST", "pedagogicalExperienceYears", 10)),
                "school", Map.of("name", "Старая школа")));
        assertThat(stored.status()).isEqualTo(201);
        String storedId = stored.json().get("id").asString();

        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of(school, "Иванова Ирина " + tag, "учитель математики", LocalDate.of(1988, 2, 3), 12));     // row 4
        rows.add(List.of(school, "Зайцева Зоя " + tag, "заместитель директора по УВР", "12.04.1979", "15 лет")); // row 5: update
        rows.add(List.of(school, "", "учитель", LocalDate.of(1990, 1, 1), 5));                                     // row 6: no name
        rows.add(List.of(school, "Петров Пётр " + tag, "учитель", "31.02.1990", 5));                                // row 7: bad date
        rows.add(List.of(school, "Сидоров Семён " + tag, "учитель", LocalDate.of(1991, 5, 5), "много"));           // row 8: bad years
        rows.add(List.of(school, "Иванова  Ирина " + tag, "учитель", LocalDate.of(1988, 2, 3), 12));                // row 9: repeats row 4
        rows.add(List.of("", "Орлов Олег " + tag, "", LocalDate.of(2030, 1, 1), 99));                                // row 10: four errors
        rows.add(List.of(school, "Молодова Мария " + tag, "педагог-психолог", LocalDate.of(2001, 9, 9), 1));        // row 11
        byte[] file = roster(rows);

        Api.Response check = api.upload("/api/v1/teachers/roster?jurisdiction=kuznetsk&dryRun=true", new Api.Upload("штат.xlsx", file));
        assertThat(check.status()).as(check.toString()).isEqualTo(200);
        assertThat(check.json().get("rows").asInt()).isEqualTo(8);
        assertThat(check.json().get("created").asInt()).isEqualTo(2);
        assertThat(check.json().get("updated").asInt()).isEqualTo(1);
        assertThat(check.json().get("rejected").asInt()).isEqualTo(5);
        List<String> errors = new ArrayList<>();
        check.json().get("errors").forEach(e -> errors.add(e.get("row").asInt() + " " + e.get("column").asString() + ": "
                + e.get("message").asString()));
        assertThat(errors).containsExactly(
                "6 ФИО: Не указаны ФИО",
                "7 Дата рождения: Дата рождения «31.02.1990» не распознана: нужна дата вида 01.09.1985",
                "8 Педагогический стаж: Стаж «много» не распознан: нужно число полных лет",
                "9 ФИО: Повторяет строку 4 (те же ФИО и дата рождения) — строка не загружена",
                "10 Школа: Не указана школа",
                "10 Должность: Не указана должность",
                "10 Дата рождения: Дата рождения 01.01.2030 невозможна для работника школы",
                "10 Педагогический стаж: Стаж 99 лет невозможен (от 0 до 80)");
        assertThat(staffOf(school)).as("a dry run stores nothing").isNull();

        Api.Response imported = api.upload("/api/v1/teachers/roster?jurisdiction=kuznetsk", new Api.Upload("штат.xlsx", file));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().get("created").asInt()).isEqualTo(2);
        assertThat(imported.json().get("updated").asInt()).isEqualTo(1);
        // The school's staff as the indicators count it: two pedagogical workers, one of the management.
        assertThat(staffOf(school)).containsExactly(2, 1);
        JsonNode updated = api.get("/api/v1/teachers/" + storedId).json();
        assertThat(updated.get("teacher").get("employment").get("position").asString()).isEqualTo("DEPUTY_HEAD");
        assertThat(updated.get("teacher").get("employment").get("positionTitle").asString()).isEqualTo("заместитель директора по УВР");
        assertThat(updated.get("teacher").get("employment").get("pedagogicalExperienceYears").asInt()).isEqualTo(15);
        assertThat(updated.get("school").get("name").asString()).isEqualTo(school);

        // Loading the same file again creates nobody: everyone is recognised.
        Api.Response again = api.upload("/api/v1/teachers/roster?jurisdiction=kuznetsk", new Api.Upload("штат.xlsx", file));
        assertThat(again.json().get("created").asInt()).isZero();
        assertThat(again.json().get("updated").asInt()).isEqualTo(3);
        assertThat(staffOf(school)).containsExactly(2, 1);
    }

    /** The denominators of 4.1.2.1 (pedagogical workers) and 4.1.2.2 (management) for a school; null: no such school. */
    private int[] staffOf(String school) {
        JsonNode schools = api.get("/api/v1/indicators/schools?jurisdiction=kuznetsk&from=2026-09-01&to=2027-05-31").json();
        for (JsonNode row : schools.get("schools")) {
            if (row.get("school").asString().equals(school)) {
                int[] staff = new int[2];
                row.get("figures").forEach(f -> {
                    if (f.get("code").asString().equals("kuznetsk:4.1.2.1")) {
                        staff[0] = f.get("denominator").asInt();
                    } else if (f.get("code").asString().equals("kuznetsk:4.1.2.2")) {
                        staff[1] = f.get("denominator").asInt();
                    }
                });
                return staff;
            }
        }
        return null;
    }

    @Test
    void aFileWithoutTheRostersHeaderOrNotASpreadsheetIsRefused() throws Exception {
        Api.Response noHeader = api.upload("/api/v1/teachers/roster?jurisdiction=kuznetsk",
                new Api.Upload("штат.xlsx", headerless()));
        assertThat(noHeader.status()).isEqualTo(400);
        assertThat(noHeader.json().get("detail").asString()).contains("нет заголовка штатного списка");
        Api.Response text = api.upload("/api/v1/teachers/roster?jurisdiction=kuznetsk",
                new Api.Upload("штат.xlsx", "ФИО;Школа".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(text.status()).isEqualTo(400);
        Api other = user("roster-turochak", List.of("IMC_STAFF"), List.of("turochak"));
        assertThat(other.upload("/api/v1/teachers/roster?jurisdiction=kuznetsk", new Api.Upload("штат.xlsx", headerless()))
                .status()).isEqualTo(403);
    }

    private static byte[] headerless() throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.createSheet("Лист1").createRow(0).createCell(0).setCellValue("Иванова Ирина");
            book.write(out);
            return out.toByteArray();
        }
    }
}
