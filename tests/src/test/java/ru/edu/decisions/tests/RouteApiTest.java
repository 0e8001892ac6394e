package ru.edu.decisions.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.edu.decisions.tests.EligibilityApiTest.list;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import ru.edu.decisions.tests.support.Api;
import ru.edu.decisions.tests.support.EndToEndTest;
import ru.edu.decisions.tests.support.Profile;
import tools.jackson.databind.JsonNode;

/**
 * The contract's route endpoint for all four jurisdictions, and the IMC's tracking of a stored route: a teacher's
 * diagnostics → a route → each item started and done with evidence → the route completed, with its history kept.
 */
class RouteApiTest extends EndToEndTest {

    static Map<String, Object> request(String jurisdiction, Map<String, Object> scores, boolean distanceOnly, List<String> flags) {
        return Map.of("jurisdiction", jurisdiction, "asOf", "2026-11-23",
                "teacher", Profile.qualifiedTeacher("Кузнецова Ольга Ивановна").set("birthDate", "1986-05-20").build(),
                "school", Map.of("name", "МБОУ «Аксёновская СОШ»", "flags", flags),
                "diagnostics", Map.of("date", "2026-10-01", "scores", scores),
                "preferences", Map.of("distanceOnly", distanceOnly));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ust-ishim", "turochak", "kuznetsk", "dagestan"})
    void everyJurisdictionAnswersTheContractWithEveryDeficitAddressedAndEveryItemExplained(String jurisdiction) {
        Map<String, Object> scores = Map.of("SUBJECT", 82, "METHODICAL", 41, "PSYCHO_PEDAGOGICAL", 63, "COMMUNICATIVE", 90,
                "FUNCTIONAL_LITERACY", 55, "DIGITAL", 70);
        Api.Response response = system.post("/api/v1/routes/decisions", request(jurisdiction, scores, false, List.of("LOW_RESULTS")));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode decision = response.json();
        assertThat(decision.get("decisionId").asString()).isNotBlank();
        assertThat(decision.get("jurisdiction").asString()).isEqualTo(jurisdiction);
        assertThat(decision.get("ruleSet").get("version").asString()).isNotBlank();
        assertThat(decision.get("ruleSet").get("regulation").asString()).startsWith("Положение");
        assertThat(list(decision.get("deficits"))).extracting(d -> d.get("area").asString() + ":" + d.get("level").asString())
                .containsExactlyInAnyOrder("METHODICAL:SEVERE", "PSYCHO_PEDAGOGICAL:PARTIAL", "FUNCTIONAL_LITERACY:PARTIAL", "DIGITAL:PARTIAL");
        List<JsonNode> items = list(decision.get("route").get("items"));
        assertThat(items).isNotEmpty();
        assertThat(items).extracting(i -> i.get("activityId").asString()).doesNotHaveDuplicates();
        assertThat(decision.get("route").get("totalHours").asInt()).isEqualTo(items.stream().mapToInt(i -> i.get("hours").asInt()).sum());
        assertThat(decision.get("route").get("followUpDiagnostics").asString()).isEqualTo("2027-09-01");
        for (JsonNode item : items) {
            assertThat(item.get("reason").asString()).as("причина пункта").matches(".*[а-яА-Я].*");
            assertThat(item.get("code").asString()).isNotBlank();
            assertThat(item.get("evidence").asString()).isNotBlank();
            assertThat(item.get("start").asString()).isGreaterThanOrEqualTo("2026-12-01");
        }
        // Every deficit is addressed by an item covering it — in this school year, or deferred to the next one when the
        // yearly hours cap is reached (the route says so).
        List<JsonNode> planned = new java.util.ArrayList<>(items);
        planned.addAll(list(decision.get("route").get("deferred")));
        for (JsonNode deficit : list(decision.get("deficits"))) {
            assertThat(planned).as("пункт по дефициту " + deficit.get("area").asString())
                    .anySatisfy(i -> assertThat(list(i.get("areas"))).extracting(JsonNode::asString).contains(deficit.get("area").asString()));
        }
        assertThat(list(decision.get("route").get("deferred"))).allSatisfy(i -> assertThat(list(decision.get("reasons")))
                .anySatisfy(r -> assertThat(r.get("message").asString()).contains("отложено").contains(i.get("activityId").asString())));
        // The defaults: a federal-registry course and mentoring or tutoring for the severe deficit; tutoring for LOW_RESULTS.
        assertThat(items).anySatisfy(i -> {
            assertThat(i.get("type").asString()).isEqualTo("COURSE");
            assertThat(i.get("federalRegistry").asBoolean()).isTrue();
            assertThat(list(i.get("areas"))).extracting(JsonNode::asString).contains("METHODICAL");
        });
        assertThat(items).anySatisfy(i -> assertThat(i.get("type").asString()).isEqualTo("TUTORING"));
        assertThat(list(decision.get("reasons"))).anySatisfy(r -> {
            assertThat(r.get("code").asString()).isEqualTo("SEVERE_DEFICIT");
            assertThat(r.get("status").asString()).isEqualTo("MET");
        });
    }

    @Test
    void distanceOnlyGivesOnlyDistanceItems() {
        Map<String, Object> scores = Map.of("METHODICAL", 41, "FUNCTIONAL_LITERACY", 55, "DIGITAL", 70, "UPBRINGING", 60);
        JsonNode decision = system.post("/api/v1/routes/decisions", request("ust-ishim", scores, true, List.of())).json();

        List<JsonNode> items = list(decision.get("route").get("items"));
        assertThat(items).isNotEmpty().allSatisfy(i -> assertThat(i.get("format").asString()).isEqualTo("DISTANCE"));
        // A deficit is either addressed by a distance item or reported as UNKNOWN — never dropped silently.
        for (JsonNode deficit : list(decision.get("deficits"))) {
            String area = deficit.get("area").asString();
            boolean covered = items.stream().anyMatch(i -> list(i.get("areas")).stream().anyMatch(a -> a.asString().equals(area)));
            boolean reported = list(decision.get("reasons")).stream().anyMatch(r -> r.get("status").asString().equals("UNKNOWN")
                    && r.get("message").asString().contains("дистанцион"));
            assertThat(covered || reported).as(area).isTrue();
        }
    }

    @Test
    void noDeficitsAndNoCircumstancesGiveAnEmptyRoute() {
        Api.Response response = system.post("/api/v1/routes/decisions",
                request("turochak", Map.of("METHODICAL", 90, "SUBJECT", 75), false, List.of()));

        assertThat(response.status()).isEqualTo(200);
        assertThat(list(response.json().get("deficits"))).isEmpty();
        assertThat(list(response.json().get("route").get("items"))).isEmpty();
        assertThat(response.json().get("route").get("totalHours").asInt()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "балл больше 100|{\"jurisdiction\":\"ust-ishim\",\"teacher\":{},\"diagnostics\":{\"scores\":{\"METHODICAL\":101}}}|diagnostics.scores.METHODICAL",
            "отрицательный балл|{\"jurisdiction\":\"ust-ishim\",\"teacher\":{},\"diagnostics\":{\"scores\":{\"METHODICAL\":-1}}}|diagnostics.scores.METHODICAL",
            "неизвестная область|{\"jurisdiction\":\"ust-ishim\",\"teacher\":{},\"diagnostics\":{\"scores\":{\"ASTROLOGY\":50}}}|diagnostics.scores",
            "балл строкой|{\"jurisdiction\":\"ust-ishim\",\"teacher\":{},\"diagnostics\":{\"scores\":{\"METHODICAL\":\"много\"}}}|diagnostics.scores.METHODICAL",
            "неизвестный признак школы|{\"jurisdiction\":\"ust-ishim\",\"teacher\":{},\"school\":{\"flags\":[\"RICH\"]},\"diagnostics\":{\"scores\":{}}}|school.flags[0]",
            "нет диагностики|{\"jurisdiction\":\"ust-ishim\",\"teacher\":{}}|diagnostics"})
    void badInputIs400NamingTheField(String name, String body, String field) {
        Api.Response response = system.post("/api/v1/routes/decisions", body);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(list(response.json().get("errors"))).extracting(e -> e.get("field").asString()).contains(field);
        assertThat(response.body()).doesNotContain("Exception");
    }

    @Test
    void unknownJurisdictionIs404() {
        Api.Response response = system.post("/api/v1/routes/decisions", request("atlantis", Map.of("METHODICAL", 40), false, List.of()));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("detail").asString()).contains("atlantis");
    }

    @Test
    void diagnosticsGiveAStoredRouteWhoseItemsAreTrackedToCompletionWithHistory() {
        // A teacher of a school the Ust-Ishim order names: the school's flag comes from the reference data.
        Api.Response registered = api.post("/api/v1/teachers", Map.of("jurisdiction", "ust-ishim",
                "teacher", Profile.qualifiedTeacher("Громова Светлана Петровна").set("birthDate", "1975-01-15").build(),
                "school", Map.of("name", "МБОУ «Аксёновская СОШ»")));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(list(registered.json().get("school").get("flags"))).extracting(JsonNode::asString).containsExactly("LOW_RESULTS");
        assertThat(registered.json().get("municipality").asString()).isEqualTo("Усть-Ишимский муниципальный район");
        String teacher = registered.json().get("id").asString();

        Api.Response created = api.post("/api/v1/teachers/" + teacher + "/diagnostics", Map.of("asOf", "2026-11-23",
                "diagnostics", Map.of("date", "2026-10-01", "scores", Map.of("METHODICAL", 41, "DIGITAL", 70))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode route = created.json();
        String routeId = route.get("id").asString();
        assertThat(route.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(list(route.get("history")).get(0).get("note").asString()).startsWith("Маршрут составлен на 2026/27 учебный год: ");
        List<JsonNode> items = list(route.get("items"));
        assertThat(items).extracting(i -> i.get("status").asString()).containsOnly("PLANNED");
        assertThat(items).anySatisfy(i -> assertThat(i.get("type").asString()).isEqualTo("TUTORING"));
        assertThat(list(route.get("reasons"))).isNotEmpty();
        String path = "/api/v1/teachers/" + teacher + "/routes/" + routeId;

        // Steps are taken in order; done needs the evidence.
        assertThat(api.post(path + "/items/1/progress", Map.of("status", "DONE", "evidence", "удостоверение № 1")).status()).isEqualTo(409);
        assertThat(api.post(path + "/items/1/progress", Map.of("status", "IN_PROGRESS")).status()).isEqualTo(200);
        Api.Response noEvidence = api.post(path + "/items/1/progress", Map.of("status", "DONE"));
        assertThat(noEvidence.status()).isEqualTo(400);
        assertThat(noEvidence.json().get("detail").asString()).contains("подтверждение");
        assertThat(api.post(path + "/items/99/progress", Map.of("status", "IN_PROGRESS")).status()).isEqualTo(404);
        assertThat(api.post(path + "/items/1/progress", Map.of("status", "FINISHED")).status()).isEqualTo(400);

        JsonNode last = null;
        for (int number = 1; number <= items.size(); number++) {
            if (number > 1) {
                assertThat(api.post(path + "/items/" + number + "/progress", Map.of("status", "IN_PROGRESS")).status()).isEqualTo(200);
                assertThat(api.get(path).json().get("status").asString()).isEqualTo("ACTIVE");
            }
            Api.Response done = api.post(path + "/items/" + number + "/progress",
                    Map.of("status", "DONE", "evidence", "подтверждение № " + number));
            assertThat(done.status()).as(done.toString()).isEqualTo(200);
            last = done.json();
        }
        assertThat(last.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(last.get("completedAt").isNull()).isFalse();
        assertThat(list(last.get("items"))).allSatisfy(i -> {
            assertThat(i.get("status").asString()).isEqualTo("DONE");
            assertThat(i.get("evidence").asString()).startsWith("подтверждение №");
        });
        List<JsonNode> history = list(last.get("history"));
        assertThat(history.get(0).get("toStatus").asString()).isEqualTo("ACTIVE");
        assertThat(history).hasSize(1 + 2 * items.size() + 1);
        assertThat(history.get(history.size() - 1).get("toStatus").asString()).isEqualTo("COMPLETED");
        assertThat(api.post(path + "/items/1/progress", Map.of("status", "IN_PROGRESS")).status()).isEqualTo(409);

        // New diagnostics give a new route; the earlier one stays in the history. The decision is in the log.
        JsonNode second = api.post("/api/v1/teachers/" + teacher + "/diagnostics",
                Map.of("diagnostics", Map.of("scores", Map.of("METHODICAL", 80)))).json();
        assertThat(second.get("status").asString()).isEqualTo("ACTIVE");
        List<JsonNode> routes = list(api.get("/api/v1/teachers/" + teacher + "/routes").json());
        assertThat(routes).extracting(r -> r.get("id").asString()).containsExactly(second.get("id").asString(), routeId);
        assertThat(routes.get(1).get("status").asString()).isEqualTo("COMPLETED");
        JsonNode logged = api.get("/api/v1/decisions/" + route.get("decisionId").asString()).json();
        assertThat(logged.get("kind").asString()).isEqualTo("ROUTES");
        assertThat(logged.get("subjectId").asString()).isEqualTo(routeId);
    }

    @Test
    void needsTheCatalogueCannotMeetGiveAnUnmetRouteNotAnEmptyOneAndTheLogSaysSo() {
        // A young specialist who asks for distance forms only: mentoring is the need, and the catalogue's mentoring is in
        // person — nothing in the route, but not because the diagnostics found nothing.
        String young = api.post("/api/v1/teachers", Map.of("jurisdiction", "ust-ishim",
                "teacher", Profile.qualifiedTeacher("Соколова Дарья Андреевна").set("birthDate", "2001-04-02")
                        .employment("organization", "МБОУ «Усть-Ишимская СОШ № 1»")
                        .employment("pedagogicalExperienceYears", 1).build())).json().get("id").asString();
        Api.Response created = api.post("/api/v1/teachers/" + young + "/diagnostics", Map.of("asOf", "2026-11-23",
                "diagnostics", Map.of("scores", Map.of("METHODICAL", 90)), "preferences", Map.of("distanceOnly", true)));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode route = created.json();
        assertThat(route.get("status").asString()).isEqualTo("UNMET");
        assertThat(list(route.get("items"))).isEmpty();
        assertThat(list(route.get("history"))).singleElement().satisfies(event -> {
            assertThat(event.get("toStatus").asString()).isEqualTo("UNMET");
            assertThat(event.get("note").asString()).startsWith("Маршрут не составлен: ни одна из выявленных потребностей (1) "
                    + "не закрыта мероприятиями каталога").doesNotContain("не выявила");
        });
        assertThat(list(route.get("reasons"))).anySatisfy(r -> {
            assertThat(r.get("code").asString()).isEqualTo("YOUNG_SPECIALIST_MENTORING");
            assertThat(r.get("status").asString()).isEqualTo("UNKNOWN");
        });
        assertThat(api.get("/api/v1/decisions/" + route.get("decisionId").asString()).json().get("outcome").asString())
                .isEqualTo("NEEDS_NOT_MET");

        // Nothing found and nothing to do: an empty route, and the log says that.
        String experienced = api.post("/api/v1/teachers", Map.of("jurisdiction", "ust-ishim",
                "teacher", Profile.qualifiedTeacher("Белова Ирина Павловна").set("birthDate", "1978-03-03")
                        .employment("organization", "МБОУ «Усть-Ишимская СОШ № 1»").build())).json().get("id").asString();
        JsonNode empty = api.post("/api/v1/teachers/" + experienced + "/diagnostics", Map.of("asOf", "2026-11-23",
                "diagnostics", Map.of("scores", Map.of("METHODICAL", 90)))).json();
        assertThat(empty.get("status").asString()).isEqualTo("EMPTY");
        assertThat(list(empty.get("history")).get(0).get("note").asString())
                .isEqualTo("Диагностика не выявила дефицитов и обстоятельств — маршрут пуст");
        assertThat(api.get("/api/v1/decisions/" + empty.get("decisionId").asString()).json().get("outcome").asString())
                .isEqualTo("EMPTY_ROUTE");
    }

    @Test
    void newDiagnosticsSupersedeTheActiveRoute() {
        String teacher = api.post("/api/v1/teachers", Map.of("jurisdiction", "dagestan",
                "teacher", Profile.qualifiedTeacher("Магомедова Патимат Расуловна").build(),
                "municipality", "Буйнакский район", "okrug", "Центральный")).json().get("id").asString();
        String first = api.post("/api/v1/teachers/" + teacher + "/diagnostics",
                Map.of("diagnostics", Map.of("scores", Map.of("FUNCTIONAL_LITERACY", 60)))).json().get("id").asString();
        api.post("/api/v1/teachers/" + teacher + "/diagnostics", Map.of("diagnostics", Map.of("scores", Map.of("INCLUSIVE", 30))));

        JsonNode earlier = api.get("/api/v1/teachers/" + teacher + "/routes/" + first).json();
        assertThat(earlier.get("status").asString()).isEqualTo("SUPERSEDED");
        Set<String> transitions = new HashSet<>();
        list(earlier.get("history")).forEach(e -> transitions.add(e.get("toStatus").asString()));
        assertThat(transitions).containsExactlyInAnyOrder("ACTIVE", "SUPERSEDED");
    }
}
