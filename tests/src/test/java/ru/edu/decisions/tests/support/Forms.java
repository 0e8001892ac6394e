package ru.edu.decisions.tests.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Filled official candidate forms as schools send them (Приложение к Положению о ММА Усть-Ишимского МР): a title,
 * the header with the regulation's column titles, the row of column numbers, then one row per candidate.
 */
public final class Forms {

    public static final String TITLE = "Форма предоставления информации о кандидатах в состав муниципального методического актива";

    /** The header exactly as the regulation's appendix prints it. */
    public static final List<String> HEADER = List.of("№ п/п",
            "Ф.И.О. кандидата в муниципальный методический актив Усть-Ишимского МР", "Дата рождения 1 2",
            "Информации о полученном образовании (уровень образования, год получения, специальность, наименование образовательной организации)",
            "Информации о повышении квалификации ¹ / профессиональной переподготовке",
            "Информация об основном месте работы (наименование образовательной организации, должность, квалификационная категория, стаж педагогической работы, преподаваемый предмет/направление работы)",
            "Информации о наличии опыта методической работы (опыт наставничества, деятельности в методических объединениях, ассоциациях, сообществах и других)",
            "Контактные данные (мобильный телефон, e-mail)", "Профессиональные достижения (при наличии)",
            "Основание для включения в муниципальный методический актив Усть-Ишимского МР ³");

    private Forms() {
    }

    /** A candidate row (without the «№» cell). */
    public static List<String> candidate(String name, String birth) {
        return new ArrayList<>(List.of(name, birth,
                "высшее, 2007 г., ОмГПУ, учитель математики",
                "КПК «Школа современного учителя математики», ФГАОУ ДПО «Академия Минпросвещения России», 2025 г., 100 ч",
                "МБОУ «Аксёновская СОШ», учитель математики, высшая категория, стаж 15 лет",
                "руководитель РМО учителей математики; наставник молодого специалиста",
                "8 913 123 45 67, teacher@mail.ru",
                "победитель муниципального этапа конкурса «Учитель года», 2024",
                "п. 3.2.2 Положения: повышение квалификации по программе Федерального реестра"));
    }

    /** The rows of a whole form: title, empty row, header, the numbers row 1 … 10, the candidates numbered. */
    public static List<List<String>> form(List<List<String>> candidates) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(TITLE));
        rows.add(List.of());
        rows.add(HEADER);
        List<String> numbers = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            numbers.add(String.valueOf(i));
        }
        rows.add(numbers);
        for (int i = 0; i < candidates.size(); i++) {
            List<String> row = new ArrayList<>();
            row.add((i + 1) + ".");
            row.addAll(candidates.get(i));
            rows.add(row);
        }
        rows.add(List.of());
        rows.add(List.of("¹ Дата рождения оформляется в формате дд.мм.гггг."));
        return rows;
    }

    public static byte[] xlsx(List<List<String>> rows) {
        return xlsx(rows, sheet -> { });
    }

    /** The rows in a workbook's first sheet; {@code edit} may change the sheet (merge, hide, formulas) before saving. */
    public static byte[] xlsx(List<List<String>> rows, Consumer<XSSFSheet> edit) {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            XSSFSheet sheet = book.createSheet("Кандидаты");
            for (int r = 0; r < rows.size(); r++) {
                XSSFRow row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            edit.accept(sheet);
            return bytes(book::write);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows as a table in a Word document, after a heading paragraph. */
    public static byte[] docx(List<List<String>> rows) {
        try (XWPFDocument document = new XWPFDocument()) {
            document.createParagraph().createRun().setText("Приложение к Положению о муниципальном методическом активе");
            List<List<String>> tableRows = rows.stream().filter(r -> r.size() > 1).toList();
            XWPFTable table = document.createTable(tableRows.size(), 10);
            for (int r = 0; r < tableRows.size(); r++) {
                XWPFTableRow row = table.getRow(r);
                for (int c = 0; c < 10; c++) {
                    String text = c < tableRows.get(r).size() ? tableRows.get(r).get(c) : "";
                    var paragraph = row.getCell(c).getParagraphs().get(0);
                    String[] lines = text.split("\n");
                    for (int i = 0; i < lines.length; i++) {
                        if (i > 0) {
                            paragraph = row.getCell(c).addParagraph();
                        }
                        paragraph.createRun().setText(lines[i]);
                    }
                }
            }
            return bytes(document::write);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    interface Writer {
        void write(java.io.OutputStream out) throws IOException;
    }

    private static byte[] bytes(Writer writer) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(out);
        return out.toByteArray();
    }
}
