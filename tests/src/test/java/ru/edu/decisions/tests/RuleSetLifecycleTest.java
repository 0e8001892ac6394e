package ru.edu.decisions.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.edu.decisions.tests.EligibilityApiTest.list;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.edu.decisions.tests.support.Api;
import ru.edu.decisions.tests.support.EndToEndTest;
import ru.edu.decisions.tests.support.Profile;
import tools.jackson.databind.JsonNode;

/**
 * The rule-set lifecycle as policy staff use it (issue 14): drafts are whole rule sets on the version in force, a
 * stale draft is refused, scenario tables gate publication, versions are in force from their dates, a rollback
 * records its reason, and a simulation re-decides every stored candidate with both rule sets.
 */
class RuleSetLifecycleTest extends EndToEndTest {

    private static final String J = "ust-ishim";
    private static final String RULESETS = "/api/v1/rulesets/" + J;

    private Api editor;
    private Api approver;

    @BeforeEach
    void staffAndNoPublication() {
        editor = user("lifecycle-editor", List.of("POLICY_EDITOR"), List.of(J));
        approver = user("lifecycle-approver", List.of("POLICY_APPROVER"), List.of(J));
        for (int i = 0; i < 100 && approver.post(RULESETS + "/rollback", Map.of("reason", "чистое начало теста")).status() == 200; i++) {
            // roll back what earlier tests published
        }
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Moscow"));
    }

    private String manifestWithMinimum(int years) {
        String manifest = editor.get(RULESETS + "/files").json().get("files").get("manifest.yaml").asString();
        assertThat(manifest).contains("minSpecialtyYears:\n    value: ");
        return manifest.replaceFirst("minSpecialtyYears:\n    value: \\d+", "minSpecialtyYears:\n    value: " + years);
    }

    /** A draft of these files; when rows of the scenario table fail, the rows are dropped (the policy changed) and it is drafted again. */
    private JsonNode passingDraft(Map<String, String> files, String comment) {
        Api.Response draft = editor.post(RULESETS + "/drafts", Map.of("files", files, "comment", comment));
        assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
        JsonNode failures = draft.json().get("scenarios").get("failures");
        if (failures.isEmpty()) {
            return draft.json();
        }
        Set<Integer> rows = new TreeSet<>();
        failures.forEach(f -> rows.add(f.get("row").asInt()));
        String table = draft.json().get("files").get("scenarios/eligibility.csv").asString();
        String[] lines = table.split("\n", -1);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (!rows.contains(i + 1)) {
                kept.add(lines[i]);
            }
        }
        Map<String, String> fixed = new HashMap<>(files);
        fixed.put("scenarios/eligibility.csv", String.join("\n", kept));
        Api.Response again = editor.post(RULESETS + "/drafts", Map.of("files", fixed, "comment", comment + " (сценарии обновлены)"));
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(again.json().get("publishable").asBoolean()).as(again.toString()).isTrue();
        return again.json();
    }

    private Api.Response publish(String id, @org.jspecify.annotations.Nullable LocalDate from) {
        return from == null ? approver.post(RULESETS + "/drafts/" + id + "/publication")
                : approver.post(RULESETS + "/drafts/" + id + "/publication", Map.of("effectiveFrom", from.toString()));
    }

    private String verdict(int specialtyYears, LocalDate asOf) {
        Map<String, Object> candidate = Profile.qualifiedTeacher("Шестилетова Анна").employment("specialtyExperienceYears", specialtyYears)
                .membership("GIA_COMMISSION", "MEMBER", "MUNICIPAL", "ОГЭ, русский язык").build();
        Api.Response decided = system.post("/api/v1/eligibility/decisions?trace=false",
                Map.of("jurisdiction", J, "asOf", asOf.toString(), "candidate", candidate));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        return decided.json().get("verdict").asString();
    }

    private JsonNode ustIshim() {
        return list(system.get("/api/v1/jurisdictions").json()).stream().filter(j -> j.get("code").asString().equals(J))
                .findFirst().orElseThrow();
    }

    @Test
    void aScenarioFailureIsReportedRowByRowAndBlocksPublication() {
        Api.Response draft = editor.post(RULESETS + "/drafts", Map.of("files", Map.of("manifest.yaml", manifestWithMinimum(7))));

        assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
        assertThat(draft.json().get("compiles").asBoolean()).isTrue();
        assertThat(draft.json().get("publishable").asBoolean()).isFalse();
        assertThat(draft.json().get("changes").toString()).contains("manifest.yaml").contains("CHANGED");
        assertThat(draft.json().get("fileNames").toString()).contains("eligibility-table.csv").contains("scenarios/eligibility.csv");
        JsonNode failures = draft.json().get("scenarios").get("failures");
        assertThat(failures.size()).isGreaterThanOrEqualTo(1);
        JsonNode exactlyFive = list(failures).stream().filter(f -> f.get("scenario").asString().contains("стаж ровно 5 лет достаточен"))
                .findFirst().orElseThrow(() -> new AssertionError(failures.toString()));
        assertThat(exactlyFive.get("file").asString()).isEqualTo("ust-ishim/scenarios/eligibility.csv");
        assertThat(exactlyFive.get("row").asInt()).isPositive();
        assertThat(exactlyFive.get("expected").asString()).contains("«подходит»");
        assertThat(exactlyFive.get("got").asString()).contains("«не подходит»");
        assertThat(exactlyFive.get("reasons").toString()).contains("не менее 7");

        Api.Response refused = publish(draft.json().get("id").asString(), null);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("таблицы сценариев").contains("стаж ровно 5 лет достаточен");
    }

    @Test
    void aThenBKeepsAsChangeAndAStaleDraftIsRefused() {
        String before = ustIshim().get("ruleSet").get("version").asString();
        JsonNode a = passingDraft(Map.of("manifest.yaml", manifestWithMinimum(7)), "A: стаж не менее 7 лет");
        Api.Response publishedA = publish(a.get("id").asString(), null);
        assertThat(publishedA.status()).as(publishedA.toString()).isEqualTo(200);
        assertThat(publishedA.json().get("inForce").get("version").asString()).isNotEqualTo(before);
        assertThat(publishedA.json().get("inForce").get("versionId").asString()).isEqualTo(a.get("id").asString());
        assertThat(verdict(6, today())).isEqualTo("NOT_ELIGIBLE");

        // B changes only a comment of the eligibility table; C is drafted on A too, before B is published.
        String table = editor.get(RULESETS + "/files").json().get("files").get("eligibility-table.csv").asString();
        Api.Response b = editor.post(RULESETS + "/drafts", Map.of("files", Map.of("eligibility-table.csv", table + "\n# B: только комментарий\n")));
        Api.Response c = editor.post(RULESETS + "/drafts", Map.of("files", Map.of("eligibility-table.csv", table + "\n# C: другой комментарий\n")));
        assertThat(b.json().get("baseVersionId").asString()).isEqualTo(a.get("id").asString());
        assertThat(b.json().get("changes").toString()).contains("eligibility-table.csv").doesNotContain("manifest.yaml");
        assertThat(b.json().get("files").get("manifest.yaml").asString()).contains("minSpecialtyYears:\n    value: 7");
        Api.Response publishedB = publish(b.json().get("id").asString(), null);
        assertThat(publishedB.status()).as(publishedB.toString()).isEqualTo(200);

        // A's change is kept: a six-year candidate is still not eligible, the parameter is still 7.
        assertThat(verdict(6, today())).isEqualTo("NOT_ELIGIBLE");
        assertThat(ustIshim().get("parameters").get("minSpecialtyYears").get("value").asInt()).isEqualTo(7);

        Api.Response stale = publish(c.json().get("id").asString(), null);
        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(stale.json().get("detail").asString()).contains("rebase").contains(b.json().get("id").asString());
    }

    @Test
    void versionsAreInForceFromTheirDateAndARollbackRecordsItsReason() {
        String before = ustIshim().get("ruleSet").get("version").asString();
        LocalDate from = today().plusDays(30);
        JsonNode draft = passingDraft(Map.of("manifest.yaml", manifestWithMinimum(7)), "Приказ: стаж не менее 7 лет с " + from);

        Api.Response published = publish(draft.get("id").asString(), from);
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        assertThat(published.json().get("effectiveFrom").asString()).isEqualTo(from.toString());
        assertThat(published.json().get("inForce").get("version").asString()).isEqualTo(before);

        assertThat(verdict(6, from.minusDays(1))).isEqualTo("ELIGIBLE");
        assertThat(verdict(6, from)).isEqualTo("NOT_ELIGIBLE");
        assertThat(verdict(6, from.plusDays(1))).isEqualTo("NOT_ELIGIBLE");
        JsonNode jurisdiction = ustIshim();
        assertThat(jurisdiction.get("ruleSet").get("version").asString()).isEqualTo(before);
        JsonNode scheduled = jurisdiction.get("versions").get(jurisdiction.get("versions").size() - 1);
        assertThat(scheduled.get("from").asString()).isEqualTo(from.toString());
        assertThat(scheduled.get("versionId").asString()).isEqualTo(draft.get("id").asString());
        assertThat(jurisdiction.get("versions").get(0).get("from").asString()).isEqualTo("2023-01-10");

        Api.Response editorTries = editor.post(RULESETS + "/rollback", Map.of("reason", "ошибка"));
        assertThat(editorTries.status()).isEqualTo(403);
        assertThat(editorTries.json().get("detail").asString()).contains("POLICY_APPROVER");

        Api.Response rolledBack = approver.post(RULESETS + "/rollback", Map.of("reason", "Приказ отменён"));
        assertThat(rolledBack.status()).as(rolledBack.toString()).isEqualTo(200);
        assertThat(rolledBack.json().get("rollbackReason").asString()).isEqualTo("Приказ отменён");
        assertThat(rolledBack.json().get("inForce").get("version").asString()).isEqualTo(before);
        assertThat(editor.get(RULESETS + "/drafts/" + draft.get("id").asString()).json().get("rollbackReason").asString())
                .isEqualTo("Приказ отменён");
        assertThat(verdict(6, from.plusDays(1))).isEqualTo("ELIGIBLE");
    }

    @Test
    void anEditorWhoTriesToPublishIsToldAnApproverMust() {
        JsonNode draft = passingDraft(Map.of("manifest.yaml", manifestWithMinimum(5)), "без изменений");
        Api.Response refused = editor.post(RULESETS + "/drafts/" + draft.get("id").asString() + "/publication");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asString()).contains("утверждающий").contains("POLICY_APPROVER");
    }

    @Test
    void theSimulationEqualsAnIndependentReDecisionOfEveryStoredCandidate() {
        for (int years : new int[] {4, 5, 6, 8}) {
            Map<String, Object> candidate = Profile.qualifiedTeacher("Моделируемая " + years).employment("specialtyExperienceYears", years)
                    .membership("GIA_COMMISSION", "MEMBER", "MUNICIPAL", "ОГЭ").build();
            assertThat(api.post("/api/v1/candidates", Map.of("jurisdiction", J, "candidate", candidate)).status()).isEqualTo(201);
        }
        // Every stored candidate of the jurisdiction, decided now by the rules in force.
        Map<String, Map<String, Object>> profiles = new LinkedHashMap<>();
        for (int page = 0; ; page++) {
            JsonNode items = api.get("/api/v1/candidates?jurisdiction=" + J + "&size=100&page=" + page).json().get("items");
            if (items.isEmpty()) {
                break;
            }
            for (JsonNode item : items) {
                String id = item.get("id").asString();
                profiles.put(id, Api.JSON.convertValue(api.get("/api/v1/candidates/" + id).json().get("profile"), Map.class));
            }
        }
        LocalDate date = today();
        Map<String, String> before = decideAll(profiles, date);

        JsonNode draft = passingDraft(Map.of("manifest.yaml", manifestWithMinimum(7)), "стаж не менее 7 лет");
        JsonNode first = editor.post(RULESETS + "/drafts/" + draft.get("id").asString() + "/simulation?size=1&asOf=" + date).json();
        assertThat(first.get("candidates").asInt()).isEqualTo(profiles.size());
        int changed = first.get("changed").asInt();
        assertThat(changed).isGreaterThanOrEqualTo(1);
        assertThat(first.get("totalPages").asInt()).isEqualTo(changed);
        Map<String, JsonNode> changes = new HashMap<>();
        for (int page = 0; page < first.get("totalPages").asInt(); page++) {
            JsonNode p = editor.post(RULESETS + "/drafts/" + draft.get("id").asString() + "/simulation?size=1&page=" + page + "&asOf=" + date).json();
            p.get("changes").forEach(change -> changes.put(change.get("candidateId").asString(), change));
        }
        assertThat(changes).hasSize(changed);
        assertThat(first.toString()).doesNotContain("Моделируемая");

        // Publish the draft and decide every candidate again, independently of the simulation.
        assertThat(publish(draft.get("id").asString(), date).status()).isEqualTo(200);
        Map<String, String> after = decideAll(profiles, date);
        Map<String, Long> directions = new java.util.TreeMap<>();
        for (String id : profiles.keySet()) {
            if (!before.get(id).equals(after.get(id))) {
                assertThat(changes).containsKey(id);
                assertThat(changes.get(id).get("before").asString()).isEqualTo(before.get(id));
                assertThat(changes.get(id).get("after").asString()).isEqualTo(after.get(id));
                directions.merge(before.get(id) + "→" + after.get(id), 1L, Long::sum);
            } else {
                assertThat(changes).doesNotContainKey(id);
            }
        }
        assertThat(Api.JSON.convertValue(first.get("directions"), Map.class)).isEqualTo(new HashMap<>(directions.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> (Object) e.getValue().intValue()))));
        JsonNode six = changes.values().stream().filter(c -> c.get("before").asString().equals("ELIGIBLE")).findFirst().orElseThrow();
        assertThat(six.get("afterReasons").toString()).contains("не менее 7");
        assertThat(six.get("beforeReasons").toString()).contains("не менее 5");

        // The approver starts the re-decision of the stored candidates: each decision is recorded with its version.
        Api.Response redecided = approver.post(RULESETS + "/redecisions", Map.of("asOf", date.toString()));
        assertThat(redecided.status()).as(redecided.toString()).isEqualTo(200);
        assertThat(redecided.json().get("evaluated").asInt()).isEqualTo(profiles.size());
        assertThat(redecided.json().get("ruleSetVersion").asString()).isEqualTo(ustIshim().get("ruleSet").get("version").asString());
    }

    private Map<String, String> decideAll(Map<String, Map<String, Object>> profiles, LocalDate date) {
        Map<String, String> verdicts = new HashMap<>();
        profiles.forEach((id, profile) -> {
            Api.Response decided = system.post("/api/v1/eligibility/decisions?trace=false",
                    Map.of("jurisdiction", J, "asOf", date.toString(), "candidate", profile));
            assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
            verdicts.put(id, decided.json().get("verdict").asString());
        });
        return verdicts;
    }

    @SuppressWarnings("unused")
    private static String id() {
        return UUID.randomUUID().toString();
    }
}
