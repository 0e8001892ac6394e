package ru.edu.decisions.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import ru.edu.decisions.tests.support.Api;
import ru.edu.decisions.tests.support.EndToEndTest;
import tools.jackson.databind.JsonNode;

/**
 * Kuznetsk's indicators (contract: «Indicators of the methodological service») from the stored workflow over HTTP on
 * PostgreSQL: teachers, diagnostics, routes and their progress and the entered values are recorded through the API,
 * then the figures, the people and schools behind them and the breakdown by school are read back. The jurisdiction's
 * database is shared with other tests, so every figure is checked as the change this test's own records make to it
 * (the figures before, plus what these records add), and the lists are checked for these records by id.
 */
class IndicatorApiTest extends EndToEndTest {

    private static final String PERIOD = "jurisdiction=kuznetsk&from=2026-09-01&to=2027-05-31";

    private String teacher(String name, String school, String position, String birthDate, int years) {
        Map<String, Object> employment = new LinkedHashMap<>();
        employment.put("organization", school);
        employment.put("position", position);
        employment.put("pedagogicalExperienceYears", years);
        Api.Response created = api.post("/api/v1/teachers", Map.of("jurisdiction", "kuznetsk",
                "teacher", Map.of("fullName", name, "birthDate", birthDate, "employment", employment),
                "school", Map.of("name", school)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private JsonNode diagnose(String teacher, int score) {
        Api.Response created = api.post("/api/v1/teachers/" + teacher + "/diagnostics", Map.of("asOf", "2026-10-05",
                "diagnostics", Map.of("date", "2026-10-05", "scores", Map.of("METHODICAL", score, "DIGITAL", score))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private Map<String, JsonNode> figures(String query) {
        Api.Response response = api.get("/api/v1/indicators?" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        Map<String, JsonNode> byCode = new LinkedHashMap<>();
        response.json().get("indicators").forEach(i -> byCode.put(i.get("code").asString(), i));
        return byCode;
    }

    private static int number(JsonNode indicator, String field) {
        return indicator.get(field).isNull() ? -1 : indicator.get(field).asInt();
    }

    private List<String> subjects(String code, String part, String query) {
        Api.Response response = api.get("/api/v1/indicators/" + code + "/subjects?" + query + "&part=" + part + "&size=1000");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().get("subjects").forEach(s -> ids.add(s.get("id").asString()));
        return ids;
    }

    @Test
    void theFiguresCountTheRecordedWorkflowAndTheEnteredValuesAndNameWhomTheyCount() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String school1 = "МБОУ СОШ № 1 г. Кузнецка " + tag;
        String school2 = "МБОУ СОШ № 2 г. Кузнецка " + tag;
        Map<String, JsonNode> before = figures(PERIOD);
        assertThat(before.keySet()).containsExactly("kuznetsk:4.1.1.1", "kuznetsk:4.1.2.1", "kuznetsk:4.1.2.2",
                "kuznetsk:4.1.2.3", "kuznetsk:4.1.2.4", "kuznetsk:4.1.2.5", "kuznetsk:4.1.2.6", "kuznetsk:4.1.3.1",
                "kuznetsk:4.1.3.2", "kuznetsk:4.1.3.3", "kuznetsk:4.1.3.4", "kuznetsk:4.1.3.5", "kuznetsk:4.1.3.6",
                "kuznetsk:4.1.4.1");

        // A: teacher, severe deficit → a route with a Federal-registry course, done with evidence, then the whole route.
        String a = teacher("Аверина Анна " + tag, school1, "TEACHER", "1980-03-01", 20);
        JsonNode route = diagnose(a, 30);
        String path = "/api/v1/teachers/" + a + "/routes/" + route.get("id").asString();
        List<JsonNode> items = new ArrayList<>();
        route.get("items").forEach(items::add);
        assertThat(items).anySatisfy(i -> {
            assertThat(i.get("type").asString()).isEqualTo("COURSE");
            assertThat(i.get("federalRegistry").asBoolean()).isTrue();
        });
        for (int n = 1; n <= items.size(); n++) {
            assertThat(api.post(path + "/items/" + n + "/progress", Map.of("status", "IN_PROGRESS")).status()).isEqualTo(200);
            Api.Response done = api.post(path + "/items/" + n + "/progress", Map.of("status", "DONE", "evidence", "удостоверение № " + n));
            assertThat(done.status()).as(done.toString()).isEqualTo(200);
        }
        assertThat(api.get(path).json().get("status").asString()).isEqualTo("COMPLETED");
        // B: teacher, no deficits → diagnosed, but the route is empty (no route developed).
        String b = teacher("Белова Вера " + tag, school1, "TEACHER", "1975-05-05", 25);
        assertThat(diagnose(b, 95).get("status").asString()).isEqualTo("EMPTY");
        // C: a young specialist (26 years, 1 year of experience), nothing else.
        String c = teacher("Власова Галина " + tag, school1, "TEACHER", "2000-01-01", 1);
        // D: head of school 2, diagnosed with a route (management).
        String d = teacher("Григорьев Денис " + tag, school2, "HEAD", "1970-07-07", 30);
        assertThat(diagnose(d, 30).get("status").asString()).isEqualTo("ACTIVE");
        // E: teacher of school 2 with the status of a regional methodist since 15.09.2026.
        String e = teacher("Дмитриева Елена " + tag, school2, "TEACHER", "1985-08-08", 15);
        Api.Response methodist = api.put("/api/v1/indicators/entries/regional-methodists/" + e,
                Map.of("since", "2026-09-15", "document", "приказ ИРО № 5"));
        assertThat(methodist.status()).as(methodist.toString()).isEqualTo(200);
        assertThat(methodist.json().get("enteredBy").asString()).isEqualTo("e2e-methodist");

        assertThat(api.post("/api/v1/indicators/entries/road-maps", Map.of("jurisdiction", "kuznetsk", "number", "77-" + tag,
                "date", "2026-08-28")).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/indicators/entries/surveys", Map.of("jurisdiction", "kuznetsk", "date", "2027-05-30",
                "resultPercent", 82.5, "respondents", 140)).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/indicators/entries/management-teams", Map.of("jurisdiction", "kuznetsk", "school", school1,
                "programme", "Управленческая команда школы", "date", "2026-11-01")).status()).isEqualTo(201);
        assertThat(api.put("/api/v1/indicators/entries/schools", Map.of("jurisdiction", "kuznetsk", "school", school2,
                "since", "2026-10-01")).status()).isEqualTo(200);

        Map<String, JsonNode> after = figures(PERIOD);
        // code → {numerator added, denominator added}: pedagogical workers A B C E, management D.
        Map<String, int[]> added = new LinkedHashMap<>();
        added.put("kuznetsk:4.1.2.1", new int[] {2, 4});   // A, B diagnosed
        added.put("kuznetsk:4.1.2.2", new int[] {1, 1});   // D diagnosed
        added.put("kuznetsk:4.1.2.3", new int[] {1, 4});   // A's Federal-registry course
        added.put("kuznetsk:4.1.2.4", new int[] {1, 4});   // A's route (B's is empty)
        added.put("kuznetsk:4.1.2.5", new int[] {1, 1});   // D's route
        added.put("kuznetsk:4.1.3.1", new int[] {1, 4});   // E
        added.put("kuznetsk:4.1.3.2", new int[] {4, 1});   // 4 pedagogical workers, 1 methodist
        added.put("kuznetsk:4.1.3.3", new int[] {1, 4});
        added.put("kuznetsk:4.1.3.4", new int[] {1, 1});   // A completed of A
        added.put("kuznetsk:4.1.3.5", new int[] {1, 2});   // school 2 marked, of schools 1 and 2
        added.put("kuznetsk:4.1.3.6", new int[] {0, 1});   // C young, no support
        added.forEach((code, delta) -> {
            assertThat(number(after.get(code), "numerator")).as("числитель %s", code)
                    .isEqualTo(number(before.get(code), "numerator") + delta[0]);
            assertThat(number(after.get(code), "denominator")).as("знаменатель %s", code)
                    .isEqualTo(number(before.get(code), "denominator") + delta[1]);
        });
        assertThat(number(after.get("kuznetsk:4.1.2.6"), "numerator")).isEqualTo(number(before.get("kuznetsk:4.1.2.6"), "numerator") + 1);
        assertThat(after.get("kuznetsk:4.1.2.6").get("denominator").isNull()).isTrue();
        // Every share is 100 × numerator / denominator to one decimal, the ratio numerator / denominator.
        after.values().forEach(i -> {
            String kind = i.get("kind").asString();
            if (kind.equals("SHARE") || kind.equals("RATIO")) {
                int den = i.get("denominator").asInt();
                BigDecimal expected = den == 0 ? null : BigDecimal.valueOf((kind.equals("SHARE") ? 100L : 1L) * i.get("numerator").asInt())
                        .divide(BigDecimal.valueOf(den), 1, RoundingMode.HALF_UP);
                if (expected == null) {
                    assertThat(i.get("value").isNull()).as(i.toString()).isTrue();
                } else {
                    assertThat(i.get("value").decimalValue()).as(i.toString()).isEqualByComparingTo(expected);
                }
            }
        });
        assertThat(after.get("kuznetsk:4.1.2.1").get("title").asString())
                .isEqualTo("Доля педагогических работников, прошедших диагностику профессиональных компетенций");
        assertThat(after.get("kuznetsk:4.1.2.1").get("unit").asString()).isEqualTo("%");
        assertThat(after.get("kuznetsk:4.1.2.1").get("clause").asString()).isEqualTo("kuznetsk:4.1.2");
        assertThat(after.get("kuznetsk:4.1.1.1").get("kind").asString()).isEqualTo("YES_NO");
        assertThat(after.get("kuznetsk:4.1.1.1").get("value").asInt()).isEqualTo(1);
        assertThat(after.get("kuznetsk:4.1.4.1").get("value").decimalValue()).isEqualByComparingTo("82.5");
        assertThat(after.get("kuznetsk:4.1.4.1").get("note").asString()).isEqualTo("Опрос от 30.05.2027, ответили 140");

        // The people behind the figures.
        assertThat(subjects("kuznetsk:4.1.2.1", "NUMERATOR", PERIOD)).contains(a, b).doesNotContain(c, d, e);
        assertThat(subjects("kuznetsk:4.1.2.1", "DENOMINATOR", PERIOD)).contains(a, b, c, e).doesNotContain(d);
        assertThat(subjects("kuznetsk:4.1.2.3", "NUMERATOR", PERIOD)).contains(a).doesNotContain(b, c, d, e);
        assertThat(subjects("kuznetsk:4.1.3.2", "DENOMINATOR", PERIOD)).contains(e).doesNotContain(a, b, c, d);
        assertThat(subjects("kuznetsk:4.1.3.6", "DENOMINATOR", PERIOD)).contains(c).doesNotContain(a, b, d, e);
        assertThat(subjects("kuznetsk:4.1.3.5", "NUMERATOR", PERIOD)).contains(school2).doesNotContain(school1);
        JsonNode list = api.get("/api/v1/indicators/kuznetsk:4.1.2.2/subjects?" + PERIOD + "&part=NUMERATOR&size=1000").json();
        assertThat(list.get("reading").asString()).isEqualTo("управленческие кадры, прошедшие диагностику");
        JsonNode head = null;
        for (JsonNode s : list.get("subjects")) {
            head = s.get("id").asString().equals(d) ? s : head;
        }
        assertThat(head).isNotNull();
        assertThat(head.get("fullName").asString()).isEqualTo("Григорьев Денис " + tag);
        assertThat(head.get("school").asString()).isEqualTo(school2);
        // The names read are in the personal-data access log.
        JsonNode log = admin.get("/api/v1/admin/personal-data-access?recordId=" + d).json();
        assertThat(log.get("items")).anySatisfy(entry -> {
            assertThat(entry.get("actor").asString()).isEqualTo("e2e-methodist");
            assertThat(entry.get("recordKind").asString()).isEqualTo("TEACHER");
        });

        // By school: school 1 has A, B, C (A and B diagnosed).
        JsonNode schools = api.get("/api/v1/indicators/schools?" + PERIOD).json();
        Map<String, JsonNode> row = new HashMap<>();
        schools.get("schools").forEach(s -> {
            if (s.get("school").asString().equals(school1)) {
                s.get("figures").forEach(f -> row.put(f.get("code").asString(), f));
            }
        });
        assertThat(row.get("kuznetsk:4.1.2.1").get("numerator").asInt()).isEqualTo(2);
        assertThat(row.get("kuznetsk:4.1.2.1").get("denominator").asInt()).isEqualTo(3);
        assertThat(row.get("kuznetsk:4.1.2.1").get("value").decimalValue()).isEqualByComparingTo("66.7");
        assertThat(row.get("kuznetsk:4.1.2.6").get("numerator").asInt()).isEqualTo(1);

        // The trend: one value per month of the school year; A's course was done today, so it counts from this month.
        JsonNode trend = api.get("/api/v1/indicators/trend?" + PERIOD).json();
        assertThat(trend.get("months").size()).isEqualTo(9);
        assertThat(trend.get("months").get(0).asString()).isEqualTo("2026-09");
    }

    /** The definitions are rules a policy officer drafts like any other: a changed one compiles, a broken one is refused. */
    @Test
    void aPolicyEditorDraftsAChangeOfTheIndicatorRules() {
        Api editor = user("indicators-policy-editor", List.of("POLICY_EDITOR"), List.of("kuznetsk"));
        String rules = editor.get("/api/v1/rulesets/kuznetsk/files").json().get("files").get("indicators.drl").asString();
        assertThat(rules).contains("\"kuznetsk:4.1.2.1\"");
        Api.Response changed = editor.post("/api/v1/rulesets/kuznetsk/drafts", Map.of("files", Map.of("indicators.drl",
                rules.replace("Доля педагогических работников, прошедших диагностику профессиональных компетенций",
                        "Доля педагогических работников, прошедших диагностику профессиональных компетенций (проект)")),
                "comment", "уточнение названия"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(201);
        assertThat(changed.json().get("compiles").asBoolean()).as(changed.toString()).isTrue();
        Api.Response broken = editor.post("/api/v1/rulesets/kuznetsk/drafts", Map.of("files", Map.of("indicators.drl",
                rules.replace("insertLogical( teacher( \"педагогический работник с ИОМ\", $id ) );", "insertLogical( teacher( ;")),
                "comment", "ошибка"));
        assertThat(broken.status()).as(broken.toString()).isEqualTo(201);
        assertThat(broken.json().get("compiles").asBoolean()).isFalse();
        assertThat(broken.json().get("problems").get(0).get("file").asString()).isEqualTo("kuznetsk/indicators.drl");
        for (Api.Response draft : List.of(changed, broken)) {
            assertThat(editor.post("/api/v1/rulesets/kuznetsk/drafts/" + draft.json().get("id").asString() + "/withdrawal")
                    .status()).isEqualTo(200);
        }
    }

    @Test
    void aPeriodWithoutRoutesHasAZeroDenominatorAndNoValue() {
        Map<String, JsonNode> figures = figures("jurisdiction=kuznetsk&from=1990-09-01&to=1991-05-31");
        JsonNode completed = figures.get("kuznetsk:4.1.3.4");
        assertThat(completed.get("numerator").asInt()).isZero();
        assertThat(completed.get("denominator").asInt()).isZero();
        assertThat(completed.get("value").isNull()).isTrue();
        assertThat(figures.get("kuznetsk:4.1.4.1").get("value").isNull()).isTrue();
        assertThat(figures.get("kuznetsk:4.1.1.1").get("value").asInt()).isZero();
    }

    @Test
    void aFrozenReportStaysAsFiledWhenTheDataChangeAndItsExcelHasTheRegulationsWording() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String period = "jurisdiction=kuznetsk&from=2026-09-01&to=2027-05-31";
        String teacher = teacher("Снимкова Ольга " + tag, "МБОУ СОШ № 3 г. Кузнецка " + tag, "TEACHER", "1981-01-01", 10);
        Api.Response frozen = api.post("/api/v1/indicators/snapshots", Map.of("jurisdiction", "kuznetsk",
                "from", "2026-09-01", "to", "2027-05-31", "note", "отчёт за I полугодие"));
        assertThat(frozen.status()).as(frozen.toString()).isEqualTo(201);
        String id = frozen.json().get("snapshot").get("id").asString();
        int filed = frozen.json().get("figures").get("indicators").get(1).get("numerator").asInt();

        diagnose(teacher, 95);

        assertThat(figures(period).get("kuznetsk:4.1.2.1").get("numerator").asInt()).isEqualTo(filed + 1);
        JsonNode snapshot = api.get("/api/v1/indicators/snapshots/" + id).json();
        assertThat(snapshot.get("figures").get("indicators").get(1).get("code").asString()).isEqualTo("kuznetsk:4.1.2.1");
        assertThat(snapshot.get("figures").get("indicators").get(1).get("numerator").asInt()).isEqualTo(filed);
        assertThat(snapshot.get("snapshot").get("createdBy").asString()).isEqualTo("e2e-methodist");
        assertThat(snapshot.get("snapshot").get("note").asString()).isEqualTo("отчёт за I полугодие");
        assertThat(api.get("/api/v1/indicators/snapshots?jurisdiction=kuznetsk").json())
                .anySatisfy(s -> assertThat(s.get("id").asString()).isEqualTo(id));

        Api.Download report = api.download("/api/v1/indicators/report.xlsx?" + period);
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(report.bytes()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("Отчёт о показателях эффективности деятельности муниципальной методической службы");
            assertThat(sheet.getRow(4).getCell(1).getStringCellValue()).isEqualTo("Показатель");
            assertThat(sheet.getRow(6).getCell(0).getStringCellValue()).isEqualTo("4.1.2.1");
            assertThat(sheet.getRow(6).getCell(1).getStringCellValue())
                    .isEqualTo("Доля педагогических работников, прошедших диагностику профессиональных компетенций");
            assertThat(sheet.getRow(6).getCell(2).getStringCellValue()).isEqualTo("п. 4.1.2");
            assertThat(sheet.getRow(6).getCell(5).getStringCellValue()).isEqualTo(String.valueOf(filed + 1));
        }
        Api.Download filedReport = api.download("/api/v1/indicators/snapshots/" + id + "/report.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(filedReport.bytes()))) {
            assertThat(book.getSheetAt(0).getRow(6).getCell(5).getStringCellValue()).isEqualTo(String.valueOf(filed));
        }
    }

    @Test
    void enteredValuesAreCheckedAndOnlyTheJurisdictionsStaffSeeTheFigures() {
        Api.Response bad = api.post("/api/v1/indicators/entries/surveys", Map.of("jurisdiction", "kuznetsk", "date", "2026-12-01",
                "resultPercent", 120, "respondents", 0));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("resultPercent").contains("respondents");
        Api.Response reversed = api.get("/api/v1/indicators?jurisdiction=kuznetsk&from=2027-05-31&to=2026-09-01");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.body()).contains("раньше даты начала");
        Api.Response unknownPart = api.get("/api/v1/indicators/kuznetsk:4.1.2.1/subjects?" + PERIOD + "&part=ALL");
        assertThat(unknownPart.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/indicators/kuznetsk:9.9.9/subjects?" + PERIOD + "&part=NUMERATOR").status()).isEqualTo(404);
        // Ust-Ishim's regulation sets no indicators.
        Api.Response none = api.get("/api/v1/indicators?jurisdiction=ust-ishim");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.body()).contains("не определены показатели");

        Api other = user("indicators-turochak", List.of("IMC_STAFF"), List.of("turochak"));
        assertThat(other.get("/api/v1/indicators?" + PERIOD).status()).isEqualTo(404);
        assertThat(other.post("/api/v1/indicators/entries/road-maps", Map.of("jurisdiction", "kuznetsk", "number", "1",
                "date", "2026-09-01")).status()).isEqualTo(403);
        assertThat(system.get("/api/v1/indicators?" + PERIOD).status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/indicators?" + PERIOD).status()).isEqualTo(200);
        Api editor = user("indicators-editor", List.of("POLICY_EDITOR"), List.of("kuznetsk"));
        assertThat(editor.get("/api/v1/indicators?" + PERIOD).status()).isEqualTo(403);
    }
}
