package ru.edu.decisions.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import ru.edu.decisions.tests.support.Api;
import ru.edu.decisions.tests.support.EndToEndTest;
import tools.jackson.databind.JsonNode;

/**
 * Issue 11, findings 1, 2 and 5: a repeated key, a date outside 1900-01-01 … 2100-12-31 and a number beyond its type
 * are each a 400 problem naming the field — never a 500, never the last value silently winning.
 */
class StrictInputApiTest extends EndToEndTest {

    private static final String ELIGIBILITY = "{\"jurisdiction\":\"ust-ishim\",\"asOf\":\"%s\",\"candidate\":{}}";
    private static final String BATCH = "{\"jurisdiction\":\"ust-ishim\",\"asOf\":\"%s\",\"candidates\":[{}]}";
    private static final String ROUTE = "{\"jurisdiction\":\"ust-ishim\",\"asOf\":\"%s\",\"teacher\":{},\"diagnostics\":{\"scores\":{\"METHODICAL\":40}}}";
    private static final String MENTORING = "{\"jurisdiction\":\"ust-ishim\",\"asOf\":\"%s\",\"mentors\":[],\"mentees\":[]}";

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /api/v1/eligibility/decisions | +5874898-01-01
            /api/v1/eligibility/decisions | -4713-01-01
            /api/v1/eligibility/decisions | +999999999-12-31
            /api/v1/eligibility/decisions | 1899-12-31
            /api/v1/eligibility/decisions | 2101-01-01
            /api/v1/eligibility/batch     | +5874898-01-01
            /api/v1/eligibility/batch     | -4713-01-01
            /api/v1/eligibility/batch     | +999999999-12-31
            /api/v1/routes/decisions      | +5874898-01-01
            /api/v1/routes/decisions      | -4713-01-01
            /api/v1/routes/decisions      | +999999999-12-31
            /api/v1/mentoring/decisions   | +5874898-01-01
            /api/v1/mentoring/decisions   | -4713-01-01
            /api/v1/mentoring/decisions   | +999999999-12-31
            """)
    void asOfOutsideThePlausibleRangeIs400NamingIt(String endpoint, String date) {
        String template = switch (endpoint) {
            case "/api/v1/eligibility/decisions" -> ELIGIBILITY;
            case "/api/v1/eligibility/batch" -> BATCH;
            case "/api/v1/routes/decisions" -> ROUTE;
            default -> MENTORING;
        };
        Api.Response response = system.post(endpoint, template.formatted(date));

        assertProblem(response, "asOf");
        assertThat(response.json().get("errors").get(0).get("message").asString()).contains("1900-01-01", "2100-12-31");
    }

    @Test
    void theEdgesOfTheRangeAreAccepted() {
        assertThat(system.post("/api/v1/eligibility/decisions", ELIGIBILITY.formatted("1900-01-01")).status()).isEqualTo(200);
        assertThat(system.post("/api/v1/eligibility/decisions", ELIGIBILITY.formatted("2100-12-31")).status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            eligibility birth date | /api/v1/eligibility/decisions | {"jurisdiction":"ust-ishim","candidate":{"birthDate":"+5874898-01-01"}}                                  | candidate.birthDate
            assessment date        | /api/v1/eligibility/decisions | {"jurisdiction":"ust-ishim","candidate":{"assessments":[{"kind":"EXPERT_EVALUATION","date":"-4713-01-01"}]}} | candidate.assessments[0].date
            batch birth date       | /api/v1/eligibility/batch     | {"jurisdiction":"ust-ishim","candidates":[{},{"birthDate":"0001-01-01"}]}                               | candidates[1].birthDate
            diagnostics date       | /api/v1/routes/decisions      | {"jurisdiction":"ust-ishim","teacher":{},"diagnostics":{"date":"+999999999-12-31","scores":{"METHODICAL":40}}} | diagnostics.date
            route teacher birth    | /api/v1/routes/decisions      | {"jurisdiction":"ust-ishim","teacher":{"birthDate":"1812-09-07"},"diagnostics":{"scores":{"METHODICAL":40}}} | teacher.birthDate
            mentee birth date      | /api/v1/mentoring/decisions   | {"jurisdiction":"ust-ishim","mentors":[],"mentees":[{"id":"t1","birthDate":"3000-01-01"}]}             | mentees[0].birthDate
            """)
    void aDateInsideAProfileOutsideTheRangeIs400NamingIt(String name, String endpoint, String body, String field) {
        Api.Response response = system.post(endpoint, body);

        if (endpoint.endsWith("/batch")) {
            // A batch answers every candidate: the wrong one gets its own problem, naming the field.
            assertThat(response.status()).as(response.toString()).isIn(200, 400);
            if (response.status() == 200) {
                JsonNode error = response.json().get("results").get(1).get("error");
                assertThat(error.get("errors").get(0).get("field").asString()).isEqualTo(field);
                return;
            }
        }
        assertProblem(response, field);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            jurisdiction overridden | /api/v1/eligibility/decisions | {"jurisdiction":"ust-ishim","candidate":{},"jurisdiction":"dagestan"}                          | jurisdiction
            nested duplicate        | /api/v1/eligibility/decisions | {"jurisdiction":"ust-ishim","candidate":{"employment":{"position":"TEACHER","position":"DIRECTOR"}}} | candidate.employment.position
            two ids of one mentor   | /api/v1/mentoring/decisions   | {"jurisdiction":"ust-ishim","mentors":[{"id":"m1","capacity":1,"id":"m2"}],"mentees":[]}      | mentors[0].id
            in a batch candidate    | /api/v1/eligibility/batch     | {"jurisdiction":"ust-ishim","candidates":[{},{"birthDate":"1980-01-01","birthDate":"1990-01-01"}]} | candidates[1].birthDate
            """)
    void aRepeatedKeyIs400NamingItsPath(String name, String endpoint, String body, String field) {
        Api.Response response = system.post(endpoint, body);

        assertProblem(response, field);
        assertThat(response.json().get("errors").get(0).get("message").asString()).contains("дважды");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            beyond 32 bits         | {"jurisdiction":"ust-ishim","candidate":{"employment":{"specialtyExperienceYears":4294967296}}}           | candidate.employment.specialtyExperienceYears
            beyond 64 bits         | {"jurisdiction":"ust-ishim","candidate":{"employment":{"pedagogicalExperienceYears":99999999999999999999999}}} | candidate.employment.pedagogicalExperienceYears
            negative beyond 32 bit | {"jurisdiction":"ust-ishim","candidate":{"education":[{"level":"HIGHER","year":-2147483649}]}}            | candidate.education[0].year
            """)
    void aNumberBeyondItsTypeIs400NamingTheField(String name, String body, String field) {
        Api.Response response = system.post("/api/v1/eligibility/decisions", body);

        assertProblem(response, field);
        assertThat(response.json().get("errors").get(0).get("message").asString()).contains("диапазона");
    }

    @ParameterizedTest
    @ValueSource(strings = {"higher", "Higher", " HIGHER", "HIGHER "})
    void enumValuesAreTakenOnlyAsTheContractSpellsThem(String level) {
        Api.Response response = system.post("/api/v1/eligibility/decisions",
                "{\"jurisdiction\":\"ust-ishim\",\"candidate\":{\"education\":[{\"level\":\"" + level + "\"}]}}");

        assertProblem(response, "candidate.education[0].level");
    }

    @Test
    void aCandidateWithAFarDateIsNotStored() {
        Api.Response response = api.post("/api/v1/candidates", """
                {"jurisdiction":"ust-ishim","asOf":"2026-11-23","candidate":{"fullName":"Далёкая Дата","birthDate":"-4713-01-01"}}""");

        assertProblem(response, "candidate.birthDate");
        assertThat(api.get("/api/v1/candidates?jurisdiction=ust-ishim&size=500").body()).doesNotContain("Далёкая Дата");
    }

    @Test
    void aFarAsOfInTheQueryIs400() {
        Api.Response response = api.post("/api/v1/candidates/evaluations?jurisdiction=ust-ishim&asOf=%2B5874898-01-01");

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("asOf");
    }

    @Test
    void theContractsExamplesStillPass() throws Exception {
        for (String[] example : new String[][] {
                {"/api/v1/eligibility/decisions", "ivanova.json"}, {"/api/v1/routes/decisions", "route-request.json"},
                {"/api/v1/mentoring/decisions", "mentoring-request.json"}}) {
            Path file = Path.of("../docs/examples/" + example[1]);
            if (Files.exists(file)) {
                Api.Response response = system.post(example[0], Files.readString(file));
                assertThat(response.status()).as(example[1] + ": " + response).isEqualTo(200);
            }
        }
    }

    private static void assertProblem(Api.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("errors").get(0).get("field").asString()).as(response.toString()).isEqualTo(field);
        assertThat(problem.get("errors").get(0).get("message").asString()).matches("(?s).*[а-яА-Я].*");
        assertThat(response.body()).doesNotContain("Exception", "at ru.", "at org.");
    }
}
