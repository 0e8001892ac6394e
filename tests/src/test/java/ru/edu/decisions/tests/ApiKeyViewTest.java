package ru.edu.decisions.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import ru.edu.decisions.tests.support.Api;
import ru.edu.decisions.tests.support.EndToEndTest;

/**
 * API keys are checked from an in-memory view (no database read or write per request), yet a revocation made by
 * another instance — here, straight in the database — takes effect within seconds (decisions.security.api-key-refresh).
 */
class ApiKeyViewTest extends EndToEndTest {

    private static final Map<String, Object> DECISION = Map.of("jurisdiction", "ust-ishim", "asOf", "2026-11-23",
            "candidate", Map.of());

    @Test
    void aKeyRevokedElsewhereStopsWorkingWithinSeconds() throws Exception {
        Api.Response created = admin.post("/api/v1/admin/api-keys", Map.of("name", "Вид ключей " + UUID.randomUUID(),
                "scopes", List.of("ELIGIBILITY"), "jurisdictions", List.of("ust-ishim")));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("key").get("id").asString();
        Api key = Api.withKey(baseUrl(), created.json().get("secret").asString());
        for (int i = 0; i < 20; i++) {
            assertThat(key.post("/api/v1/eligibility/decisions", DECISION).status()).isEqualTo(200);
        }

        sql("UPDATE api_key SET revoked_at = CURRENT_TIMESTAMP, revoked_by = 'another instance' WHERE id = ?", UUID.fromString(id));
        long revokedAt = System.nanoTime();
        int status = 200;
        while (status == 200 && System.nanoTime() - revokedAt < 15_000_000_000L) {
            status = key.post("/api/v1/eligibility/decisions", DECISION).status();
            if (status == 200) {
                Thread.sleep(200);
            }
        }
        double seconds = (System.nanoTime() - revokedAt) / 1e9;
        assertThat(status).as("refused %.1f s after the revocation", seconds).isEqualTo(401);
        assertThat(seconds).isLessThan(7.0);
    }

    @Test
    void aKeyRevokedHereStopsAtOnceAndItsLastUseIsRecorded() {
        Api.Response created = admin.post("/api/v1/admin/api-keys", Map.of("name", "Вид ключей " + UUID.randomUUID(),
                "scopes", List.of("ELIGIBILITY"), "jurisdictions", List.of("ust-ishim")));
        String id = created.json().get("key").get("id").asString();
        Api key = Api.withKey(baseUrl(), created.json().get("secret").asString());
        assertThat(key.post("/api/v1/eligibility/decisions", DECISION).status()).isEqualTo(200);

        assertThat(admin.get("/api/v1/admin/api-keys").json().valueStream()
                .filter(k -> k.get("id").asString().equals(id)).findFirst().orElseThrow()
                .get("lastUsedAt").isNull()).as("the use is written when the keys are listed at the latest").isFalse();
        assertThat(admin.post("/api/v1/admin/api-keys/" + id + "/revocation").status()).isEqualTo(200);
        assertThat(key.post("/api/v1/eligibility/decisions", DECISION).status()).isEqualTo(401);
    }
}
