package ru.edu.decisions.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.edu.decisions.tests.EligibilityApiTest.list;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.edu.decisions.tests.support.Api;
import ru.edu.decisions.tests.support.EndToEndTest;
import ru.edu.decisions.tests.support.Profile;
import tools.jackson.databind.JsonNode;

/**
 * A policy officer changes a rule file: a broken edit is rejected with file and line while the old rules keep
 * serving; a good edit is reloaded, stored candidates are decided again, and the verdicts and the recorded
 * rule-set version change.
 */
class RuleChangeTest extends EndToEndTest {

    private static final Path RULES = copyOfShippedRules();

    @DynamicPropertySource
    static void ownRuleDirectory(DynamicPropertyRegistry registry) {
        registry.add("decisions.rules-dir", RULES::toString);
    }

    @Test
    void submitIncludeChangeRuleReloadReevaluateAndTheVerdictAndVersionChange() throws Exception {
        // Versions published through the API take precedence over the rule directory: other tests may have left
        // some for Ust-Ishim in the shared database, so they are rolled back first and the directory is in effect.
        Api approver = user("rule-change-approver", List.of("POLICY_APPROVER"), List.of("ust-ishim"));
        for (int i = 0; i < 100 && approver.post("/api/v1/rulesets/ust-ishim/rollback").status() == 200; i++) {
            // roll back the next publication
        }
        assertThat(approver.post("/api/v1/rulesets/ust-ishim/rollback").status()).isEqualTo(409);

        // A candidate with four years in the specialty is not eligible under the shipped rules (five years).
        Map<String, Object> profile = Profile.qualifiedTeacher("Семёнова Татьяна").employment("specialtyExperienceYears", 4)
                .membership("GIA_COMMISSION", "MEMBER", "MUNICIPAL", "ОГЭ, русский язык").build();
        Api.Response submitted = api.post("/api/v1/candidates", Map.of("jurisdiction", "ust-ishim", "candidate", profile));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        String id = submitted.json().get("id").asString();
        String oldVersion = submitted.json().get("latestDecision").get("ruleSet").get("version").asString();
        assertThat(submitted.json().get("latestDecision").get("verdict").asString()).isEqualTo("NOT_ELIGIBLE");
        assertThat(api.post("/api/v1/registry/ust-ishim/members", Map.of("candidateId", id)).status()).isEqualTo(409);

        // A broken edit: the reload is refused with the file and the line, the old rules keep answering.
        Path drl = RULES.resolve("ust-ishim/eligibility-table.csv");
        String original = Files.readString(drl);
        List<String> lines = Files.readAllLines(drl);
        int brokenLine = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("основание;ust-ishim:3.2.1;")) {
                lines.set(i, lines.get(i).replace("основание;", "основаниие;"));
                brokenLine = i + 1;
                break;
            }
        }
        assertThat(brokenLine).isPositive();
        Files.write(drl, lines, StandardCharsets.UTF_8);

        Api.Response rejected = admin.post("/api/v1/admin/rules/reload");
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(422);
        JsonNode problem = rejected.json().get("problems").get(0);
        assertThat(problem.get("file").asString()).isEqualTo("ust-ishim/eligibility-table.csv");
        assertThat(problem.get("line").asInt()).isEqualTo(brokenLine);
        assertThat(rejected.json().get("detail").asString()).contains("ust-ishim/eligibility-table.csv").contains("действуют прежние правила");
        JsonNode stillServing = system.post("/api/v1/eligibility/decisions", Map.of("jurisdiction", "ust-ishim", "candidate", profile)).json();
        assertThat(stillServing.get("ruleSet").get("version").asString()).isEqualTo(oldVersion);
        assertThat(stillServing.get("verdict").asString()).isEqualTo("NOT_ELIGIBLE");

        // A good edit: the minimum experience becomes four years in a new rule-set version.
        Files.writeString(drl, original, StandardCharsets.UTF_8);
        Path manifest = RULES.resolve("ust-ishim/manifest.yaml");
        String yaml = Files.readString(manifest);
        assertThat(yaml).contains("ruleSetVersion: \"2023.1\"").contains("value: 5");
        Files.writeString(manifest, yaml.replace("ruleSetVersion: \"2023.1\"", "ruleSetVersion: \"2023.2\"")
                .replaceFirst("value: 5", "value: 4"), StandardCharsets.UTF_8);

        Api.Response reloaded = admin.post("/api/v1/admin/rules/reload");
        assertThat(reloaded.status()).as(reloaded.toString()).isEqualTo(200);
        String newVersion = list(reloaded.json().get("ruleSets")).stream()
                .filter(r -> r.get("id").asString().equals("ust-ishim")).findFirst().orElseThrow().get("version").asString();
        assertThat(newVersion).startsWith("2023.2+").isNotEqualTo(oldVersion);

        JsonNode reevaluation = api.post("/api/v1/candidates/evaluations?jurisdiction=ust-ishim&asOf=2026-11-23").json();
        assertThat(reevaluation.get("ruleSetVersion").asString()).isEqualTo(newVersion);
        assertThat(reevaluation.get("evaluated").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(reevaluation.get("changed").asInt()).isGreaterThanOrEqualTo(1);

        JsonNode details = api.get("/api/v1/candidates/" + id).json();
        assertThat(details.get("latestDecision").get("verdict").asString()).isEqualTo("ELIGIBLE");
        assertThat(details.get("latestDecision").get("ruleSet").get("version").asString()).isEqualTo(newVersion);
        assertThat(list(details.get("history"))).extracting(h -> h.get("ruleSetVersion").asString())
                .containsExactly(newVersion, oldVersion);
        assertThat(list(details.get("latestDecision").get("reasons"))).anySatisfy(r ->
                assertThat(r.get("message").asString()).isEqualTo("Стаж работы по специальности 4 года — требуется не менее 4"));

        Api.Response included = api.post("/api/v1/registry/ust-ishim/members", Map.of("candidateId", id));
        assertThat(included.status()).as(included.toString()).isEqualTo(201);

        // Deciding about one candidate again also uses the new rules.
        JsonNode single = api.post("/api/v1/candidates/" + id + "/evaluations").json();
        assertThat(single.get("history").size()).isEqualTo(3);
    }

    @Test
    void aThresholdAndACatalogueRowChangedInOneFileEachTakeEffectAfterAReload() throws Exception {
        Api approver = user("route-change-approver", List.of("POLICY_APPROVER"), List.of("turochak"));
        for (int i = 0; i < 100 && approver.post("/api/v1/rulesets/turochak/rollback").status() == 200; i++) {
            // published versions take precedence over the directory: roll them back first
        }
        Map<String, Object> request = Map.of("jurisdiction", "turochak", "asOf", "2026-11-23",
                "teacher", Profile.qualifiedTeacher("Чечулина Алёна Викторовна").build(),
                "diagnostics", Map.of("scores", Map.of("METHODICAL", 45)));
        JsonNode before = system.post("/api/v1/routes/decisions", request).json();
        assertThat(before.get("deficits").get(0).get("level").asString()).isEqualTo("SEVERE");
        String courseId = list(before.get("route").get("items")).stream().filter(i -> i.get("type").asString().equals("COURSE"))
                .findFirst().orElseThrow().get("activityId").asString();

        Path manifest = RULES.resolve("turochak/manifest.yaml");
        Path catalogue = RULES.resolve("turochak/catalogue.csv");
        String originalManifest = Files.readString(manifest);
        String originalCatalogue = Files.readString(catalogue);
        try {
            assertThat(originalManifest).contains("severeBelow:\n    value: 50");
            Files.writeString(manifest, originalManifest.replace("severeBelow:\n    value: 50", "severeBelow:\n    value: 40"));
            List<String> rows = Files.readAllLines(catalogue);
            int row = -1;
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).startsWith(courseId + ";")) {
                    String[] cells = rows.get(i).split(";", -1);
                    cells[1] = "Переименованный курс для проверки";
                    rows.set(i, String.join(";", cells));
                    row = i;
                }
            }
            assertThat(row).isPositive();
            Files.write(catalogue, rows, StandardCharsets.UTF_8);
            assertThat(admin.post("/api/v1/admin/rules/reload").status()).isEqualTo(200);

            JsonNode after = system.post("/api/v1/routes/decisions", request).json();
            assertThat(after.get("deficits").get(0).get("level").asString()).isEqualTo("PARTIAL");
            assertThat(after.get("ruleSet").get("version").asString()).isNotEqualTo(before.get("ruleSet").get("version").asString());

            // A severe deficit again (score 30) gets the renamed course; a broken row is refused with its row number.
            JsonNode severe = system.post("/api/v1/routes/decisions", Map.of("jurisdiction", "turochak", "asOf", "2026-11-23",
                    "teacher", Profile.qualifiedTeacher("Чечулина Алёна Викторовна").build(),
                    "diagnostics", Map.of("scores", Map.of("METHODICAL", 30)))).json();
            assertThat(list(severe.get("route").get("items"))).anySatisfy(i ->
                    assertThat(i.get("title").asString()).isEqualTo("Переименованный курс для проверки"));
            rows.set(row, rows.get(row).replaceFirst(";курс ДПО;", ";лекция;"));
            Files.write(catalogue, rows, StandardCharsets.UTF_8);
            Api.Response rejected = admin.post("/api/v1/admin/rules/reload");
            assertThat(rejected.status()).isEqualTo(422);
            JsonNode problem = rejected.json().get("problems").get(0);
            assertThat(problem.get("file").asString()).isEqualTo("turochak/catalogue.csv");
            assertThat(problem.get("line").asInt()).isEqualTo(row + 1);
            assertThat(problem.get("message").asString()).contains("Строка " + (row + 1)).contains("«Вид»").contains("лекция");
        } finally {
            Files.writeString(manifest, originalManifest);
            Files.writeString(catalogue, originalCatalogue);
            assertThat(admin.post("/api/v1/admin/rules/reload").status()).isEqualTo(200);
        }
    }

    @Test
    void anEditorsDraftThatReachesOutOfTheRuleVocabularyIsRefusedAndNeverRuns() throws Exception {
        Api editor = user("escaping-draft-editor-" + java.util.UUID.randomUUID().toString().substring(0, 8),
                java.util.List.of("POLICY_EDITOR"), java.util.List.of("ust-ishim"));
        // A rule file of the jurisdiction's own (an exception to its table) is Java underneath, and checked as such.
        String drl = "package eligibility;\n\nimport ru.edu.decisions.model.*;\n";
        java.nio.file.Path marker = java.nio.file.Files.createTempDirectory("draft").resolve("written-by-a-draft");
        String escaping = drl + """

                rule "Проба"
                    @clause("ust-ishim:3.2")
                when
                    TeacherProfile()
                then
                    String v = \"\"\"
                       x\"\"\" + java.nio.file.Files.writeString( java.nio.file.Path.of( "%s" ), "owned" );
                    Object loader = ru.edu.decisions.model.eligibility.Verdict.ELIGIBLE.getDeclaringClass().getClassLoader();
                end
                """.formatted(marker.toString());

        Api.Response draft = editor.post("/api/v1/rulesets/ust-ishim/drafts", java.util.Map.of("files", java.util.Map.of("eligibility.drl", escaping)));

        assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
        assertThat(draft.json().get("compiles").asBoolean()).isFalse();
        assertThat(draft.json().get("problems").get(0).get("file").asString()).isEqualTo("ust-ishim/eligibility.drl");
        assertThat(draft.json().get("problems").get(0).get("message").asString()).contains("не допускается");
        assertThat(java.nio.file.Files.exists(marker)).isFalse();
    }
}
