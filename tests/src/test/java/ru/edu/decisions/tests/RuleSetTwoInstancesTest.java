package ru.edu.decisions.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.edu.decisions.tests.EligibilityApiTest.list;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import ru.edu.decisions.service.DecisionServiceApplication;
import ru.edu.decisions.tests.support.Api;
import ru.edu.decisions.tests.support.EndToEndTest;

/**
 * Two instances of the service on one PostgreSQL database: a publication on one is served by the other within
 * seconds (PostgreSQL LISTEN/NOTIFY; the polling fallback is set to a minute here, so it cannot be what answers).
 */
class RuleSetTwoInstancesTest extends EndToEndTest {

    private static ConfigurableApplicationContext second;

    private static synchronized String secondInstance() {
        if (second == null) {
            second = startInstance();
        }
        return baseUrl(second);
    }

    private static String baseUrl(ConfigurableApplicationContext instance) {
        return "http://localhost:" + ((org.springframework.boot.web.server.context.WebServerApplicationContext) instance)
                .getWebServer().getPort();
    }

    private static ConfigurableApplicationContext startInstance() {
        // Command-line arguments: they take precedence over application.yaml (default properties would not).
        return new SpringApplicationBuilder(DecisionServiceApplication.class).run(
                    "--server.port=0",
                    "--spring.datasource.url=" + DB_URL,
                    "--spring.datasource.username=" + DB_USER,
                    "--spring.datasource.password=" + DB_PASSWORD,
                    "--decisions.security.admin-username=admin",
                    "--decisions.security.admin-password=" + ADMIN_PASSWORD,
                    "--decisions.security.api-key=" + INTEGRATION_KEY,
                    "--decisions.rules-sync-interval=60s");
    }

    @AfterAll
    static void stopSecond() {
        if (second != null) {
            second.close();
        }
    }

    private static String version(Api api) {
        Api.Response jurisdictions = api.get("/api/v1/jurisdictions");
        assertThat(jurisdictions.status()).as(api.baseUrl() + " " + jurisdictions).isEqualTo(200);
        return list(jurisdictions.json()).stream().filter(j -> j.get("code").asString().equals("turochak"))
                .findFirst().orElseThrow().get("ruleSet").get("version").asString();
    }

    @Test
    void aPublicationOnOneInstanceIsServedByTheOtherWithinSeconds() throws Exception {
        Api other = Api.withKey(secondInstance(), INTEGRATION_KEY);
        Api editor = user("two-instances-editor", List.of("POLICY_EDITOR"), List.of("turochak"));
        Api approver = user("two-instances-approver", List.of("POLICY_APPROVER"), List.of("turochak"));
        String manifest = editor.get("/api/v1/rulesets/turochak/files").json().get("files").get("manifest.yaml").asString();
        String before = version(other);
        assertThat(version(system)).isEqualTo(before);

        Api.Response draft = editor.post("/api/v1/rulesets/turochak/drafts", Map.of("files",
                Map.of("manifest.yaml", manifest + "\n# две копии сервиса: " + System.nanoTime() + "\n")));
        assertThat(draft.json().get("publishable").asBoolean()).as(draft.toString()).isTrue();
        // The approver reviews the draft before publishing it; meanwhile every instance compiles it ahead.
        Thread.sleep(Long.getLong("review.millis", 15_000));
        long sent = System.nanoTime();
        Api.Response published = approver.post("/api/v1/rulesets/turochak/drafts/" + draft.json().get("id").asString() + "/publication");
        long committed = System.nanoTime();
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        String after = published.json().get("inForce").get("version").asString();
        assertThat(after).isNotEqualTo(before);

        long served = servedAt(other, after, committed);
        assertThat(served).as("the second instance never served the publication").isPositive();
        double fromAnswer = (served - committed) / 1e9;
        double fromRequest = (served - sent) / 1e9;
        System.out.printf("PUBLISH-TO-SERVING: second instance served the publication %.2f s after the publication's answer "
                + "(%.2f s after the request; publication itself %.2f s)%n", fromAnswer, fromRequest, (committed - sent) / 1e9);
        assertThat(fromAnswer).isLessThan(10.0);
        // Requests in flight finish on their snapshot: both instances answer throughout (no failed request above).

        assertThat(approver.post("/api/v1/rulesets/turochak/rollback", Map.of("reason", "проверка двух копий окончена")).status()).isEqualTo(200);
    }

    /**
     * An instance that never saw the draft announced (it started after the draft was created) compiles the stored
     * publishable drafts ahead at start-up, so it too serves the publication by switching rules.
     */
    @Test
    void anInstanceStartedAfterTheDraftWasCreatedServesItsPublicationWithinSeconds() throws Exception {
        Api editor = user("late-instance-editor", List.of("POLICY_EDITOR"), List.of("turochak"));
        Api approver = user("late-instance-approver", List.of("POLICY_APPROVER"), List.of("turochak"));
        String manifest = editor.get("/api/v1/rulesets/turochak/files").json().get("files").get("manifest.yaml").asString();
        Api.Response draft = editor.post("/api/v1/rulesets/turochak/drafts", Map.of("files",
                Map.of("manifest.yaml", manifest + "\n# копия, запущенная после черновика: " + System.nanoTime() + "\n")));
        assertThat(draft.json().get("publishable").asBoolean()).as(draft.toString()).isTrue();

        ConfigurableApplicationContext late = startInstance();
        try {
            Api other = Api.withKey(baseUrl(late), INTEGRATION_KEY);
            String before = version(other);
            assertThat(version(system)).isEqualTo(before);
            // The approver reviews the draft; meanwhile the new instance compiles the stored drafts in the background.
            Thread.sleep(Long.getLong("review.millis", 15_000));
            long sent = System.nanoTime();
            Api.Response published = approver.post("/api/v1/rulesets/turochak/drafts/" + draft.json().get("id").asString() + "/publication");
            long committed = System.nanoTime();
            assertThat(published.status()).as(published.toString()).isEqualTo(200);
            String after = published.json().get("inForce").get("version").asString();
            assertThat(after).isNotEqualTo(before);

            long served = servedAt(other, after, committed);
            assertThat(served).as("the instance started after the draft never served its publication").isPositive();
            double fromAnswer = (served - committed) / 1e9;
            System.out.printf("PUBLISH-TO-SERVING (instance started after the draft): served %.2f s after the publication's "
                    + "answer (%.2f s after the request; publication itself %.2f s)%n", fromAnswer, (served - sent) / 1e9,
                    (committed - sent) / 1e9);
            assertThat(fromAnswer).isLessThan(10.0);
        } finally {
            late.close();
            assertThat(approver.post("/api/v1/rulesets/turochak/rollback", Map.of("reason", "проверка поздней копии окончена")).status()).isEqualTo(200);
        }
    }

    /** When (System.nanoTime) the instance first answers with the version, polling every 20 ms for 30 s; -1 if never. */
    private static long servedAt(Api instance, String version, long since) throws InterruptedException {
        while (System.nanoTime() - since < 30_000_000_000L) {
            if (version(instance).equals(version)) {
                return System.nanoTime();
            }
            Thread.sleep(20);
        }
        return -1;
    }
}
