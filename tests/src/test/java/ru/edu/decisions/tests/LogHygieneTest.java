package ru.edu.decisions.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import ru.edu.decisions.tests.support.Api;
import ru.edu.decisions.tests.support.EndToEndTest;
import ru.edu.decisions.tests.support.Profile;
import tools.jackson.databind.JsonNode;

/**
 * Issue 11, finding 3 (its log part): a whole workflow — bad input, refusals and failures included — leaves no
 * personal data, SQL or exception message in the log at the levels the service ships with.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogHygieneTest extends EndToEndTest {

    private static final String NAME = "Секретова Жанна Персональдатовна";
    private static final String BIRTH = "1977-07-17";
    private static final String EMAIL = "zhanna.sekretova@example.org";
    private static final String PHONE = "+7 913 555-17-77";

    @Test
    void aWholeWorkflowLogsNoPersonalDataNoSqlAndNoExceptionMessage(CapturedOutput output) throws Exception {
        Map<String, Object> profile = Profile.qualifiedTeacher(NAME).set("birthDate", BIRTH)
                .set("contacts", Map.of("email", EMAIL, "phone", PHONE)).achievement("WINNER", "MUNICIPAL").build();

        Api.Response teacher = api.post("/api/v1/teachers", Map.of("jurisdiction", "ust-ishim", "teacher", profile));
        assertThat(teacher.status()).as(teacher.toString()).isEqualTo(201);
        String teacherId = teacher.json().get("id").asString();
        assertThat(api.post("/api/v1/teachers/" + teacherId + "/diagnostics", Map.of("asOf", "2026-11-23",
                "diagnostics", Map.of("date", "2026-10-01", "scores", Map.of("METHODICAL", 41)))).status()).isEqualTo(201);
        Api.Response candidate = api.withHeader("Idempotency-Key", "log-" + System.nanoTime())
                .post("/api/v1/candidates", Map.of("jurisdiction", "ust-ishim", "asOf", "2026-11-23", "candidate", profile));
        assertThat(candidate.status()).as(candidate.toString()).isEqualTo(201);
        String candidateId = candidate.json().get("id").asString();
        assertThat(api.post("/api/v1/candidates", Map.of("jurisdiction", "ust-ishim", "asOf", "2026-11-23", "candidate", profile))
                .status()).as("an identical resubmission").isEqualTo(200);
        assertThat(api.post("/api/v1/registry/ust-ishim/members", Map.of("candidateId", candidateId)).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/registry/ust-ishim/members", Map.of("candidateId", candidateId)).status()).isEqualTo(409);
        assertThat(api.post("/api/v1/candidates/" + candidateId + "/evaluations", Map.of()).status()).isEqualTo(200);
        JsonNode decision = system.post("/api/v1/eligibility/decisions",
                Map.of("jurisdiction", "ust-ishim", "asOf", "2026-11-23", "candidate", profile)).json();
        assertThat(decision.get("verdict").asString()).isEqualTo("ELIGIBLE");

        // Bad input that quotes the personal data back: a repeated key, a far date, broken JSON, a wrong type.
        assertThat(system.post("/api/v1/eligibility/decisions", "{\"jurisdiction\":\"ust-ishim\",\"candidate\":{\"fullName\":\""
                + NAME + "\",\"fullName\":\"" + NAME + "\"}}").status()).isEqualTo(400);
        assertThat(system.post("/api/v1/eligibility/decisions", "{\"jurisdiction\":\"ust-ishim\",\"candidate\":{\"fullName\":\""
                + NAME + "\",\"birthDate\":\"+5874898-01-01\"}}").status()).isEqualTo(400);
        assertThat(system.post("/api/v1/eligibility/decisions", "{\"jurisdiction\":\"ust-ishim\",\"candidate\":{\"fullName\":\""
                + NAME + "\",").status()).isEqualTo(400);
        assertThat(system.post("/api/v1/eligibility/decisions", "{\"jurisdiction\":\"ust-ishim\",\"candidate\":{\"birthDate\":\""
                + NAME + "\"}}").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/candidates", "{\"jurisdiction\":\"ust-ishim\",\"candidate\":{\"id\":\"" + NAME.repeat(10)
                + "\",\"fullName\":\"" + NAME + "\"}}").status()).isIn(201, 400);
        // A request line Tomcat refuses, with the name in it (raw UTF-8 bytes are not allowed in a request target).
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v1/candidates?fullName=" + NAME + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            socket.getInputStream().read(new byte[256]);
        }
        // A library logging a failure whose message quotes SQL and a person: the shipped log format withholds it.
        LoggerFactory.getLogger("com.zaxxer.hikari.pool.HikariPool").error("Exception during pool operation",
                new IllegalStateException("wrapped", new SQLException("INSERT INTO teacher (profile) VALUES ('" + NAME + "')")));
        LoggerFactory.getLogger("org.flywaydb.core.internal.command.DbMigrate").warn("Migration failed",
                new SQLException("ERROR: duplicate key value violates unique constraint; Key (profile)=(" + EMAIL + ")"));

        String log = output.getAll();
        assertThat(log).as("the library failures were logged, by class").contains("java.sql.SQLException (message withheld)");
        assertThat(log).doesNotContain(NAME, "Секретова", BIRTH, EMAIL, PHONE, "913 555");
        assertThat(log).doesNotContainIgnoringCase("insert into").doesNotContainIgnoringCase("select ")
                .doesNotContainIgnoringCase("update candidate").doesNotContainIgnoringCase("delete from")
                .doesNotContain("duplicate key value");
    }

    private static final String OUTAGE_NAME = "Отказоустойчивая Глафира Сбоевна";
    private static final String OUTAGE_BIRTH = "1966-06-16";
    private static final String OUTAGE_EMAIL = "glafira.sboeva@example.org";
    private static final String OUTAGE_PHONE = "+7 923 444-66-16";

    /**
     * The same with the database taken away in the middle (a TCP proxy between the service and PostgreSQL, cut and
     * restored): the failures of the pool, the driver, the scheduled tasks and the refused requests are logged by
     * class only — no personal data of the requests, no SQL.
     */
    @Test
    void aWholeWorkflowWithADatabaseOutageInTheMiddleLogsNoPersonalDataAndNoSql(CapturedOutput output) throws Exception {
        Map<String, Object> profile = Profile.qualifiedTeacher(OUTAGE_NAME).set("birthDate", OUTAGE_BIRTH)
                .set("contacts", Map.of("email", OUTAGE_EMAIL, "phone", OUTAGE_PHONE)).achievement("WINNER", "MUNICIPAL").build();
        Map<String, Object> second = Profile.qualifiedTeacher(OUTAGE_NAME + "-вторая").set("birthDate", OUTAGE_BIRTH)
                .set("contacts", Map.of("email", OUTAGE_EMAIL, "phone", OUTAGE_PHONE)).achievement("WINNER", "MUNICIPAL").build();
        user("log-outage-methodist", java.util.List.of("IMC_STAFF"), java.util.List.of("ust-ishim"));
        try (ru.edu.decisions.tests.support.OutageInstance instance = ru.edu.decisions.tests.support.OutageInstance.start(
                "--decisions.security.api-key-refresh=1s")) {
            Api methodist = Api.signIn(instance.baseUrl(), "log-outage-methodist", PASSWORD);
            Api key = Api.withKey(instance.baseUrl(), INTEGRATION_KEY);

            Api.Response teacher = methodist.post("/api/v1/teachers", Map.of("jurisdiction", "ust-ishim", "teacher", profile));
            assertThat(teacher.status()).as(teacher.toString()).isEqualTo(201);
            String teacherId = teacher.json().get("id").asString();
            assertThat(methodist.post("/api/v1/teachers/" + teacherId + "/diagnostics", Map.of("asOf", "2026-11-23",
                    "diagnostics", Map.of("date", "2026-10-01", "scores", Map.of("METHODICAL", 41)))).status()).isEqualTo(201);
            Api.Response candidate = methodist.withHeader("Idempotency-Key", "log-outage-" + System.nanoTime())
                    .post("/api/v1/candidates", Map.of("jurisdiction", "ust-ishim", "asOf", "2026-11-23", "candidate", profile));
            assertThat(candidate.status()).as(candidate.toString()).isEqualTo(201);
            String candidateId = candidate.json().get("id").asString();
            assertThat(key.post("/api/v1/eligibility/decisions", Map.of("jurisdiction", "ust-ishim", "asOf", "2026-11-23",
                    "candidate", profile)).status()).isEqualTo(200);

            instance.cut();
            Api.Response during = key.post("/api/v1/eligibility/decisions", Map.of("jurisdiction", "ust-ishim",
                    "asOf", "2026-11-23", "candidate", profile));
            assertThat(during.status()).as(during.toString()).isEqualTo(200);
            String retryKey = "log-outage-retry-" + System.nanoTime();
            assertThat(methodist.withHeader("Idempotency-Key", retryKey).post("/api/v1/candidates",
                    Map.of("jurisdiction", "ust-ishim", "asOf", "2026-11-23", "candidate", second)).status()).isEqualTo(503);
            assertThat(methodist.put("/api/v1/candidates/" + candidateId + "/profile", profile).status()).isEqualTo(503);
            assertThat(methodist.get("/api/v1/candidates/" + candidateId).status()).isEqualTo(503);
            assertThat(methodist.post("/api/v1/teachers", Map.of("jurisdiction", "ust-ishim", "teacher", second)).status()).isEqualTo(503);
            assertThat(Api.withKey(instance.baseUrl(), "unknown-key-during-the-outage-0123456789")
                    .post("/api/v1/eligibility/decisions", Map.of("jurisdiction", "ust-ishim", "candidate", profile)).status())
                    .isEqualTo(503);
            assertThat(new Api(instance.baseUrl()).get("/actuator/health").status()).isEqualTo(503);
            // The background work meets the outage too (rule-set polling and listening, key uses, the spool's replay).
            Thread.sleep(6000);

            instance.restore();
            long deadline = System.nanoTime() + 90_000_000_000L;
            while (new Api(instance.baseUrl()).get("/actuator/health").status() != 200 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            String decisionId = during.json().get("decisionId").asString();
            while (key.get("/api/v1/decisions/" + decisionId).status() != 200 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(key.get("/api/v1/decisions/" + decisionId).status()).as("the spooled entry replayed").isEqualTo(200);
            Api.Response retried = methodist.withHeader("Idempotency-Key", retryKey).post("/api/v1/candidates",
                    Map.of("jurisdiction", "ust-ishim", "asOf", "2026-11-23", "candidate", second));
            assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
            assertThat(methodist.post("/api/v1/registry/ust-ishim/members", Map.of("candidateId", candidateId)).status()).isEqualTo(201);
        }

        String log = output.getAll();
        assertThat(log).as("the outage was met and logged").contains("the database is unavailable");
        assertThat(log).doesNotContain(OUTAGE_NAME, "Отказоустойчивая", OUTAGE_BIRTH, OUTAGE_EMAIL, OUTAGE_PHONE, "923 444");
        assertThat(log).doesNotContainIgnoringCase("insert into").doesNotContainIgnoringCase("select ")
                .doesNotContainIgnoringCase("update candidate").doesNotContainIgnoringCase("update teacher")
                .doesNotContainIgnoringCase("update api_key").doesNotContainIgnoringCase("update idempotency_key")
                .doesNotContainIgnoringCase("delete from").doesNotContainIgnoringCase("values (");
    }
}
