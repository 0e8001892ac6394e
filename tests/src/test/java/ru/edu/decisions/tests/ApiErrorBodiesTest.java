package ru.edu.decisions.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.edu.decisions.tests.support.Api;
import ru.edu.decisions.tests.support.EndToEndTest;

/**
 * Issue 11: every error body under {@code /api/} is a problem document ({@code application/problem+json}, a Russian
 * title) — refusals of the security filters, of Spring MVC before a controller is chosen, and of the container alike;
 * never Spring's default error JSON.
 */
class ApiErrorBodiesTest extends EndToEndTest {

    private static void assertProblem(Api.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("title").asString()).as(response.toString()).matches(".*[А-Яа-яЁё].*");
        assertThat(response.json().has("timestamp")).as("not Spring's default error JSON").isFalse();
        assertThat(response.json().has("trace")).isFalse();
    }

    @Test
    void withoutCredentialsOrWithAWrongKeyIs401() {
        assertProblem(new Api(baseUrl()).post("/api/v1/eligibility/decisions", Map.of("jurisdiction", "ust-ishim")), 401);
        assertProblem(Api.withKey(baseUrl(), "wrong-key-0123456789-0123456789")
                .post("/api/v1/eligibility/decisions", Map.of("jurisdiction", "ust-ishim")), 401);
    }

    @Test
    void outsideTheRoleIs403AndAnUndeclaredAddressToo() {
        assertProblem(system.get("/api/v1/candidates?jurisdiction=ust-ishim"), 403);
        assertProblem(system.get("/api/v1/no-such-thing"), 403);
    }

    @Test
    void anUnknownRecordIs404() {
        assertProblem(system.get("/api/v1/decisions/00000000-0000-0000-0000-000000000000"), 404);
    }

    @Test
    void aWrongMethodIs405() {
        assertProblem(system.get("/api/v1/eligibility/decisions"), 405);
        assertProblem(system.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/eligibility/decisions"))
                .DELETE()), 405);
    }

    @Test
    void aWrongContentTypeIs415AndAnUnacceptableAnswer406() {
        assertProblem(system.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/eligibility/decisions"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hello"))), 415);
        Api.Response unacceptable = system.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/jurisdictions"))
                .header("Accept", "text/csv").GET());
        assertThat(unacceptable.status()).isEqualTo(406);
    }

    @Test
    void aBodyOverTheLimitIs413() {
        byte[] big = new byte[41943040 + 1024];
        java.util.Arrays.fill(big, (byte) ' ');
        assertProblem(system.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/eligibility/decisions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(big))), 413);
    }

    @Test
    void aRequestTheSecurityFirewallRejectsIsA400Problem() {
        // A doubled slash: rejected by Spring Security's firewall before any filter of the chain runs.
        assertProblem(system.get("/api/v1/decisions//00000000-0000-0000-0000-000000000000"), 400);
    }
}
