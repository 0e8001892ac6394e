package ru.edu.decisions.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.edu.decisions.tests.support.Api;
import ru.edu.decisions.tests.support.EndToEndTest;
import ru.edu.decisions.tests.support.OutageInstance;
import ru.edu.decisions.tests.support.Profile;
import tools.jackson.databind.JsonNode;

/**
 * Issue 11, "through a database outage": an instance of the service reaches PostgreSQL through a TCP proxy the test
 * cuts and restores (the real server keeps running). The stateless decisions keep answering and their log entries
 * arrive exactly once when the database returns — also after a restart during the outage; a full spool refuses with
 * 503; workflow requests are 503 problems with Retry-After that leave nothing half-written and are not doubled when
 * repeated with the same Idempotency-Key; health says DOWN, then UP.
 */
class DatabaseOutageTest extends EndToEndTest {

    /** The spool holds at most this many entries on the instance under test. */
    private static final int SPOOL_MAX = 30;

    private static OutageInstance instance;

    @BeforeAll
    static void startInstance() {
        instance = OutageInstance.start("--decisions.decision-log.spool-max-entries=" + SPOOL_MAX,
                "--decisions.security.api-key-refresh=1s");
    }

    @AfterAll
    static void stopInstance() {
        if (instance != null) {
            instance.close();
        }
    }

    @AfterEach
    void databaseBack() {
        instance.restore();
        await("the spool replayed", () -> spooledBytes() == 0);
    }

    private static Api key() {
        return Api.withKey(instance.baseUrl(), INTEGRATION_KEY);
    }

    private static Map<String, Object> candidate(String name) {
        return Profile.qualifiedTeacher(name).achievement("WINNER", "MUNICIPAL").build();
    }

    @Test
    void statelessDecisionsKeepAnsweringThroughAnOutageAndTheirLogEntriesArriveExactlyOnce() {
        Api system = key();
        assertThat(system.post("/api/v1/eligibility/decisions", Map.of("jurisdiction", "ust-ishim", "asOf", "2026-11-23",
                "candidate", candidate("До отключения"))).status()).isEqualTo(200);
        assertThat(health().status()).isEqualTo(200);

        instance.cut();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Api.Response decision = system.post("/api/v1/eligibility/decisions", Map.of("jurisdiction", "ust-ishim",
                    "asOf", "2026-11-23", "candidate", candidate("Кандидат " + i)));
            assertThat(decision.status()).as(decision.toString()).isEqualTo(200);
            assertThat(decision.json().get("verdict").asString()).isEqualTo("ELIGIBLE");
            ids.add(decision.json().get("decisionId").asString());
        }
        Api.Response batch = system.post("/api/v1/eligibility/batch", Map.of("jurisdiction", "ust-ishim", "asOf", "2026-11-23",
                "candidates", IntStream.range(0, 10).mapToObj(i -> candidate("Пакет " + i)).toList()));
        assertThat(batch.status()).as(batch.toString()).isEqualTo(200);
        batch.json().get("results").valueStream().forEach(r -> ids.add(r.get("decisionId").asString()));
        Api.Response route = system.post("/api/v1/routes/decisions", Map.of("jurisdiction", "ust-ishim", "asOf", "2026-11-23",
                "teacher", Map.of(), "diagnostics", Map.of("date", "2026-10-01", "scores", Map.of("METHODICAL", 41))));
        assertThat(route.status()).as(route.toString()).isEqualTo(200);
        ids.add(route.json().get("decisionId").asString());
        Map<String, Object> mentoring = new HashMap<>(Map.of("jurisdiction", "dagestan", "asOf", "2026-11-23",
                "mentors", List.of(MentoringApiTest.mentor("m1", "Буйнакский район", "Центральный", 2, true)),
                "mentees", List.of(MentoringApiTest.mentee("t1", "Буйнакск", "Центральный", List.of()))));
        Api.Response assignment = system.post("/api/v1/mentoring/decisions", mentoring);
        assertThat(assignment.status()).as(assignment.toString()).isEqualTo(200);
        ids.add(assignment.json().get("decisionId").asString());

        assertThat(ids).hasSize(20).doesNotHaveDuplicates();
        assertThat(logged(ids)).as("nothing reaches the database while it is away").isZero();
        assertThat(spooledBytes()).as("the entries wait in the spool").isPositive();
        Api.Response down = health();
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.body()).contains("DOWN");

        instance.restore();
        await("the spool replayed", () -> logged(ids) == ids.size());
        assertThat(logged(ids)).isEqualTo(ids.size());
        assertThat(rowsOf(ids)).as("each entry exactly once").isEqualTo(ids.size());
        await("health UP", () -> health().status() == 200);
        // A logged decision is readable as it was answered.
        Api.Response stored = system.get("/api/v1/decisions/" + ids.get(0));
        assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
        assertThat(stored.json().get("outcome").asString()).isEqualTo("ELIGIBLE");
    }

    @Test
    void aSpoolLeftByAnInstanceStoppedDuringTheOutageIsReplayedOnceWhenItStartsAgain() {
        Api system = key();
        assertThat(system.post("/api/v1/eligibility/decisions", Map.of("jurisdiction", "ust-ishim",
                "candidate", candidate("Разогрев"))).status()).isEqualTo(200);
        instance.cut();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Api.Response decision = system.post("/api/v1/eligibility/decisions", Map.of("jurisdiction", "turochak",
                    "asOf", "2026-11-23", "candidate", candidate("Перед остановкой " + i)));
            assertThat(decision.status()).as(decision.toString()).isEqualTo(200);
            ids.add(decision.json().get("decisionId").asString());
        }
        long spooled = spooledBytes();
        assertThat(spooled).isPositive();

        instance.stop(); // the database still away: the entries stay in the spool on disk
        assertThat(spooledBytes()).isEqualTo(spooled);
        assertThat(logged(ids)).isZero();
        instance.restore();
        instance.startAgain();

        await("the spool replayed after the restart", () -> logged(ids) == ids.size());
        await("the spool emptied", () -> spooledBytes() == 0);
        assertThat(rowsOf(ids)).isEqualTo(ids.size());
        // And the instance decides as before.
        assertThat(key().post("/api/v1/eligibility/decisions", Map.of("jurisdiction", "ust-ishim",
                "candidate", candidate("После перезапуска"))).status()).isEqualTo(200);
    }

    @Test
    void aFullSpoolRefusesDecisionsWith503AndRetryAfterRatherThanAnswerThemUnlogged() {
        Api system = key();
        assertThat(system.post("/api/v1/eligibility/decisions", Map.of("jurisdiction", "ust-ishim",
                "candidate", candidate("Разогрев"))).status()).isEqualTo(200);
        instance.cut();
        Api.Response filling = system.post("/api/v1/eligibility/batch", Map.of("jurisdiction", "ust-ishim",
                "candidates", IntStream.range(0, SPOOL_MAX).mapToObj(i -> candidate("Пакет " + i)).toList()));
        assertThat(filling.status()).as(filling.toString()).isEqualTo(200);
        List<String> ids = filling.json().get("results").valueStream().map(r -> r.get("decisionId").asString()).toList();

        Api.Response refused = system.post("/api/v1/eligibility/decisions", Map.of("jurisdiction", "ust-ishim",
                "candidate", candidate("Лишний")));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(refused.json().get("title").asString()).isEqualTo("Сервис временно недоступен");
        assertThat(refused.json().get("detail").asString()).contains("журнал решений заполнен");
        assertThat(refused.json().has("decisionId")).isFalse();

        instance.restore();
        await("the spool replayed", () -> logged(ids) == ids.size());
        Api.Response after = system.post("/api/v1/eligibility/decisions", Map.of("jurisdiction", "ust-ishim",
                "candidate", candidate("После")));
        assertThat(after.status()).as(after.toString()).isEqualTo(200);
        assertThat(rowsOf(List.of(after.json().get("decisionId").asString()))).isEqualTo(1);
    }

    @Test
    void workflowRequestsAre503ProblemsThatLeaveNothingHalfWrittenAndAreNotDoubledOnRetry() {
        user("outage-methodist", List.of("IMC_STAFF"), List.of("ust-ishim"));
        Api methodist = Api.signIn(instance.baseUrl(), "outage-methodist", PASSWORD);
        assertThat(methodist.get("/api/v1/candidates?jurisdiction=ust-ishim").status()).isEqualTo(200);
        String name = "Отключениева Вера " + UUID.randomUUID();
        Map<String, Object> submission = Map.of("jurisdiction", "ust-ishim", "asOf", "2026-11-23", "candidate", candidate(name));
        String key = "outage-" + UUID.randomUUID();
        long candidates = count("SELECT count(*) FROM candidate");
        long teachers = count("SELECT count(*) FROM teacher");

        instance.cut();
        for (Api.Response refused : List.of(
                methodist.withHeader("Idempotency-Key", key).post("/api/v1/candidates", submission),
                methodist.post("/api/v1/teachers", Map.of("jurisdiction", "ust-ishim", "teacher", Map.of("fullName", name))),
                methodist.get("/api/v1/candidates?jurisdiction=ust-ishim"),
                Api.withKey(instance.baseUrl(), "a-key-this-instance-has-never-seen-0123456789")
                        .post("/api/v1/eligibility/decisions", Map.of("jurisdiction", "ust-ishim", "candidate", Map.of())))) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
            assertThat(refused.contentType()).as(refused.toString()).startsWith("application/problem+json");
            assertThat(refused.header("Retry-After")).as(refused.toString()).isNotBlank();
            assertThat(refused.json().get("title").asString()).isEqualTo("Сервис временно недоступен");
            assertThat(refused.body()).doesNotContainIgnoringCase("select").doesNotContainIgnoringCase("insert")
                    .doesNotContain("Exception").doesNotContain(name);
        }

        // A page of the workspace: the Russian error page, not a stack trace or JSON.
        Api.Response page = methodist.withHeader("Accept", "text/html").get("/candidates");
        assertThat(page.status()).as(page.toString()).isEqualTo(503);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("Сервис временно недоступен").doesNotContain("Exception");
        // Signing in cannot read the account: 503, not «wrong password».
        Api.Response login = Api.browser(instance.baseUrl()).login("outage-methodist", PASSWORD);
        assertThat(login.status()).as(login.toString()).isEqualTo(503);
        assertThat(login.contentType()).startsWith("application/problem+json");

        instance.restore();
        await("health UP", () -> health().status() == 200);
        assertThat(count("SELECT count(*) FROM candidate")).as("nothing half-written").isEqualTo(candidates);
        assertThat(count("SELECT count(*) FROM teacher")).isEqualTo(teachers);

        Api.Response stored = methodist.withHeader("Idempotency-Key", key).post("/api/v1/candidates", submission);
        assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
        Api.Response repeated = methodist.withHeader("Idempotency-Key", key).post("/api/v1/candidates", submission);
        assertThat(repeated.status()).isEqualTo(201);
        assertThat(repeated.json().get("id").asString()).isEqualTo(stored.json().get("id").asString());
        assertThat(count("SELECT count(*) FROM candidate")).isEqualTo(candidates + 1);
        assertThat(count("SELECT count(*) FROM teacher")).isEqualTo(teachers + 1);
    }

    private static Api.Response health() {
        return new Api(instance.baseUrl()).get("/actuator/health");
    }

    /** Bytes of entries the instance's spool holds on disk (the log file's length; it is emptied once replayed). */
    private static long spooledBytes() {
        try {
            Path log = instance.spool().resolve("spool.log");
            return Files.exists(log) ? Files.size(log) : 0;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** How many of these decisions the decision log holds (read from PostgreSQL directly, not through the proxy). */
    private static long logged(Collection<String> ids) {
        return count("SELECT count(DISTINCT id) FROM decision_log WHERE id IN (" + inList(ids) + ")");
    }

    /** Rows (not distinct ids) of these decisions. */
    private static long rowsOf(Collection<String> ids) {
        return count("SELECT count(*) FROM decision_log WHERE id IN (" + inList(ids) + ")");
    }

    private static String inList(Collection<String> ids) {
        return ids.stream().map(UUID::fromString).map(id -> "'" + id + "'").collect(Collectors.joining(","));
    }

    private static long count(String query) {
        try (Connection connection = DriverManager.getConnection(DB_URL, DB_USER, DB_PASSWORD);
             Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for a condition the service reaches in the background (a deadline, not a timing assertion). */
    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for: " + what).isLessThan(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
