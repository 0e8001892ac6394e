package ru.edu.decisions.rules.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.edu.decisions.model.Achievement;
import ru.edu.decisions.model.AchievementResult;
import ru.edu.decisions.model.Education;
import ru.edu.decisions.model.EducationLevel;
import ru.edu.decisions.model.Level;
import ru.edu.decisions.model.ReasonStatus;
import ru.edu.decisions.model.TeacherProfile;
import ru.edu.decisions.model.eligibility.Verdict;
import ru.edu.decisions.rules.engine.JurisdictionRules;
import ru.edu.decisions.rules.engine.RuleBase;
import ru.edu.decisions.rules.engine.RuleBaseCompilationException;
import ru.edu.decisions.rules.engine.RuleBaseSource;
import ru.edu.decisions.rules.engine.RuleFile;
import ru.edu.decisions.rules.engine.RuleSetCompiler;
import ru.edu.decisions.rules.engine.ShippedRuleBase;

/**
 * A jurisdiction's eligibility table as a policy officer meets it: the text form and the workbook form decide alike,
 * a wrong cell is reported by file, sheet (or table), row and column, the rule-code checks apply to what a table
 * generates, and a new jurisdiction needs nothing but a manifest and its table.
 */
class EligibilityTableTest {

    static final String CSV = "ust-ishim/" + EligibilityTable.FILE;
    static final String XLSX = "ust-ishim/" + EligibilityTable.WORKBOOK;

    static RuleBaseSource ustIshim() {
        return RuleBaseSource.fromDirectory(Path.of(".")).only("ust-ishim");
    }

    static String table() {
        return ustIshim().files().stream().filter(f -> f.path().equals(CSV)).findFirst().orElseThrow().text();
    }

    /** The source with the text table replaced by {@code table} (a file of another name: added, the text one removed). */
    static RuleBaseSource withTable(RuleFile table) {
        List<RuleFile> files = new ArrayList<>(ustIshim().files().stream().filter(f -> !f.path().equals(CSV)).toList());
        files.add(table);
        return new RuleBaseSource("проверка таблицы", files);
    }

    static RuleBaseCompilationException refused(RuleBaseSource source) {
        try {
            new RuleSetCompiler(ShippedRuleBase.CLOCK).compile(source);
        } catch (RuleBaseCompilationException e) {
            return e;
        }
        throw new AssertionError("the rule base compiled");
    }

    /** The text table as a workbook: each «Таблица;…» block a sheet of that name, its rows from the first row on. */
    static byte[] workbook(String text, String sheetName, int row, int column, String value) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = null;
            int r = 0;
            for (String[] cells : EligibilityTable.csvLines(text)) {
                if (cells == null || String.join("", cells).isBlank()) {
                    continue;
                }
                if (cells[0].equals("Таблица")) {
                    sheet = workbook.createSheet(cells[1]);
                    r = 0;
                    continue;
                }
                Row created = sheet.createRow(r);
                for (int c = 0; c < cells.length; c++) {
                    boolean replaced = sheet.getSheetName().equals(sheetName) && r + 1 == row && c == column;
                    if (replaced || !cells[c].isEmpty()) {
                        created.createCell(c).setCellValue(replaced ? value : cells[c]);
                    }
                }
                r++;
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void theWorkbookFormOfTheTableDecidesAsTheTextForm() throws IOException {
        byte[] xlsx = workbook(table(), "", 0, 0, "");
        RuleBase fromWorkbook = new RuleSetCompiler(ShippedRuleBase.CLOCK).compile(withTable(new RuleFile(XLSX, xlsx)));
        JurisdictionRules rules = fromWorkbook.jurisdiction("ust-ishim").orElseThrow();

        ScenarioCheck.Result result = ScenarioCheck.eligibility(rules, "ust-ishim/scenarios/eligibility.csv",
                Files.readString(Path.of("ust-ishim/scenarios/eligibility.csv")));

        assertThat(result.rows()).isGreaterThan(40);
        assertThat(result.failures()).isEmpty();
        assertThat(rules.files()).contains(XLSX).doesNotContain(CSV);
    }

    @Test
    void aWrongCellOfTheWorkbookIsReportedBySheetRowAndColumn() throws IOException {
        // Row 3 of «Признаки по записям» is the commission ground; column D (the fourth) lists the kinds that count.
        byte[] xlsx = workbook(table(), "Признаки по записям", 3, 3, "предметная комиссия ВсОШ, комиссия по шахматам");

        RuleBaseCompilationException e = refused(withTable(new RuleFile(XLSX, xlsx)));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(XLSX);
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).startsWith("лист \"Признаки по записям\", строка 3, столбец D: ")
                    .contains("«комиссия по шахматам» не распознано").contains("«предметная комиссия ГИА»");
        });
        assertThat(e.getMessage()).contains("ust-ishim/eligibility-table.xlsx").contains("лист \"Признаки по записям\", строка 3, столбец D");
    }

    @Test
    void aWrongCellOfTheTextIsReportedByTableRowAndColumn() {
        String text = table();
        List<String> lines = text.lines().toList();
        int row = lines.indexOf(lines.stream().filter(l -> l.startsWith("основание;ust-ishim:3.2.4;")).findFirst().orElseThrow()) + 1;
        String broken = text.replace("основание;ust-ishim:3.2.4;", "основа;ust-ishim:3.2.4;");

        RuleBaseCompilationException e = refused(withTable(new RuleFile(CSV, broken.getBytes(StandardCharsets.UTF_8))));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(CSV);
            assertThat(p.line()).isEqualTo(row);
            assertThat(p.message()).isEqualTo("таблица \"Требования и основания\", строка " + row
                    + ", столбец A: вид «основа» не распознан: пишите «требование» или «основание»");
        });
    }

    @Test
    void aGroundNeedingAFactNoSheetDefinesIsReportedAtItsCell() {
        String broken = table().replace(";сотрудник ИМЦ;", ";сотрудник ИМЦ + член жюри;");

        RuleBaseCompilationException e = refused(withTable(new RuleFile(CSV, broken.getBytes(StandardCharsets.UTF_8))));

        assertThat(e.problems()).anySatisfy(p -> assertThat(p.message())
                .matches("таблица \"Требования и основания\", строка \\d+, столбец D: признак «член жюри» не определён.*"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p.message())
                .matches("таблица \"Требования и основания\", строка \\d+, столбец E: признаков несколько — назовите их совокупность.*"));
    }

    @Test
    void theRuleCodeChecksApplyToWhatATableGeneratesAndPointAtTheCell() {
        String text = table();
        String line = text.lines().filter(l -> l.startsWith("высокий результат экспертной оценки;")).findFirst().orElseThrow();
        int row = text.lines().toList().indexOf(line) + 1;
        // An explanation cell that tries to smuggle a quote in as an escape: the generated rules are refused, at the cell.
        String broken = text.replace(line, line.replace(";нет;;Не указан вид", ";нет;\\u0022 + System.getenv() + \\u0022;Не указан вид"));
        assertThat(broken).isNotEqualTo(text);

        RuleBaseCompilationException e = refused(withTable(new RuleFile(CSV, broken.getBytes(StandardCharsets.UTF_8))));

        assertThat(e.problems()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.file()).isEqualTo(CSV);
            assertThat(p.line()).isEqualTo(row);
            assertThat(p.message()).startsWith("таблица \"Признаки по записям\", строка " + row + ", столбец I: ");
        });
        assertThat(e.problems()).anySatisfy(p -> assertThat(p.message()).contains("\\u"));
    }

    @Test
    void aNewJurisdictionIsAManifestAndATable(@TempDir Path root) throws IOException {
        Path common = root.resolve("common");
        Files.createDirectories(common);
        for (String name : List.of("eligibility.drl", "eligibility-facts.drl", "eligibility-entries.drt")) {
            Files.copy(Path.of("common", name), common.resolve(name));
        }
        Path folder = Files.createDirectories(root.resolve("novaya"));
        Files.writeString(folder.resolve("manifest.yaml"), """
                code: novaya
                name: Новый муниципальный район
                regulation:
                  title: Положение о муниципальном методическом активе Нового района
                ruleSetVersion: "2027.1"
                parameters:
                  minSpecialtyYears:
                    value: 3
                    description: Минимальный стаж работы по специальности, лет
                """);
        Files.writeString(folder.resolve(EligibilityTable.FILE), """
                # Новый район: одно требование и одно основание.
                Таблица;Требования и основания
                Вид;Пункт;Название;Признаки;Название совокупности
                требование;novaya:2;Требование п. 2: педагогическое образование и стаж не менее установленного;педагогическое образование + стаж работы по специальности не меньше минимума;образование и стаж
                основание;novaya:2.1;Основание 2.1: победители региональных конкурсов;победитель регионального конкурса;

                Таблица;Признаки по записям
                Признак;Пункт;Сведения;Вид;Роль;Результат;Уровень;Запись без вида может подойти;Пояснение «да»;Пояснение «неизвестно»;Пояснение «нет»;«Нет» называет записи видов
                победитель регионального конкурса;novaya:2.1;достижения;;;победитель;региональный, федеральный;;Победа:;Не указан результат или уровень:;Нет побед в региональных конкурсах;все

                Таблица;Общие признаки
                Признак;Пункт;Уточнение к пояснению
                педагогическое образование;novaya:2;
                стаж работы по специальности;novaya:2;
                стаж работы по специальности не меньше минимума;novaya:2;
                """);

        EligibilityRules rules = new RuleSetCompiler(ShippedRuleBase.CLOCK).compile(RuleBaseSource.fromDirectory(root))
                .jurisdiction("novaya").orElseThrow().decision(EligibilityRules.class).orElseThrow();
        LocalDate asOf = LocalDate.of(2027, 3, 1);

        EligibilityOutcome winner = rules.evaluate(candidate(3, Level.REGIONAL, AchievementResult.WINNER), asOf);
        assertThat(winner.verdict()).isEqualTo(Verdict.ELIGIBLE);
        assertThat(winner.grounds()).containsExactly("novaya:2.1");
        assertThat(winner.reasons()).anySatisfy(r -> {
            assertThat(r.code()).isEqualTo("novaya:2");
            assertThat(r.status()).isEqualTo(ReasonStatus.MET);
            assertThat(r.message()).contains("Стаж работы по специальности 3 года — требуется не менее 3");
        });
        assertThat(winner.facts()).anySatisfy(f -> {
            assertThat(f.name()).isEqualTo("победитель регионального конкурса");
            assertThat(f.message()).startsWith("Победа: «Учитель года» 2026 г.: победитель, уровень региональный");
            assertThat(f.clause()).isEqualTo("novaya:2.1");
        });
        assertThat(rules.evaluate(candidate(2, Level.REGIONAL, AchievementResult.WINNER), asOf).verdict()).isEqualTo(Verdict.NOT_ELIGIBLE);
        assertThat(rules.evaluate(candidate(5, Level.MUNICIPAL, AchievementResult.WINNER), asOf).verdict()).isEqualTo(Verdict.NOT_ELIGIBLE);
        EligibilityOutcome open = rules.evaluate(candidate(5, Level.REGIONAL, null), asOf);
        assertThat(open.verdict()).isEqualTo(Verdict.INSUFFICIENT_DATA);
        assertThat(open.missing()).containsExactly("achievements[0].result");
    }

    private static TeacherProfile candidate(int years, Level level, AchievementResult result) {
        return new TeacherProfile(null, "Новикова Анна", null,
                List.of(new Education(EducationLevel.HIGHER, true, 2015, "Математика", "ГПУ")), List.of(),
                new ru.edu.decisions.model.Employment("Школа № 1", ru.edu.decisions.model.OrganizationKind.SCHOOL,
                        ru.edu.decisions.model.Position.TEACHER, "учитель", true, null, years, years, List.of("математика")),
                List.of(), List.of(new Achievement("Учитель года", level, result, 2026)), List.of(), null, null, null, null);
    }
}
