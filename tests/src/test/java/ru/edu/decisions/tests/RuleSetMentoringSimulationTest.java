package ru.edu.decisions.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.edu.decisions.tests.EligibilityApiTest.list;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import ru.edu.decisions.tests.support.Api;
import ru.edu.decisions.tests.support.EndToEndTest;
import ru.edu.decisions.tests.support.Profile;
import tools.jackson.databind.JsonNode;

/**
 * The simulation of a draft that touches the mentoring rules decides the jurisdiction's mentoring run again with the
 * rules in force and with the draft, and shows each mentee whose pair changes (ids, scores, the reasons that differ —
 * no personal data); a comment in the mentoring rules changes no pair.
 */
class RuleSetMentoringSimulationTest extends EndToEndTest {

    private static final String RULESETS = "/api/v1/rulesets/turochak";

    @Test
    void aDraftThatChangesAPairScoreShowsTheMenteesWhosePairsChange() {
        Api editor = user("mentoring-simulation-editor", List.of("POLICY_EDITOR"), List.of("turochak"));
        String municipality = "Турочакский район, участок " + UUID.randomUUID();
        String mentor = member("Наставникова Инна Сергеевна", municipality);
        assertThat(api.put("/api/v1/mentoring/mentors/turochak/" + mentor,
                Map.of("consent", true, "capacity", 1, "strengths", List.of("METHODICAL", "SUBJECT"))).status()).isEqualTo(200);
        Api.Response mentee = api.post("/api/v1/teachers", Map.of("jurisdiction", "turochak",
                "teacher", Profile.qualifiedTeacher("Подопечная Алла Викторовна").set("birthDate", "1981-04-04").build(),
                "municipality", municipality, "school", Map.of("name", "МБОУ «Школа " + UUID.randomUUID() + "»", "flags", List.of("LOW_RESULTS"))));
        assertThat(mentee.status()).as(mentee.toString()).isEqualTo(201);
        String menteeId = mentee.json().get("id").asString();
        Api.Response run = api.post("/api/v1/mentoring/runs", Map.of("jurisdiction", "turochak"));
        assertThat(run.status()).as(run.toString()).isEqualTo(201);

        String manifest = editor.get(RULESETS + "/files").json().get("files").get("manifest.yaml").asString();
        String raised = manifest.replaceFirst("(subjectPoints:\\s*\\n\\s*value:\\s*)\\d+", "$137");
        assertThat(raised).isNotEqualTo(manifest);
        Api.Response draft = editor.post(RULESETS + "/drafts", Map.of("files", Map.of("manifest.yaml", raised)));
        assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
        JsonNode simulation = editor.post(RULESETS + "/drafts/" + draft.json().get("id").asString() + "/simulation?size=1000").json();
        JsonNode mentoring = simulation.get("mentoring");
        assertThat(mentoring == null || mentoring.isNull()).as(simulation.toString()).isFalse();
        assertThat(mentoring.get("runs").asInt()).isPositive();
        assertThat(mentoring.get("changed").asInt()).isPositive();
        JsonNode change = list(mentoring.get("changes")).stream().filter(c -> c.get("menteeId").asString().equals(menteeId))
                .findFirst().orElseThrow(() -> new AssertionError("the mentee " + menteeId + " is not among " + mentoring));
        assertThat(change.get("mentorBefore").isNull()).as(change.toString()).isFalse();
        assertThat(change.get("scoreAfter").asInt()).isNotEqualTo(change.get("scoreBefore").asInt());
        assertThat(list(change.get("beforeReasons")).size() + list(change.get("afterReasons")).size()).isPositive();
        assertThat(change.toString()).as("no personal data").doesNotContain("Подопечная").doesNotContain("Наставникова");
        System.out.printf("MENTORING-SIMULATION: %d mentees decided again, %d changed (%d ms for the whole simulation)%n",
                mentoring.get("mentees").asInt(), mentoring.get("changed").asInt(), simulation.get("millis").asLong());

        String rules = editor.get(RULESETS + "/files").json().get("files").get("mentoring.drl").asString();
        Api.Response comment = editor.post(RULESETS + "/drafts", Map.of("files", Map.of("mentoring.drl",
                rules + "\n// комментарий без изменения правил\n")));
        assertThat(comment.status()).as(comment.toString()).isEqualTo(201);
        JsonNode none = editor.post(RULESETS + "/drafts/" + comment.json().get("id").asString() + "/simulation").json();
        assertThat(none.get("mentoring").get("mentees").asInt()).as(none.toString()).isPositive();
        assertThat(none.get("mentoring").get("changed").asInt()).as(none.toString()).isZero();
        assertThat(none.get("routes").isNull()).as("a mentoring comment touches no route rule").isTrue();
    }

    /** An asset member of Turochak working in the given municipality. */
    private String member(String name, String municipality) {
        String externalId = "member-" + UUID.randomUUID();
        Map<String, Object> profile = Profile.qualifiedTeacher(name).set("id", externalId).set("stableHighStudentResults", false)
                .membership("SUBJECT_ASSOCIATION", "HEAD", "MUNICIPAL", "РМО учителей математики").build();
        Api.Response candidate = api.post("/api/v1/candidates", Map.of("jurisdiction", "turochak", "candidate", profile));
        assertThat(candidate.json().get("latestDecision").get("verdict").asString()).as(candidate.toString()).isEqualTo("ELIGIBLE");
        Api.Response included = api.post("/api/v1/registry/turochak/members", Map.of("candidateId", candidate.json().get("id").asString()));
        assertThat(included.status()).as(included.toString()).isEqualTo(201);
        assertThat(api.post("/api/v1/teachers", Map.of("jurisdiction", "turochak", "teacher", profile,
                "municipality", municipality)).status()).isEqualTo(201);
        return included.json().get("id").asString();
    }
}
