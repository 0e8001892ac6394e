package ru.edu.decisions.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.edu.decisions.tests.EligibilityApiTest.list;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import ru.edu.decisions.tests.support.Api;
import ru.edu.decisions.tests.support.EndToEndTest;
import ru.edu.decisions.tests.support.Profile;
import tools.jackson.databind.JsonNode;

/** The IMC workflow on PostgreSQL: candidates with their decisions, and the municipal registry of the asset. */
class CandidateWorkflowTest extends EndToEndTest {

    private JsonNode submit(String jurisdiction, Profile profile) {
        Api.Response response = api.post("/api/v1/candidates",
                Map.of("jurisdiction", jurisdiction, "asOf", "2026-11-23", "candidate", profile.build()));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    @Test
    void submittedCandidateIsStoredWithItsDecisionAndHistory() {
        JsonNode candidate = submit("ust-ishim", Profile.qualifiedTeacher("Мельникова Ольга")
                .set("id", "ui-" + UUID.randomUUID()).membership("GIA_COMMISSION", "MEMBER", "MUNICIPAL", "ЕГЭ, физика"));

        assertThat(candidate.get("latestDecision").get("verdict").asString()).isEqualTo("ELIGIBLE");
        JsonNode details = api.get("/api/v1/candidates/" + candidate.get("id").asString()).json();
        assertThat(details.get("profile").get("fullName").asString()).isEqualTo("Мельникова Ольга");
        assertThat(details.get("history").size()).isEqualTo(1);
        assertThat(details.get("history").get(0).get("source").asString()).isEqualTo("WORKFLOW");
        assertThat(details.get("history").get(0).get("subjectId").asString()).isEqualTo(candidate.get("id").asString());
    }

    @Test
    void candidatesAreListedByJurisdictionAndVerdictInPages() {
        for (int i = 0; i < 3; i++) {
            submit("turochak", Profile.teacher("Турочакский кандидат " + i).set("stableHighStudentResults", false)
                    .membership("UMO", "MEMBER", "MUNICIPAL", "МУМО по общему образованию"));
        }
        submit("turochak", Profile.teacher("Неподходящий кандидат").set("stableHighStudentResults", false).list("memberships")
                .employment("position", "TEACHER").employment("qualificationCategory", "FIRST").list("education"));

        JsonNode eligible = api.get("/api/v1/candidates?jurisdiction=turochak&verdict=ELIGIBLE&size=2&page=0").json();
        assertThat(eligible.get("totalItems").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(eligible.get("items").size()).isEqualTo(2);
        assertThat(list(eligible.get("items"))).allSatisfy(item -> {
            assertThat(item.get("latestVerdict").asString()).isEqualTo("ELIGIBLE");
            assertThat(item.get("jurisdiction").asString()).isEqualTo("turochak");
        });
        JsonNode notEligible = api.get("/api/v1/candidates?jurisdiction=turochak&verdict=NOT_ELIGIBLE").json();
        assertThat(list(notEligible.get("items"))).extracting(i -> i.get("fullName").asString()).contains("Неподходящий кандидат");
        assertThat(api.get("/api/v1/candidates?jurisdiction=atlantis").status()).isEqualTo(404);
    }

    @Test
    void eligibleCandidateJoinsTheRegistryAndLeavesItWithAReasonKeepingHistory() {
        JsonNode candidate = submit("ust-ishim", Profile.qualifiedTeacher("Никитина Полина").achievement("WINNER", "MUNICIPAL"));
        String candidateId = candidate.get("id").asString();

        Api.Response included = api.post("/api/v1/registry/ust-ishim/members", Map.of("candidateId", candidateId));
        assertThat(included.status()).as(included.toString()).isEqualTo(201);
        String memberId = included.json().get("id").asString();
        assertThat(included.json().get("basisDecisionId").asString())
                .isEqualTo(candidate.get("latestDecision").get("decisionId").asString());

        Api.Response twice = api.post("/api/v1/registry/ust-ishim/members", Map.of("candidateId", candidateId));
        assertThat(twice.status()).isEqualTo(409);

        Api.Response wrongJurisdiction = api.post("/api/v1/registry/turochak/members", Map.of("candidateId", candidateId));
        assertThat(wrongJurisdiction.status()).isEqualTo(404);

        JsonNode active = api.get("/api/v1/registry/ust-ishim/members?size=500").json();
        assertThat(list(active.get("items"))).extracting(m -> m.get("id").asString()).contains(memberId);

        Api.Response noReason = api.post("/api/v1/registry/ust-ishim/members/" + memberId + "/exclusion", Map.of("reason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        Api.Response excluded = api.post("/api/v1/registry/ust-ishim/members/" + memberId + "/exclusion",
                Map.of("reason", "Перевод в другой муниципалитет"));
        assertThat(excluded.status()).isEqualTo(200);
        assertThat(excluded.json().get("active").asBoolean()).isFalse();
        assertThat(excluded.json().get("exclusionReason").asString()).isEqualTo("Перевод в другой муниципалитет");
        assertThat(api.post("/api/v1/registry/ust-ishim/members/" + memberId + "/exclusion",
                Map.of("reason", "ещё раз")).status()).isEqualTo(409);

        Api.Response again = api.post("/api/v1/registry/ust-ishim/members", Map.of("candidateId", candidateId));
        assertThat(again.status()).isEqualTo(201);
        JsonNode all = api.get("/api/v1/registry/ust-ishim/members?status=ALL&size=500").json();
        assertThat(list(all.get("items"))).filteredOn(m -> m.get("candidateId").asString().equals(candidateId)).hasSize(2);
    }

    @Test
    void candidateWhoseLatestVerdictIsNotEligibleIsRefusedWithTheReasons() {
        JsonNode candidate = submit("ust-ishim", Profile.qualifiedTeacher("Орлова Раиса").employment("specialtyExperienceYears", 3));

        Api.Response refused = api.post("/api/v1/registry/ust-ishim/members", Map.of("candidateId", candidate.get("id").asString()));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString())
                .contains("не соответствует")
                .contains("Не выполнены обязательные требования")
                .contains("Стаж работы по специальности 3 года — требуется не менее 5")
                // The ground it meets is not a reason for the refusal, nor are the grounds it does not meet.
                .doesNotContain("ust-ishim:3.2.6")
                .doesNotContain("ust-ishim:3.2.4");
    }

    @Test
    void candidateWithNoGroundIsRefusedNamingTheGrounds() {
        JsonNode candidate = submit("ust-ishim", Profile.qualifiedTeacher("Борисова Вера"));

        Api.Response refused = api.post("/api/v1/registry/ust-ishim/members", Map.of("candidateId", candidate.get("id").asString()));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString())
                .contains("Не выполнено ни одно основание").contains("ust-ishim:3.2.1").contains("ust-ishim:3.2.8");
    }

    @Test
    void aLaterNominationOfTheSameTeacherDoesNotChangeTheEarlierOne() {
        String externalId = "ui-" + UUID.randomUUID();
        JsonNode first = submit("ust-ishim", Profile.qualifiedTeacher("Ершова Анна").set("id", externalId)
                .achievement("WINNER", "MUNICIPAL"));
        submit("ust-ishim", Profile.qualifiedTeacher("Ершова Анна Сергеевна").set("id", externalId)
                .employment("specialtyExperienceYears", 2));

        String id = first.get("id").asString();
        JsonNode details = api.get("/api/v1/candidates/" + id).json();
        assertThat(details.get("profile").get("fullName").asString()).isEqualTo("Ершова Анна");
        assertThat(details.get("profile").get("employment").get("specialtyExperienceYears").asInt()).isEqualTo(12);
        Api.Response again = api.post("/api/v1/candidates/" + id + "/evaluations", Map.of());
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("latestDecision").get("verdict").asString()).isEqualTo("ELIGIBLE");
    }

    @Test
    void insufficientDataCandidateIsRefusedSayingWhatIsMissing() {
        JsonNode candidate = submit("ust-ishim", Profile.teacher("Павлова Светлана").achievement("WINNER", "REGIONAL"));

        Api.Response refused = api.post("/api/v1/registry/ust-ishim/members", Map.of("candidateId", candidate.get("id").asString()));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("недостаточно данных").contains("Нет сведений")
                .contains("Недостающие сведения: education");
    }
}
