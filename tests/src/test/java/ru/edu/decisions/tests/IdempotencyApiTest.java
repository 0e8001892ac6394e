package ru.edu.decisions.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import ru.edu.decisions.tests.support.Api;
import ru.edu.decisions.tests.support.EndToEndTest;
import ru.edu.decisions.tests.support.Profile;
import tools.jackson.databind.JsonNode;

/**
 * Issue 11, finding 4: a workflow write repeated with the same Idempotency-Key answers the first result again and
 * stores nothing twice; the same key with another body is a 422; a candidate resubmitted without a key is recognised
 * as the same nomination of the same teacher.
 */
class IdempotencyApiTest extends EndToEndTest {

    private static Map<String, Object> submission(String fullName, String birthDate) {
        return Map.of("jurisdiction", "ust-ishim", "asOf", "2026-11-23",
                "candidate", Profile.qualifiedTeacher(fullName).set("birthDate", birthDate).build());
    }

    private long candidatesNamed(String fullName) {
        JsonNode page = api.get("/api/v1/candidates?jurisdiction=ust-ishim&size=500").json();
        long count = 0;
        for (JsonNode item : page.get("items")) {
            if (fullName.equals(item.get("fullName").asString())) {
                count++;
            }
        }
        return count;
    }

    @Test
    void theSameKeyAndBodyAnswerTheFirstResultAgainAndStoreOnce() {
        String name = "Повторова Анна " + UUID.randomUUID();
        Api keyed = api.withHeader("Idempotency-Key", "cand-" + UUID.randomUUID());
        // Without a birth date the person cannot be recognised: only the key keeps the repeat from being stored.
        Map<String, Object> body = Map.of("jurisdiction", "ust-ishim", "asOf", "2026-11-23",
                "candidate", Profile.qualifiedTeacher(name).build());

        Api.Response first = keyed.post("/api/v1/candidates", body);
        Api.Response again = keyed.post("/api/v1/candidates", body);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(candidatesNamed(name)).isEqualTo(1);
        JsonNode details = api.get("/api/v1/candidates/" + first.json().get("id").asString()).json();
        assertThat(details.get("history").size()).as("one decision, not two").isEqualTo(1);

        // The same body without the key and without a recognisable person is a new submission.
        assertThat(api.post("/api/v1/candidates", body).status()).isEqualTo(201);
        assertThat(candidatesNamed(name)).isEqualTo(2);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndStoresNothing() {
        Api keyed = api.withHeader("Idempotency-Key", "cand-" + UUID.randomUUID());
        String name = "Другова Ирина " + UUID.randomUUID();
        assertThat(keyed.post("/api/v1/candidates", submission(name, "1980-01-01")).status()).isEqualTo(201);

        Api.Response other = keyed.post("/api/v1/candidates", submission(name + " (другая)", "1981-01-01"));

        assertThat(other.status()).as(other.toString()).isEqualTo(422);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(other.json().get("detail").asString()).contains("Idempotency-Key");
        assertThat(candidatesNamed(name + " (другая)")).isZero();
    }

    @Test
    void keysAreScopedToTheCaller() {
        String key = "shared-" + UUID.randomUUID();
        String name = "Общий Ключ " + UUID.randomUUID();
        Api other = user("e2e-idempotency-other", List.of("IMC_STAFF"), List.of("*"));
        Api.Response mine = api.withHeader("Idempotency-Key", key).post("/api/v1/candidates", submission(name, "1970-02-02"));
        Api.Response theirs = other.withHeader("Idempotency-Key", key).post("/api/v1/candidates", submission(name + " 2", "1970-02-03"));

        assertThat(mine.status()).isEqualTo(201);
        assertThat(theirs.status()).as("another caller's key is another key").isEqualTo(201);
        assertThat(theirs.json().get("id").asString()).isNotEqualTo(mine.json().get("id").asString());
    }

    @Test
    void aFailedWriteIsNotKeptAndCanBeRetriedWithTheSameKey() {
        Api keyed = api.withHeader("Idempotency-Key", "bad-" + UUID.randomUUID());
        Api.Response refused = keyed.post("/api/v1/candidates", Map.of("jurisdiction", "atlantis", "candidate", Map.of()));
        assertThat(refused.status()).isEqualTo(404);

        Api.Response stillRefused = keyed.post("/api/v1/candidates", Map.of("jurisdiction", "atlantis", "candidate", Map.of()));
        assertThat(stillRefused.status()).isEqualTo(404);
        assertThat(stillRefused.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void concurrentRepeatsWithOneKeyStoreOneCandidate() throws Exception {
        String name = "Гонкова Мария " + UUID.randomUUID();
        Api keyed = api.withHeader("Idempotency-Key", "race-" + UUID.randomUUID());
        Map<String, Object> body = Map.of("jurisdiction", "ust-ishim", "asOf", "2026-11-23",
                "candidate", Profile.qualifiedTeacher(name).build());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Api.Response>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit((Callable<Api.Response>) () -> keyed.post("/api/v1/candidates", body)));
            }
            List<String> ids = new ArrayList<>();
            for (Future<Api.Response> answer : answers) {
                Api.Response response = answer.get();
                assertThat(response.status()).as(response.toString()).isIn(201, 409);
                if (response.status() == 201) {
                    ids.add(response.json().get("id").asString());
                }
            }
            assertThat(ids).isNotEmpty();
            assertThat(ids.stream().distinct()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(candidatesNamed(name)).isEqualTo(1);
    }

    @Test
    void aCandidateResubmittedWithoutAKeyIsTheSameNomination() {
        String name = "Переподанная Елена " + UUID.randomUUID();
        Api.Response first = api.post("/api/v1/candidates", submission(name, "1979-04-12"));
        Api.Response again = api.post("/api/v1/candidates", submission(name, "1979-04-12"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(again.header("Location")).endsWith("/api/v1/candidates/" + first.json().get("id").asString());
        assertThat(again.json().get("history").size()).as("no second decision").isEqualTo(1);
        assertThat(candidatesNamed(name)).isEqualTo(1);

        // Another nomination of the same person is another candidate.
        Map<String, Object> nominated = Map.of("jurisdiction", "ust-ishim", "asOf", "2026-11-23", "candidate",
                Profile.qualifiedTeacher(name).set("birthDate", "1979-04-12")
                        .set("nomination", Map.of("nominatedBy", "МБОУ «Аксёновская СОШ»", "basis", "протокол № 3")).build());
        assertThat(api.post("/api/v1/candidates", nominated).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/candidates", nominated).status()).isEqualTo(200);
        assertThat(candidatesNamed(name)).isEqualTo(2);

        // A later nomination with other data is a new candidate (as CandidateWorkflowTest expects).
        Map<String, Object> changed = Map.of("jurisdiction", "ust-ishim", "asOf", "2026-11-23", "candidate",
                Profile.qualifiedTeacher(name).set("birthDate", "1979-04-12").set("stableHighStudentResults", true).build());
        Api.Response later = api.post("/api/v1/candidates", changed);
        assertThat(later.status()).as(later.toString()).isEqualTo(201);
        assertThat(candidatesNamed(name)).isEqualTo(3);
    }

    @Test
    void theSameTeacherByExternalIdIsRecognisedToo() {
        String externalId = "ext-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("jurisdiction", "ust-ishim", "candidate",
                Profile.qualifiedTeacher("Внешняя Ольга").set("id", externalId).build());

        Api.Response first = api.post("/api/v1/candidates", body);
        Api.Response again = api.post("/api/v1/candidates", body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
    }

    @Test
    void teacherRegistrationDiagnosticsAndRegistryInclusionAreIdempotentWithAKey() {
        Api keyed = api.withHeader("Idempotency-Key", "teacher-" + UUID.randomUUID());
        Map<String, Object> registration = Map.of("jurisdiction", "ust-ishim",
                "teacher", Profile.qualifiedTeacher("Ключевая Светлана").build());
        Api.Response teacher = keyed.post("/api/v1/teachers", registration);
        Api.Response teacherAgain = keyed.post("/api/v1/teachers", registration);
        assertThat(teacher.status()).as(teacher.toString()).isEqualTo(201);
        assertThat(teacherAgain.body()).isEqualTo(teacher.body());
        String teacherId = teacher.json().get("id").asString();

        Api diagnosticsKeyed = api.withHeader("Idempotency-Key", "diag-" + UUID.randomUUID());
        Map<String, Object> diagnostics = Map.of("asOf", "2026-11-23",
                "diagnostics", Map.of("date", "2026-10-01", "scores", Map.of("METHODICAL", 41)));
        Api.Response route = diagnosticsKeyed.post("/api/v1/teachers/" + teacherId + "/diagnostics", diagnostics);
        Api.Response routeAgain = diagnosticsKeyed.post("/api/v1/teachers/" + teacherId + "/diagnostics", diagnostics);
        assertThat(route.status()).as(route.toString()).isEqualTo(201);
        assertThat(routeAgain.status()).isEqualTo(201);
        assertThat(routeAgain.json().get("id").asString()).isEqualTo(route.json().get("id").asString());

        JsonNode candidate = api.post("/api/v1/candidates", Map.of("jurisdiction", "ust-ishim", "asOf", "2026-11-23",
                "candidate", Profile.qualifiedTeacher("Реестрова Нина " + UUID.randomUUID())
                        .achievement("WINNER", "MUNICIPAL").build())).json();
        Api registryKeyed = api.withHeader("Idempotency-Key", "reg-" + UUID.randomUUID());
        Map<String, Object> inclusion = Map.of("candidateId", candidate.get("id").asString());
        Api.Response included = registryKeyed.post("/api/v1/registry/ust-ishim/members", inclusion);
        Api.Response includedAgain = registryKeyed.post("/api/v1/registry/ust-ishim/members", inclusion);
        assertThat(included.status()).as(included.toString()).isEqualTo(201);
        assertThat(includedAgain.status()).as("the first answer, not the 409 of a second inclusion").isEqualTo(201);
        assertThat(includedAgain.json().get("id").asString()).isEqualTo(included.json().get("id").asString());
        // Without the key, a second inclusion is still the 409 it always was.
        assertThat(api.post("/api/v1/registry/ust-ishim/members", inclusion).status()).isEqualTo(409);
    }

    @Test
    void aMalformedKeyIs400() {
        Api.Response response = api.withHeader("Idempotency-Key", "x".repeat(201))
                .post("/api/v1/candidates", submission("Длинный Ключ", "1980-01-01"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
    }

    @Test
    void theStatelessDecisionsIgnoreTheKey() {
        Api keyed = system.withHeader("Idempotency-Key", "decide-" + UUID.randomUUID());
        String body = "{\"jurisdiction\":\"ust-ishim\",\"asOf\":\"2026-11-23\",\"candidate\":{}}";
        Api.Response first = keyed.post("/api/v1/eligibility/decisions", body);
        Api.Response second = keyed.post("/api/v1/eligibility/decisions", body);
        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("decisionId").asString()).isNotEqualTo(first.json().get("decisionId").asString());
    }

    @Test
    void aSubmissionWhoseAnswerCannotBeWrittenStoresNothing() throws Exception {
        // A client accepting no JSON: the answer cannot be written. It used to be found out only after the candidate
        // was committed — a 500 (or 406) for a stored candidate, and a second one on the retry.
        String name = "Непринятая Вера " + UUID.randomUUID();
        Api.Response response = api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/api/v1/candidates"))
                .header("Content-Type", "application/json").header("Accept", "text/csv")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(submission(name, "1985-05-05")))));

        assertThat(response.status()).as(response.toString()).isEqualTo(406);
        assertThat(candidatesNamed(name)).as("nothing stored").isZero();
    }
}
