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
}
