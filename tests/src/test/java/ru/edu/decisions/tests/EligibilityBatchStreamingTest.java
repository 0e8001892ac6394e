package ru.edu.decisions.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import ru.edu.decisions.tests.support.Api;
import ru.edu.decisions.tests.support.EndToEndTest;
import ru.edu.decisions.tests.support.Profile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The batch answer is written while the candidates are read and decided, a chunk at a time; it must stay exactly the
 * contract's {@code {"results": [...]}}. Expected answer built from the single-decision endpoint: every decided
 * candidate's result is that endpoint's decision for the same candidate (without {@code facts}, with its index), in
 * the contract's field order, compared byte for byte (the decision ids, fresh on every call, masked); malformed
 * candidates have their error in place. The batch spans several chunks and ends in the middle of one.
 */
class EligibilityBatchStreamingTest extends EndToEndTest {

    private static final String AS_OF = "2026-11-23";
    private static final Pattern DECISION_ID = Pattern.compile("\"decisionId\":\"[0-9a-f-]{36}\"");

    private static Object candidate(int i) {
        Profile profile = Profile.qualifiedTeacher("Педагог " + i);
        switch (i % 5) {
            case 0 -> profile.achievement("WINNER", "MUNICIPAL");
            case 1 -> profile.employment("specialtyExperienceYears", i % 7);
            case 2 -> profile.membership("GIA_COMMISSION", "MEMBER", "MUNICIPAL", "Предметная комиссия ОГЭ");
            case 3 -> profile.employment("specialtyExperienceYears", null);
            default -> profile.assessment("FIOKO_DIAGNOSTICS", "PASSED");
        }
        return profile.build();
    }

    private ObjectNode expectedResult(int index, Object candidate, boolean trace) {
        Api.Response single = system.post("/api/v1/eligibility/decisions?trace=" + trace,
                Map.of("jurisdiction", "ust-ishim", "asOf", AS_OF, "candidate", candidate));
        assertThat(single.status()).as(single.toString()).isEqualTo(200);
        JsonNode decision = single.json();
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("index", index);
        for (String field : List.of("decisionId", "jurisdiction", "ruleSet", "asOf", "verdict", "grounds", "reasons",
                "missing", "trace")) {
            result.set(field, decision.get(field));
        }
        result.putNull("error");
        return result;
    }

    private static String masked(String json) {
        return DECISION_ID.matcher(json).replaceAll("\"decisionId\":\"…\"");
    }

    @Test
    void theStreamedBatchAnswersExactlyWhatTheSingleEndpointDecidesInTheContractsShape() {
        assertSameAsSingleDecisions(1_100, false);
    }

    @Test
    void theStreamedBatchWithTraceAnswersExactlyWhatTheSingleEndpointDecides() {
        assertSameAsSingleDecisions(530, true);
    }

    private void assertSameAsSingleDecisions(int count, boolean trace) {
        List<Object> candidates = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            candidates.add(candidate(i));
        }
        int notAnObject = 3;
        int wrongType = 700 % count;
        candidates.set(notAnObject, "не кандидат");
        candidates.set(wrongType, Map.of("employment", Map.of("specialtyExperienceYears", "двенадцать")));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("candidates", candidates); // before the jurisdiction: the answer must not depend on the order of fields
        body.put("jurisdiction", "ust-ishim");
        body.put("asOf", AS_OF);

        Api.Response batch = system.post("/api/v1/eligibility/batch?trace=" + trace, body);

        assertThat(batch.status()).isEqualTo(200);
        assertThat(batch.contentType()).startsWith("application/json");
        List<JsonNode> results = new ArrayList<>();
        batch.json().get("results").forEach(results::add);
        assertThat(results).hasSize(count);
        StringBuilder expected = new StringBuilder("{\"results\":[");
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                expected.append(',');
            }
            if (i == notAnObject || i == wrongType) {
                JsonNode failed = results.get(i);
                assertThat(failed.get("index").asInt()).isEqualTo(i);
                assertThat(failed.get("verdict").isNull()).isTrue();
                assertThat(failed.get("error").get("status").asInt()).isEqualTo(400);
                assertThat(failed.get("error").get("errors").get(0).get("field").asString())
                        .isEqualTo(i == notAnObject ? "candidates[3]" : "candidates[" + i + "].employment.specialtyExperienceYears");
                expected.append(Api.JSON.writeValueAsString(failed));
            } else {
                expected.append(Api.JSON.writeValueAsString(expectedResult(i, candidates.get(i), trace)));
            }
        }
        expected.append("]}");
        assertThat(masked(batch.body())).isEqualTo(masked(expected.toString()));
        assertThat(results.stream().filter(r -> !r.get("verdict").isNull()).map(r -> r.get("verdict").asString()).distinct())
                .as("the sample covers more than one verdict").hasSizeGreaterThan(1);
    }

    @Test
    void everyDecisionOfAStreamedBatchIsInTheDecisionLog() {
        List<Object> candidates = new ArrayList<>();
        for (int i = 0; i < 1_030; i++) {
            candidates.add(candidate(i));
        }
        Api.Response batch = system.post("/api/v1/eligibility/batch",
                Map.of("jurisdiction", "ust-ishim", "asOf", AS_OF, "candidates", candidates));
        assertThat(batch.status()).isEqualTo(200);
        JsonNode results = batch.json().get("results");
        for (int i : new int[] {0, 511, 512, 1_023, 1_024, 1_029}) {
            String id = results.get(i).get("decisionId").asString();
            Api.Response logged = system.get("/api/v1/decisions/" + id);
            assertThat(logged.status()).as("decision %d in the log", i).isEqualTo(200);
            assertThat(logged.json().get("outcome").asString()).isEqualTo(results.get(i).get("verdict").asString());
        }
    }
}
