package ru.edu.decisions.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import ru.edu.decisions.tests.support.Api;
import ru.edu.decisions.tests.support.EndToEndTest;
import ru.edu.decisions.tests.support.Profile;

/**
 * A publication while systems call the decision endpoint: no request fails, and the calls after the publication
 * answer was given are decided with the new version (requests in flight finish on the version they started with).
 */
class PublishUnderLoadTest extends EndToEndTest {

    private static final String RULESETS = "/api/v1/rulesets/turochak";

    @Test
    void publishingWhileDecisionsAreRequestedFailsNoRequestAndSwitchesToTheNewVersion() throws Exception {
        Api editor = user("load-editor", List.of("POLICY_EDITOR"), List.of("turochak"));
        Api approver = user("load-approver", List.of("POLICY_APPROVER"), List.of("turochak"));
        String rules = editor.get(RULESETS + "/files").json().get("files").get("eligibility-table.csv").asString();
        Api.Response draft = editor.post(RULESETS + "/drafts", Map.of("files",
                Map.of("eligibility-table.csv", rules + "\n# проверка публикации под нагрузкой " + System.nanoTime() + "\n"),
                "comment", "публикация под нагрузкой"));
        assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
        assertThat(draft.json().get("publishable").asBoolean()).as(draft.toString()).isTrue();
        Map<String, Object> request = Map.of("jurisdiction", "turochak", "candidate",
                Profile.qualifiedTeacher("Нагрузкина Анна").build());
        String before = system.post("/api/v1/eligibility/decisions", request).json().get("ruleSet").get("version").asString();

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicBoolean published = new AtomicBoolean(false);
        AtomicInteger answered = new AtomicInteger();
        Set<String> failures = ConcurrentHashMap.newKeySet();
        Set<String> afterPublication = ConcurrentHashMap.newKeySet();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4; i++) {
            clients.submit(() -> {
                while (running.get()) {
                    boolean sentAfter = published.get();
                    Api.Response answer = system.post("/api/v1/eligibility/decisions", request);
                    answered.incrementAndGet();
                    if (answer.status() != 200) {
                        failures.add(answer.status() + " " + answer.body());
                    } else if (sentAfter) {
                        afterPublication.add(answer.json().get("ruleSet").get("version").asString());
                    }
                }
                return null;
            });
        }
        Thread.sleep(1_000);
        Api.Response publication = approver.post(RULESETS + "/drafts/" + draft.json().get("id").asString() + "/publication");
        published.set(true);
        Thread.sleep(1_500);
        running.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        assertThat(publication.status()).as(publication.toString()).isEqualTo(200);
        assertThat(failures).as("failed requests of " + answered.get()).isEmpty();
        assertThat(answered.get()).isGreaterThan(10);
        assertThat(afterPublication).as("versions answered after the publication").isNotEmpty().doesNotContain(before);
        approver.post(RULESETS + "/rollback", Map.of("reason", "конец проверки публикации под нагрузкой"));
    }
}
