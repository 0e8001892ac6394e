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
}
