package ru.edu.decisions.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import ru.edu.decisions.tests.support.Api;
import ru.edu.decisions.tests.support.EndToEndTest;
import ru.edu.decisions.tests.support.Profile;
import tools.jackson.databind.JsonNode;

/** The contract's eligibility endpoints over HTTP, for every ground of both jurisdictions. */
class EligibilityApiTest extends EndToEndTest {

    private static final String AS_OF = "2026-11-23";

    @Test
    void contractExampleCandidateIsEligibleWithEveryMetGroundExplained() throws Exception {
        String example = Files.readString(Path.of("..", "docs", "examples", "ivanova.json"));

        Api.Response response = system.post("/api/v1/eligibility/decisions", example);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode decision = response.json();
        assertThat(decision.get("verdict").asString()).isEqualTo("ELIGIBLE");
        assertThat(texts(decision.get("grounds")))
                .containsExactly("ust-ishim:3.2.1", "ust-ishim:3.2.2", "ust-ishim:3.2.3", "ust-ishim:3.2.6");
        assertThat(decision.get("ruleSet").get("id").asString()).isEqualTo("ust-ishim");
        assertThat(decision.get("ruleSet").get("regulation").asString()).contains("№ 03/1 от 10.01.2023");
        assertThat(decision.get("asOf").asString()).isEqualTo(AS_OF);
        assertThat(decision.get("missing").isEmpty()).isTrue();
        List<JsonNode> reasons = list(decision.get("reasons"));
        assertThat(reasons).hasSize(10);
        assertThat(reasons).filteredOn(r -> r.get("code").asString().equals("ust-ishim:3.2"))
                .extracting(r -> r.get("status").asString() + " " + r.get("message").asString())
                .containsExactly("MET Педагогическое образование: высшее, «Математика» (2007)",
                        "MET Стаж работы по специальности 12 лет — требуется не менее 5");
        assertThat(reasons).filteredOn(r -> r.get("code").asString().equals("ust-ishim:3.2.3"))
                .singleElement().satisfies(r -> assertThat(r.get("message").asString()).contains("ОГЭ, математика"));
        assertThat(reasons).extracting(r -> r.get("code").asString() + " " + r.get("kind").asString())
                .contains("ust-ishim:3.2 REQUIREMENT", "ust-ishim:3.2.1 GROUND", "ust-ishim:3.2.8 GROUND");
        // The facts the rules derived before deciding, each with the rule and clause behind it (trace on by default).
        assertThat(list(decision.get("facts"))).anySatisfy(f -> {
            assertThat(f.get("name").asString()).isEqualTo("педагогическое образование");
            assertThat(f.get("status").asString()).isEqualTo("YES");
            assertThat(f.get("clause").asString()).isEqualTo("ust-ishim:3.2");
            assertThat(f.get("rule").asString()).isNotBlank();
        });
        Api.Response lean = system.post("/api/v1/eligibility/decisions?trace=false", example);
        assertThat(lean.json().get("facts").isEmpty()).isTrue();
        assertThat(lean.json().get("trace").isEmpty()).isTrue();
    }

    static Stream<Arguments> ustIshimGrounds() {
        return Stream.of(
                Arguments.of("ust-ishim:3.2.1", Profile.qualifiedTeacher("Алексеева Анна").assessment("FIOKO_DIAGNOSTICS", "PASSED")),
                Arguments.of("ust-ishim:3.2.2", Profile.qualifiedTeacher("Борисова Вера").training("QUALIFICATION_UPGRADE", true, 2024)),
                Arguments.of("ust-ishim:3.2.3", Profile.qualifiedTeacher("Васильева Галина").membership("OLYMPIAD_COMMISSION", "CHAIR", "MUNICIPAL", "ВсОШ, физика")),
                Arguments.of("ust-ishim:3.2.4", Profile.qualifiedTeacher("Григорьева Дарья").membership("PROFESSIONAL_COMMUNITY", "MEMBER", "REGIONAL", "Ассоциация учителей математики Омской области")),
                Arguments.of("ust-ishim:3.2.5", Profile.qualifiedTeacher("Дмитриева Елена").membership("BASE_SCHOOL", "PARTICIPANT", "MUNICIPAL", "опорная школа")),
                Arguments.of("ust-ishim:3.2.6", Profile.qualifiedTeacher("Егорова Жанна").achievement("WINNER", "REGIONAL")),
                Arguments.of("ust-ishim:3.2.7", Profile.qualifiedTeacher("Жукова Зоя").employment("organizationKind", "IMC")),
                Arguments.of("ust-ishim:3.2.8", Profile.qualifiedTeacher("Зайцева Инна").assessment("EXPERT_EVALUATION", "HIGH")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ustIshimGrounds")
    void eachUstIshimGroundAloneMakesAQualifiedTeacherEligible(String ground, Profile profile) {
        JsonNode decision = decide(profile.request("ust-ishim", AS_OF));

        assertThat(decision.get("verdict").asString()).isEqualTo("ELIGIBLE");
        assertThat(texts(decision.get("grounds"))).containsExactly(ground);
        assertThat(list(decision.get("reasons"))).filteredOn(r -> r.get("code").asString().equals(ground))
                .singleElement().satisfies(r -> assertThat(r.get("status").asString()).isEqualTo("MET"));
    }

    @Test
    void theOpenApiDocumentDescribesTheProblemAnswersOfTheDecisionEndpoints() {
        JsonNode paths = api.get("/v3/api-docs").json().get("paths");

        for (String path : List.of("/api/v1/eligibility/decisions", "/api/v1/eligibility/batch", "/api/v1/routes/decisions",
                "/api/v1/mentoring/decisions")) {
            JsonNode responses = paths.get(path).get("post").get("responses");
            assertThat(responses.has("200")).as(path).isTrue();
            for (String status : List.of("400", "401", "403", "404")) {
                assertThat(responses.get(status).get("content").has("application/problem+json")).as(path + " " + status).isTrue();
            }
        }
    }

    @Test
    void qualifiedTeacherWithNoGroundIsNotEligible() {
        JsonNode decision = decide(Profile.qualifiedTeacher("Иванов Кирилл").request("ust-ishim", AS_OF));

        assertThat(decision.get("verdict").asString()).isEqualTo("NOT_ELIGIBLE");
        assertThat(decision.get("grounds").isEmpty()).isTrue();
        assertThat(list(decision.get("reasons"))).filteredOn(r -> r.get("code").asString().startsWith("ust-ishim:3.2."))
                .hasSize(8).allSatisfy(r -> assertThat(r.get("status").asString()).isEqualTo("NOT_MET"));
    }

    @Test
    void shortExperienceFailsTheMandatoryRequirementEvenWithAGround() {
        Profile profile = Profile.qualifiedTeacher("Кузнецова Лариса").employment("specialtyExperienceYears", 4)
                .achievement("WINNER", "MUNICIPAL");

        JsonNode decision = decide(profile.request("ust-ishim", AS_OF));

        assertThat(decision.get("verdict").asString()).isEqualTo("NOT_ELIGIBLE");
        assertThat(texts(decision.get("grounds"))).containsExactly("ust-ishim:3.2.6");
        assertThat(list(decision.get("reasons"))).anySatisfy(r -> {
            assertThat(r.get("status").asString()).isEqualTo("NOT_MET");
            assertThat(r.get("message").asString()).isEqualTo("Стаж работы по специальности 4 года — требуется не менее 5");
        });
    }

    @Test
    void absentExperienceGivesInsufficientDataNamingTheMissingField() {
        Profile profile = Profile.teacher("Лебедева Мария").education("HIGHER", true, 2010, "Русский язык")
                .employment("organization", "МБОУ «Ореховская СОШ»").employment("organizationKind", "SCHOOL")
                .achievement("WINNER", "MUNICIPAL");

        JsonNode decision = decide(profile.request("ust-ishim", AS_OF));

        assertThat(decision.get("verdict").asString()).isEqualTo("INSUFFICIENT_DATA");
        assertThat(texts(decision.get("missing"))).containsExactly("employment.specialtyExperienceYears");
    }

    static Stream<Arguments> turochakRoutes() {
        Profile strong = Profile.teacher("Кыдыева Айана").education("HIGHER", true, 2005, "Биология")
                .employment("position", "TEACHER").employment("qualificationCategory", "HIGHEST")
                .employment("specialtyExperienceYears", 14);
        return Stream.of(
                Arguments.of("turochak:III.1.1.1", copy(strong).set("stableHighStudentResults", true)),
                Arguments.of("turochak:III.1.1.2", copy(strong).set("stableHighStudentResults", false).assessment("FIS_OKO_ASSESSMENT", "PASSED")),
                Arguments.of("turochak:III.1.1.3", Profile.teacher("Тодошева Эмма").set("stableHighStudentResults", false)
                        .membership("SUBJECT_ASSOCIATION", "HEAD", "MUNICIPAL", "РМО учителей математики")),
                Arguments.of("turochak:III.1.1.4", Profile.teacher("Сабашкин Олег").set("stableHighStudentResults", false)
                        .employment("position", "DEPUTY_HEAD").membership("PROJECT_500_PLUS", "PARTICIPANT", "REGIONAL", "«500+»")));
    }

    private static Profile copy(Profile profile) {
        Profile copy = Profile.teacher(null);
        profile.build().forEach((field, value) -> {
            if (field.equals("employment")) {
                ((Map<?, ?>) value).forEach((k, v) -> copy.employment((String) k, v));
            } else {
                copy.set(field, value instanceof List<?> l ? new ArrayList<>(l) : value);
            }
        });
        return copy;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("turochakRoutes")
    void eachTurochakRouteMakesACandidateEligible(String ground, Profile profile) {
        JsonNode decision = decide(profile.request("turochak", AS_OF));

        assertThat(decision.get("verdict").asString()).as(decision.toString()).isEqualTo("ELIGIBLE");
        assertThat(texts(decision.get("grounds"))).contains(ground);
        assertThat(list(decision.get("reasons"))).extracting(r -> r.get("code").asString())
                .containsExactly("turochak:III.1.1.1", "turochak:III.1.1.2", "turochak:III.1.1.3", "turochak:III.1.1.4");
    }

    @Test
    void jurisdictionsWithoutEligibilityRulesAndUnknownOnesAre404() {
        for (String code : List.of("kuznetsk", "dagestan", "atlantis")) {
            Api.Response response = system.post("/api/v1/eligibility/decisions", Profile.teacher("Х").request(code, AS_OF));
            assertThat(response.status()).as(code).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("detail").asString()).contains(code);
        }
    }

    @Test
    void jurisdictionsListRegulationsVersionsAndDecisions() {
        Api.Response response = api.get("/api/v1/jurisdictions");

        assertThat(response.status()).isEqualTo(200);
        Map<String, JsonNode> byCode = new LinkedHashMap<>();
        response.json().forEach(j -> byCode.put(j.get("code").asString(), j));
        assertThat(byCode).containsKeys("ust-ishim", "turochak", "kuznetsk", "dagestan");
        assertThat(texts(byCode.get("ust-ishim").get("decisions"))).contains("ELIGIBILITY");
        assertThat(texts(byCode.get("kuznetsk").get("decisions"))).doesNotContain("ELIGIBILITY");
        assertThat(byCode.get("ust-ishim").get("ruleSet").get("version").asString()).startsWith("2023.1+");
        assertThat(byCode.get("ust-ishim").get("parameters").get("minSpecialtyYears").get("value").asInt()).isEqualTo(5);
        assertThat(byCode.get("kuznetsk").get("regulation").get("number").asString()).isEqualTo("158");
    }

    @Test
    void everyDecisionIsLoggedWithVersionHashAndReasonsButNoPersonalData() throws Exception {
        String example = Files.readString(Path.of("..", "docs", "examples", "ivanova.json"));
        JsonNode decision = system.post("/api/v1/eligibility/decisions", example).json();

        Api.Response logged = system.get("/api/v1/decisions/" + decision.get("decisionId").asString());

        assertThat(logged.status()).isEqualTo(200);
        JsonNode entry = logged.json();
        assertThat(entry.get("kind").asString()).isEqualTo("ELIGIBILITY");
        assertThat(entry.get("source").asString()).isEqualTo("API");
        assertThat(entry.get("jurisdiction").asString()).isEqualTo("ust-ishim");
        assertThat(entry.get("ruleSetVersion").asString()).isEqualTo(decision.get("ruleSet").get("version").asString());
        assertThat(entry.get("asOf").asString()).isEqualTo(AS_OF);
        assertThat(entry.get("outcome").asString()).isEqualTo("ELIGIBLE");
        assertThat(texts(entry.get("grounds"))).isEqualTo(texts(decision.get("grounds")));
        assertThat(entry.get("reasons").size()).isEqualTo(10);
        assertThat(entry.get("inputHash").asString()).hasSize(64);
        assertThat(entry.get("decidedAt").asString()).isNotBlank();
        assertThat(logged.body()).doesNotContain("Иванова", "1985-03-14", "+7 900", "ivanova@example.ru");
        assertThat(system.get("/api/v1/decisions/00000000-0000-0000-0000-000000000000").status()).isEqualTo(404);
    }

    @Test
    void batchOfTenThousandDecidesEveryCandidateInOrderAndReportsTheMalformedOne() {
        List<Object> candidates = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            candidates.add(i % 2 == 0
                    ? Profile.qualifiedTeacher("Педагог " + i).achievement("WINNER", "MUNICIPAL").build()
                    : Profile.qualifiedTeacher("Педагог " + i).build());
        }
        candidates.set(4321, Map.of("birthDate", "1990-02-30"));
        Map<String, Object> body = Map.of("jurisdiction", "ust-ishim", "asOf", AS_OF, "candidates", candidates);

        Api.Response response = system.post("/api/v1/eligibility/batch", body);

        assertThat(response.status()).as(response.body().substring(0, Math.min(500, response.body().length()))).isEqualTo(200);
        List<JsonNode> results = list(response.json().get("results"));
        assertThat(results).hasSize(10_000);
        assertThat(results.get(0).get("verdict").asString()).isEqualTo("ELIGIBLE");
        assertThat(results.get(1).get("verdict").asString()).isEqualTo("NOT_ELIGIBLE");
        assertThat(results.get(9_998).get("verdict").asString()).isEqualTo("ELIGIBLE");
        JsonNode broken = results.get(4321);
        assertThat(broken.has("verdict")).isTrue();
        assertThat(broken.get("verdict").isNull()).isTrue();
        assertThat(broken.get("error").get("status").asInt()).isEqualTo(400);
        assertThat(broken.get("error").get("errors").get(0).get("field").asString()).isEqualTo("candidates[4321].birthDate");
        assertThat(results).filteredOn(r -> r.get("verdict").isNull()).hasSize(1);
        String decided = results.get(2).get("decisionId").asString();
        assertThat(system.get("/api/v1/decisions/" + decided).status()).isEqualTo(200);
    }

    private JsonNode decide(Map<String, Object> request) {
        Api.Response response = system.post("/api/v1/eligibility/decisions", request);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asString()));
        return values;
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> values = new ArrayList<>();
        array.forEach(values::add);
        return values;
    }
}
