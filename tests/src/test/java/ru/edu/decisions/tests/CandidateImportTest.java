package ru.edu.decisions.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.edu.decisions.tests.EligibilityApiTest.list;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import ru.edu.decisions.tests.support.Api;
import ru.edu.decisions.tests.support.EndToEndTest;
import ru.edu.decisions.tests.support.Forms;
import tools.jackson.databind.JsonNode;

/** The import of filled official candidate forms on PostgreSQL (contract: «Candidate form import»). */
class CandidateImportTest extends EndToEndTest {

    private static final String IMPORTS = "/api/v1/candidates/imports?jurisdiction=ust-ishim";

    private static String unique(String surname) {
        // a different (Cyrillic) name per test run: a rerun on the same database must not meet its own candidates
        String letters = "абвгдежзиклмнопрстуфхцчшэюя";
        StringBuilder suffix = new StringBuilder();
        long n = Math.abs(UUID.randomUUID().getMostSignificantBits());
        for (int i = 0; i < 6; i++) {
            suffix.append(letters.charAt((int) (n % letters.length())));
            n /= letters.length();
        }
        return surname + suffix + " Мария Петровна";
    }

    private JsonNode upload(String path, String name, byte[] bytes) {
        Api.Response response = api.upload(path, new Api.Upload(name, bytes));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static long count(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(DB_URL, DB_USER, DB_PASSWORD);
             var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long candidates() {
        return count("SELECT count(*) FROM candidate");
    }

    @Test
    void aDryRunReadsAndDecidesEveryRowAndStoresNothing() {
        String first = unique("Иванова");
        List<String> impossibleDate = Forms.candidate(unique("Петрова"), "30.02.1979");
        byte[] file = Forms.xlsx(Forms.form(List.of(Forms.candidate(first, "12.03.1979"), impossibleDate)));
        long before = candidates();

        JsonNode result = upload(IMPORTS + "&dryRun=true", "forma.xlsx", file);

        assertThat(candidates()).isEqualTo(before);
        assertThat(result.get("dryRun").asBoolean()).isTrue();
        assertThat(result.get("jurisdiction").asString()).isEqualTo("ust-ishim");
        JsonNode rows = result.get("rows");
        assertThat(rows.size()).isEqualTo(2);
        assertThat(rows.get(0).get("row").asInt()).isEqualTo(5);
        assertThat(rows.get(0).get("status").asString()).isEqualTo("IMPORTED");
        assertThat(rows.get(0).get("candidateId").isNull()).isTrue();
        assertThat(rows.get(0).get("verdict").asString()).isEqualTo("ELIGIBLE");
        assertThat(rows.get(0).get("problems").size()).as(rows.get(0).toString()).isZero();
        JsonNode problem = rows.get(1).get("problems").get(0);
        assertThat(problem.get("cell").asString()).isEqualTo("C6");
        assertThat(problem.get("field").asString()).isEqualTo("birthDate");
        assertThat(problem.get("message").asString()).contains("30.02.1979").contains("не существует");
    }

    @Test
    void anImportStoresEachCandidateOnceAndAChangedNominationIsANewNominationOfTheSameTeacher() {
        String name = unique("Сидорова");
        List<List<String>> candidates = List.of(Forms.candidate(name, "12.03.1979"),
                Forms.candidate(unique("Кузнецова"), "01.09.1985"));
        byte[] file = Forms.xlsx(Forms.form(candidates));
        long before = candidates();

        JsonNode imported = upload(IMPORTS, "forma.xlsx", file);
        assertThat(list(imported.get("rows"))).allSatisfy(r -> assertThat(r.get("status").asString()).isEqualTo("IMPORTED"));
        assertThat(candidates()).isEqualTo(before + 2);
        String candidateId = imported.get("rows").get(0).get("candidateId").asString();
        JsonNode stored = api.get("/api/v1/candidates/" + candidateId).json();
        assertThat(stored.get("profile").get("fullName").asString()).isEqualTo(name);
        assertThat(stored.get("profile").get("employment").get("pedagogicalExperienceYears").asInt()).isEqualTo(15);
        assertThat(stored.get("latestDecision").get("verdict").asString())
                .isEqualTo(imported.get("rows").get(0).get("verdict").asString());

        JsonNode again = upload(IMPORTS, "forma-copy.xlsx", file);
        assertThat(candidates()).isEqualTo(before + 2);
        assertThat(again.get("rows").get(0).get("status").asString()).isEqualTo("DUPLICATE");
        assertThat(again.get("rows").get(0).get("candidateId").asString()).isEqualTo(candidateId);
        assertThat(again.get("rows").get(1).get("status").asString()).isEqualTo("DUPLICATE");

        List<String> changed = Forms.candidate(name, "12.03.1979");
        changed.set(8, "п. 3.2.3 Положения: руководитель РМО");
        JsonNode renominated = upload(IMPORTS, "forma-2.xlsx", Forms.xlsx(Forms.form(List.of(changed))));
        assertThat(renominated.get("rows").get(0).get("status").asString()).isEqualTo("IMPORTED");
        String newId = renominated.get("rows").get(0).get("candidateId").asString();
        assertThat(newId).isNotEqualTo(candidateId);
        assertThat(api.get("/api/v1/candidates/" + newId).json().get("teacherId").asString())
                .isEqualTo(stored.get("teacherId").asString());
        assertThat(candidates()).isEqualTo(before + 3);
    }

    @Test
    void aWordTableIsReadLikeASheet() {
        List<String> row = Forms.candidate(unique("Фёдорова"), "07.07.1990");
        row.set(2, "высшее,\n2012 г.,\nТГПУ,\nучитель истории");
        JsonNode result = upload(IMPORTS + "&dryRun=true", "forma.docx", Forms.docx(Forms.form(List.of(row))));
        JsonNode first = result.get("rows").get(0);
        assertThat(first.get("row").asInt()).isEqualTo(3);
        assertThat(first.get("status").asString()).isEqualTo("IMPORTED");
        assertThat(first.get("problems").size()).as(first.toString()).isZero();
    }

    private static byte[] resource(String name) throws IOException {
        try (var in = CandidateImportTest.class.getResourceAsStream("/forms/" + name)) {
            return in.readAllBytes();
        }
    }

    /** Files written by hand (not by POI): a sheet with inline strings and a merged title, a Word table. */
    @Test
    void handMadeFormsAreRead() throws Exception {
        JsonNode sheet = upload(IMPORTS + "&dryRun=true", "hand-made.xlsx", resource("hand-made-ust-ishim.xlsx")).get("rows");
        assertThat(list(sheet)).extracting(r -> r.get("row").asInt()).containsExactly(6, 7);
        assertThat(list(sheet)).extracting(r -> r.get("status").asString()).containsExactly("IMPORTED", "IMPORTED");
        assertThat(sheet.get(0).get("problems").size()).as(sheet.get(0).toString()).isZero();
        assertThat(sheet.get(0).get("verdict").asString()).isEqualTo("ELIGIBLE");
        assertThat(list(sheet.get(1).get("problems"))).extracting(p -> p.get("cell").asString()).contains("C7");

        JsonNode word = upload(IMPORTS + "&dryRun=true", "hand-made.docx", resource("hand-made-ust-ishim.docx")).get("rows");
        assertThat(list(word)).extracting(r -> r.get("row").asInt()).containsExactly(3, 4);
        assertThat(word.get(0).get("verdict").asString()).isEqualTo("ELIGIBLE");

        Api.Response notAForm = api.upload(IMPORTS, new Api.Upload("not-a-form.xlsx", resource("not-a-form.xlsx")));
        assertThat(notAForm.status()).isEqualTo(400);
    }

    @Test
    void aRowWithoutANameIsRejectedAndHiddenRowsAreNotImported() {
        List<String> noName = Forms.candidate("", "12.03.1979");
        List<String> hidden = Forms.candidate(unique("Скрытая"), "12.03.1979");
        long before = candidates();
        byte[] file = Forms.xlsx(Forms.form(List.of(noName, hidden)), sheet -> sheet.getRow(5).setZeroHeight(true));
        JsonNode rows = upload(IMPORTS, "forma.xlsx", file).get("rows");
        assertThat(list(rows)).extracting(r -> r.get("status").asString()).containsExactly("REJECTED", "REJECTED");
        assertThat(rows.get(0).get("problems").get(0).get("cell").asString()).isEqualTo("B5");
        assertThat(rows.get(1).get("problems").get(0).get("message").asString()).contains("скрыта");
        assertThat(candidates()).isEqualTo(before);
    }

    @Test
    void formulasAreReadByTheirCachedValuesAndMergedCellsByTheirValue() {
        String a = unique("Формулова");
        String b = unique("Объединённая");
        byte[] file = Forms.xlsx(Forms.form(List.of(Forms.candidate("", "12.03.1979"), Forms.candidate(b, "12.03.1979"))), sheet -> {
            sheet.getRow(4).getCell(1).setCellFormula("\"" + a.split(" ")[0] + "\"&\" Мария Петровна\"");
            sheet.getRow(5).getCell(9).setCellValue("");
            sheet.addMergedRegion(new CellRangeAddress(4, 5, 9, 9));
            sheet.getWorkbook().getCreationHelper().createFormulaEvaluator().evaluateAll();
        });
        JsonNode rows = upload(IMPORTS + "&dryRun=true", "forma.xlsx", file).get("rows");
        assertThat(list(rows)).extracting(r -> r.get("status").asString()).containsExactly("IMPORTED", "IMPORTED");
        assertThat(rows.get(0).get("problems").size()).as(rows.toString()).isZero();
    }

    @Test
    void filesThatAreNotSuchFormsAreRefusedWithA400AndStoreNothing() throws Exception {
        long before = candidates();
        byte[] png = new byte[5 * 1024 * 1024];
        byte[] header = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        System.arraycopy(header, 0, png, 0, header.length);
        byte[] valid = Forms.xlsx(Forms.form(List.of(Forms.candidate(unique("Отказова"), "12.03.1979"))));
        List<Api.Upload> bad = List.of(
                new Api.Upload("notes.xlsx", "это просто текст, а не таблица".getBytes()),
                new Api.Upload("photo.xlsx", png),
                new Api.Upload("empty.xlsx", Forms.xlsx(List.of(List.of("Список"), List.of("Иванова", "12.03.1979")))),
                new Api.Upload("protected.xlsx", encrypted(valid)),
                new Api.Upload("bomb.xlsx", zipBomb(valid)),
                new Api.Upload("old.xls", oldFormat()),
                new Api.Upload("big.xlsx", Forms.xlsx(Forms.form(many(5000)))));
        for (Api.Upload upload : bad) {
            Api.Response response = api.upload(IMPORTS, upload);
            assertThat(response.status()).as(upload.filename() + ": " + response).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("detail").asString()).as(upload.filename()).matches("(?s).*[А-Яа-я].*");
        }
        assertThat(candidates()).isEqualTo(before);
    }

    private static List<List<String>> many(int n) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(Forms.candidate("Массовая Мария Петровна", "12.03.1979"));
        }
        return rows;
    }

    static byte[] encrypted(byte[] xlsx) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("пароль");
            try (OutputStream out = encryptor.getDataStream(fs)) {
                out.write(xlsx);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            fs.writeFilesystem(bytes);
            return bytes.toByteArray();
        }
    }

    static byte[] oldFormat() throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            fs.createDocument(new ByteArrayInputStream(new byte[4096]), "Workbook");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            fs.writeFilesystem(bytes);
            return bytes.toByteArray();
        }
    }

    /** The workbook with its sheet padded by 200 MB of spaces inside an XML comment: compresses to almost nothing. */
    static byte[] zipBomb(byte[] xlsx) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx)); ZipOutputStream out = new ZipOutputStream(bytes)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                byte[] content = in.readAllBytes();
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(content, java.nio.charset.StandardCharsets.UTF_8);
                    int at = xml.indexOf("?>") + 2;
                    out.write(xml.substring(0, at).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    out.write("<!--".getBytes());
                    byte[] spaces = new byte[1024 * 1024];
                    java.util.Arrays.fill(spaces, (byte) ' ');
                    for (int i = 0; i < 200; i++) {
                        out.write(spaces);
                    }
                    out.write("-->".getBytes());
                    out.write(xml.substring(at).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                } else {
                    out.write(content);
                }
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** The benchmark of the issue: a 1,000-row filled form read, decided and stored (the figure goes to BENCHMARKS.md). */
    @Test
    void aThousandRowFormIsReadDecidedAndStored() {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            rows.add(Forms.candidate(unique("Тысячная"), String.format("%02d.%02d.19%02d", 1 + i % 28, 1 + i % 12, 60 + i % 40)));
        }
        byte[] file = Forms.xlsx(Forms.form(rows));
        long before = candidates();
        try {
            long started = System.nanoTime();
            JsonNode result = upload(IMPORTS, "forma-1000.xlsx", file);
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.println("BENCHMARK candidate form import: 1000 rows (" + file.length / 1024 + " KB) read, decided and "
                    + "stored in " + millis + " ms");
            assertThat(result.get("rows").size()).isEqualTo(1000);
            assertThat(candidates()).isEqualTo(before + 1000);
        } finally {
            // a thousand more teachers would be a thousand more mentees for the other tests' mentoring runs
            sql("DELETE FROM candidate WHERE jurisdiction = 'ust-ishim' AND profile LIKE ?", "%Тысячная%");
            sql("DELETE FROM teacher WHERE jurisdiction = 'ust-ishim' AND profile LIKE ? AND NOT EXISTS "
                    + "(SELECT 1 FROM candidate c WHERE c.teacher_id = teacher.id)", "%Тысячная%");
        }
    }

    @Test
    void aFilledTemplateImportsWithoutAnyReadingProblem() throws Exception {
        Api.Download template = api.download("/api/v1/candidates/imports/template?jurisdiction=ust-ishim");
        assertThat(template.status()).isEqualTo(200);
        assertThat(template.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        byte[] filled;
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template.bytes()))) {
            assertThat(book.getSheet("Инструкция")).isNotNull();
            XSSFSheet form = book.getSheet("Форма");
            assertThat(form.getDataValidations()).hasSizeGreaterThan(10);
            XSSFRow titles = form.getRow(4);
            XSSFRow row = form.getRow(5);
            fill(titles, row, "Фамилия Имя Отчество", unique("Шаблонова"));
            fill(titles, row, "Дата (дд.мм.гггг)", "12.03.1979");
            fill(titles, row, "Образование 1: уровень", "высшее");
            fill(titles, row, "Образование 1: педагогическое", "да");
            fill(titles, row, "Образование 1: год окончания", 2007);
            fill(titles, row, "Образование 1: специальность, квалификация", "учитель математики");
            fill(titles, row, "Образование 1: организация", "ОмГПУ");
            fill(titles, row, "Обучение 1: вид", "повышение квалификации");
            fill(titles, row, "Обучение 1: программа", "Школа современного учителя математики");
            fill(titles, row, "Обучение 1: год", 2025);
            fill(titles, row, "Обучение 1: часов", 100);
            fill(titles, row, "Место работы: организация", "МБОУ «Аксёновская СОШ»");
            fill(titles, row, "Место работы: вид организации", "общеобразовательная организация");
            fill(titles, row, "Место работы: должность (вид)", "педагогический работник");
            fill(titles, row, "Место работы: квалификационная категория", "высшая");
            fill(titles, row, "Место работы: педагогический стаж, лет", 15);
            fill(titles, row, "Место работы: стаж по специальности, лет", 12);
            fill(titles, row, "Участие 1: вид", "районное предметное объединение");
            fill(titles, row, "Участие 1: роль", "руководитель");
            fill(titles, row, "Участие 1: уровень", "муниципальный");
            fill(titles, row, "Мобильный телефон", "89131234567");
            fill(titles, row, "E-mail", "teacher@mail.ru");
            fill(titles, row, "Достижение 1: конкурс", "Учитель года");
            fill(titles, row, "Достижение 1: уровень", "муниципальный");
            fill(titles, row, "Достижение 1: результат", "победитель");
            fill(titles, row, "Достижение 1: год", 2024);
            fill(titles, row, "Основание (пункт 3 Положения)", "п. 3.2.2");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            filled = out.toByteArray();
        }
        JsonNode rows = upload(IMPORTS + "&dryRun=true", "filled-template.xlsx", filled).get("rows");
        assertThat(rows.size()).isEqualTo(1);
        assertThat(rows.get(0).get("problems").size()).as(rows.toString()).isZero();
        assertThat(rows.get(0).get("status").asString()).isEqualTo("IMPORTED");
        assertThat(rows.get(0).get("verdict").asString()).isEqualTo("ELIGIBLE");
    }

    private static void fill(XSSFRow titles, XSSFRow row, String title, Object value) {
        for (int c = 0; c < titles.getLastCellNum(); c++) {
            if (titles.getCell(c) != null && titles.getCell(c).getStringCellValue().equals(title)) {
                if (value instanceof Integer n) {
                    row.getCell(c).setCellValue(n);
                } else {
                    row.getCell(c).setCellValue(String.valueOf(value));
                }
                return;
            }
        }
        throw new AssertionError("No template column " + title);
    }

    @Test
    void candidatesAndTheRegistryAreExportedInTheFormsLayoutAndTheExportIsLogged() throws Exception {
        String name = unique("Выгрузкина");
        JsonNode imported = upload(IMPORTS, "forma.xlsx", Forms.xlsx(Forms.form(List.of(Forms.candidate(name, "12.03.1979")))));
        String candidateId = imported.get("rows").get(0).get("candidateId").asString();
        Api.Response included = api.post("/api/v1/registry/ust-ishim/members", java.util.Map.of("candidateId", candidateId));
        assertThat(included.status()).as(included.toString()).isEqualTo(201);
        long exportsBefore = count("SELECT count(*) FROM personal_data_access WHERE action = 'EXPORT' AND record_id = ?",
                UUID.fromString(candidateId));

        Api.Download candidates = api.download("/api/v1/candidates/export.xlsx?jurisdiction=ust-ishim");
        assertThat(candidates.status()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(candidates.bytes()))) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).startsWith("Ф.И.О.");
            assertThat(sheet.getRow(2).getCell(10).getStringCellValue()).isEqualTo("Решение");
            boolean found = false;
            for (int r = 4; r <= sheet.getLastRowNum(); r++) {
                if (sheet.getRow(r).getCell(1).getStringCellValue().equals(name)) {
                    found = true;
                    assertThat(sheet.getRow(r).getCell(5).getStringCellValue()).contains("МБОУ «Аксёновская СОШ»")
                            .contains("высшая категория");
                    assertThat(sheet.getRow(r).getCell(10).getStringCellValue()).isEqualTo("соответствует требованиям");
                    assertThat(sheet.getRow(r).getCell(11).getStringCellValue()).isNotBlank();
                }
            }
            assertThat(found).isTrue();
        }
        assertThat(count("SELECT count(*) FROM personal_data_access WHERE action = 'EXPORT' AND record_id = ?",
                UUID.fromString(candidateId))).isEqualTo(exportsBefore + 1);

        Api.Download registry = api.download("/api/v1/registry/ust-ishim/export.xlsx");
        assertThat(registry.status()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(registry.bytes()))) {
            XSSFSheet sheet = book.getSheetAt(0);
            boolean found = false;
            for (int r = 4; r <= sheet.getLastRowNum(); r++) {
                found |= sheet.getRow(r).getCell(1).getStringCellValue().equals(name);
            }
            assertThat(found).isTrue();
        }
        assertThat(count("SELECT count(*) FROM personal_data_access WHERE action = 'EXPORT' AND record_kind = 'REGISTRY_MEMBER' AND record_id = ?",
                UUID.fromString(included.json().get("id").asString()))).isEqualTo(1);
    }
}
