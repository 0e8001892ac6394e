package ru.edu.decisions.tests;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import ru.edu.decisions.tests.support.Api;
import ru.edu.decisions.tests.support.EndToEndTest;
import tools.jackson.databind.JsonNode;

/** Bad input gets a 400 problem that names the field and the reason; nothing is decided or stored. */
class BadInputApiTest extends EndToEndTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            wrong enum          | {"jurisdiction":"ust-ishim","candidate":{"education":[{"level":"MASTER"}]}}                      | candidate.education[0].level
            impossible date     | {"jurisdiction":"ust-ishim","asOf":"2026-02-30","candidate":{}}                                  | asOf
            impossible birthday | {"jurisdiction":"ust-ishim","candidate":{"birthDate":"1985-13-14"}}                              | candidate.birthDate
            number as text      | {"jurisdiction":"ust-ishim","candidate":{"employment":{"specialtyExperienceYears":"12"}}}        | candidate.employment.specialtyExperienceYears
            boolean as text     | {"jurisdiction":"ust-ishim","candidate":{"stableHighStudentResults":"yes"}}                      | candidate.stableHighStudentResults
            object for a list   | {"jurisdiction":"ust-ishim","candidate":{"memberships":{"kind":"UMO"}}}                          | candidate.memberships
            enum as number      | {"jurisdiction":"ust-ishim","candidate":{"assessments":[{"kind":1}]}}                            | candidate.assessments[0].kind
            negative experience | {"jurisdiction":"ust-ishim","candidate":{"employment":{"pedagogicalExperienceYears":-1}}}       | candidate.employment.pedagogicalExperienceYears
            missing candidate   | {"jurisdiction":"ust-ishim"}                                                                     | candidate
            blank jurisdiction  | {"jurisdiction":"","candidate":{}}                                                               | jurisdiction
            """)
    void invalidFieldIs400NamingTheField(String name, String body, String field) {
        Api.Response response = system.post("/api/v1/eligibility/decisions", body);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("type").asString()).isNotBlank();
        assertThat(problem.get("title").asString()).isEqualTo("Некорректный запрос");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(problem.get("errors").get(0).get("message").asString()).matches(".*[а-яА-Я].*");
        assertThat(response.body()).doesNotContain("Exception", "at ru.", "at org.");
    }

    @Test
    void malformedJsonIs400WithWhereItBroke() {
        Api.Response response = system.post("/api/v1/eligibility/decisions", "{\"jurisdiction\":\"ust-ishim\",\"candidate\":{");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("JSON").contains("строка 1");
    }

    @Test
    void unknownFieldsAreIgnored() {
        Api.Response response = system.post("/api/v1/eligibility/decisions",
                "{\"jurisdiction\":\"ust-ishim\",\"asOf\":\"2026-11-23\",\"extra\":1,\"candidate\":{\"shoeSize\":42}}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("verdict").asString()).isEqualTo("INSUFFICIENT_DATA");
    }

    @Test
    void wrongContentTypeIs415AndWrongMethodIs405() {
        assertThat(api.get("/api/v1/eligibility/decisions").status()).isEqualTo(405);
        Api.Response text = system.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/v1/eligibility/decisions"))
                .header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("hello")));
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.json().get("title").asString()).isEqualTo("Неподдерживаемый формат запроса");
    }

    @Test
    void badQueryParameterIs400() {
        Api.Response response = api.get("/api/v1/candidates?jurisdiction=ust-ishim&verdict=MAYBE");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("verdict");
    }

    @Test
    void batchOfMillionsOfEmptyCandidatesIsRefusedWithoutReadingThemAll() throws Exception {
        // 39 MB of "{}," — under the 40 MB body limit, about 13 million candidates where 20,000 are allowed. Reading
        // them all into memory is what brought a 768 MB service down; the batch reader stops at the first one over
        // the limit.
        int count = 13_000_000;
        byte[] head = "{\"jurisdiction\":\"ust-ishim\",\"candidates\":[".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + count * 3 + 1];
        System.arraycopy(head, 0, body, 0, head.length);
        for (int i = 0, at = head.length; i < count; i++, at += 3) {
            body[at] = '{';
            body[at + 1] = '}';
            body[at + 2] = (byte) (i == count - 1 ? ' ' : ',');
        }
        body[body.length - 1] = ']';
        assertThat(body.length).isLessThan(40 * 1024 * 1024);
        long allocatedBefore = allocatedByAllThreads();

        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/api/v1/eligibility/batch"))
                        .header("Content-Type", "application/json").header("X-API-Key", INTEGRATION_KEY)
                        .timeout(java.time.Duration.ofSeconds(60))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode problem = Api.JSON.readTree(response.body());
        assertThat(problem.get("detail").asString()).contains("больше допустимых 20000");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("candidates");
        assertThat(response.body()).as("the candidates after the limit were never counted").doesNotContain(String.valueOf(count));
        // Reading all 13 million into trees allocates gigabytes; stopping at 20,001 a few dozen megabytes.
        long allocated = allocatedByAllThreads() - allocatedBefore;
        assertThat(allocated).as("bytes allocated by the service (and this client) for the request: %,d", allocated)
                .isLessThan(400L * 1024 * 1024);
    }

    /** Bytes allocated so far by the threads of this JVM (the service runs in it, on its own threads). */
    private static long allocatedByAllThreads() {
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        return java.util.Arrays.stream(threads.getThreadAllocatedBytes(threads.getAllThreadIds())).filter(b -> b > 0).sum();
    }

    @Test
    void invalidCandidateOfABatchIsNamedByItsJsonPathInRussian() {
        Api.Response response = system.post("/api/v1/eligibility/batch", """
                {"jurisdiction":"ust-ishim","asOf":"2026-11-23","candidates":[
                  {}, {"education":[{"level":"HIGHER"}, null]}, {"employment":{"specialtyExperienceYears":120}}]}""");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode results = response.json().get("results");
        assertThat(results.get(0).get("verdict").asString()).isEqualTo("INSUFFICIENT_DATA");
        assertThat(results.get(1).has("verdict")).isTrue();
        assertThat(results.get(1).get("verdict").isNull()).isTrue();
        assertThat(results.get(1).get("error").get("errors").get(0).get("field").asString()).isEqualTo("candidates[1].education[1]");
        assertThat(results.get(1).get("error").get("errors").get(0).get("message").asString()).isEqualTo("не должно равняться null");
        assertThat(results.get(2).get("error").get("errors").get(0).get("field").asString())
                .isEqualTo("candidates[2].employment.specialtyExperienceYears");
        assertThat(results.get(2).get("error").get("errors").get(0).get("message").asString()).isEqualTo("должно быть не больше 80");
    }
}
