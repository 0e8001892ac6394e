package ru.edu.decisions.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.edu.decisions.tests.EligibilityApiTest.list;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.edu.decisions.tests.support.Api;
import ru.edu.decisions.tests.support.EndToEndTest;
import ru.edu.decisions.tests.support.Profile;
import tools.jackson.databind.JsonNode;

/**
 * The simulation of a draft that touches the route rules re-decides every stored ACTIVE route of the jurisdiction
 * from its stored diagnostics, with the rules in force and with the draft, and shows each changed route (ids,
 * activities, hours, the reasons that differ — no personal data); a draft that changes nothing shows none.
 */
class RuleSetRouteSimulationTest extends EndToEndTest {

    private static final String RULESETS = "/api/v1/rulesets/ust-ishim";

    @Test
    void aDraftThatChangesARouteThresholdShowsTheStoredRoutesItChanges() {
        Api editor = user("route-simulation-editor", List.of("POLICY_EDITOR"), List.of("ust-ishim"));
        Api.Response registered = api.post("/api/v1/teachers", Map.of("jurisdiction", "ust-ishim",
                "teacher", Profile.qualifiedTeacher("Маршрутова Ольга Ивановна").set("birthDate", "1978-03-02").build()));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String teacher = registered.json().get("id").asString();
        Api.Response created = api.post("/api/v1/teachers/" + teacher + "/diagnostics", Map.of(
                "diagnostics", Map.of("date", "2026-10-01", "scores", Map.of("METHODICAL", 45, "DIGITAL", 70))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String routeId = created.json().get("id").asString();
        assertThat(created.json().get("status").asString()).isEqualTo("ACTIVE");

        String manifest = editor.get(RULESETS + "/files").json().get("files").get("manifest.yaml").asString();
        String lowered = manifest.replaceFirst("(severeBelow:\\s*\\n\\s*value:\\s*)\\d+", "$140");
        assertThat(lowered).isNotEqualTo(manifest);
        Api.Response threshold = editor.post(RULESETS + "/drafts", Map.of("files", Map.of("manifest.yaml", lowered),
                "comment", "выраженный дефицит — ниже 40 %"));
        assertThat(threshold.status()).as(threshold.toString()).isEqualTo(201);

        JsonNode simulation = editor.post(RULESETS + "/drafts/" + threshold.json().get("id").asString() + "/simulation?size=1000").json();
        JsonNode routes = simulation.get("routes");
        assertThat(routes).as(simulation.toString()).isNotNull();
        assertThat(routes.isNull()).as(simulation.toString()).isFalse();
        assertThat(simulation.get("candidates")).as("the existing fields stay").isNotNull();
        assertThat(routes.get("routes").asInt()).isPositive();
        assertThat(routes.get("changed").asInt()).isPositive().isLessThanOrEqualTo(routes.get("routes").asInt());
        JsonNode change = list(routes.get("changes")).stream().filter(c -> c.get("routeId").asString().equals(routeId))
                .findFirst().orElseThrow(() -> new AssertionError("the stored route " + routeId + " is not among " + routes));
        assertThat(change.get("teacherId").asString()).isEqualTo(teacher);
        assertThat(list(change.get("before").get("deficits"))).extracting(JsonNode::asString).contains("METHODICAL:SEVERE");
        assertThat(list(change.get("after").get("deficits"))).extracting(JsonNode::asString).doesNotContain("METHODICAL:SEVERE");
        assertThat(change.get("before").get("totalHours").isInt()).isTrue();
        assertThat(list(change.get("before").get("items"))).allSatisfy(item -> {
            assertThat(item.get("activityId").asString()).isNotBlank();
            assertThat(item.get("title").asString()).isNotBlank();
        });
        assertThat(list(change.get("beforeReasons")).size() + list(change.get("afterReasons")).size()).isPositive();
        assertThat(change.toString()).as("no personal data").doesNotContain("Маршрутова").doesNotContain("1978-03-02");
        System.out.printf("ROUTE-SIMULATION: %d stored routes re-decided, %d changed (%d ms for the whole simulation)%n",
                routes.get("routes").asInt(), routes.get("changed").asInt(), simulation.get("millis").asLong());

        // A comment in the route rules changes no route.
        String rules = editor.get(RULESETS + "/files").json().get("files").get("routes.drl").asString();
        Api.Response comment = editor.post(RULESETS + "/drafts", Map.of("files", Map.of("routes.drl",
                rules + "\n// комментарий без изменения правил\n")));
        assertThat(comment.status()).as(comment.toString()).isEqualTo(201);
        JsonNode none = editor.post(RULESETS + "/drafts/" + comment.json().get("id").asString() + "/simulation").json();
        assertThat(none.get("routes").get("routes").asInt()).as(none.toString()).isPositive();
        assertThat(none.get("routes").get("changed").asInt()).as(none.toString()).isZero();
        assertThat(list(none.get("routes").get("changes"))).isEmpty();
        assertThat(none.get("changed").asInt()).isZero();
    }
}
