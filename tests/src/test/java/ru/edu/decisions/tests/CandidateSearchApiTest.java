package ru.edu.decisions.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.edu.decisions.tests.EligibilityApiTest.list;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import ru.edu.decisions.tests.support.Api;
import ru.edu.decisions.tests.support.EndToEndTest;
import ru.edu.decisions.tests.support.Profile;
import tools.jackson.databind.JsonNode;

/** The candidate list's search by school and name, and completing a candidate's data (a new decision in the history). */
class CandidateSearchApiTest extends EndToEndTest {

    private JsonNode submit(Profile profile) {
        Api.Response response = api.post("/api/v1/candidates",
                Map.of("jurisdiction", "ust-ishim", "asOf", "2026-11-23", "candidate", profile.build()));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    @Test
    void candidatesAreFoundByPartOfTheirNameAndSchoolIgnoringCaseAndYo() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        submit(Profile.qualifiedTeacher("Ёлкина Анна " + tag).employment("organization", "МБОУ «Поисковая СОШ " + tag + "»")
                .achievement("WINNER", "MUNICIPAL"));
        submit(Profile.qualifiedTeacher("Елкин Борис " + tag).employment("organization", "МБОУ «Другая ООШ " + tag + "»"));
        submit(Profile.qualifiedTeacher("Сидорова Вера " + tag).employment("organization", "МБОУ «Поисковая СОШ " + tag + "»"));

        JsonNode byName = api.get("/api/v1/candidates?jurisdiction=ust-ishim&q=ЕЛК&school=" + tag).json();
        assertThat(list(byName.get("items"))).extracting(i -> i.get("fullName").asString())
                .containsExactlyInAnyOrder("Ёлкина Анна " + tag, "Елкин Борис " + tag);
        JsonNode bySchool = api.get("/api/v1/candidates?jurisdiction=ust-ishim&school=поисковая%20сош%20" + tag).json();
        assertThat(bySchool.get("totalItems").asLong()).isEqualTo(2);
        JsonNode all = api.get("/api/v1/candidates?jurisdiction=ust-ishim&school=" + tag + "&verdict=ELIGIBLE").json();
        assertThat(list(all.get("items"))).extracting(i -> i.get("fullName").asString()).containsExactly("Ёлкина Анна " + tag);
        JsonNode wildcard = api.get("/api/v1/candidates?jurisdiction=ust-ishim&q=%25" + tag).json();
        assertThat(wildcard.get("totalItems").asLong()).isZero();
    }

    @Test
    void completingACandidatesDataDecidesAgainAndKeepsTheHistory() {
        Profile unknown = Profile.qualifiedTeacher("Дополняемая Ирина " + UUID.randomUUID()).achievement("WINNER", "MUNICIPAL");
        unknown.employment("specialtyExperienceYears", null).employment("pedagogicalExperienceYears", null);
        JsonNode candidate = submit(unknown);
        assertThat(candidate.get("latestDecision").get("verdict").asString()).isEqualTo("INSUFFICIENT_DATA");
        assertThat(list(candidate.get("latestDecision").get("missing"))).extracting(JsonNode::asString)
                .contains("employment.specialtyExperienceYears");
        String id = candidate.get("id").asString();

        Api.Response amended = api.put("/api/v1/candidates/" + id + "/profile",
                unknown.employment("specialtyExperienceYears", 12).build());
        assertThat(amended.status()).as(amended.toString()).isEqualTo(200);
        assertThat(amended.json().get("latestDecision").get("verdict").asString()).isEqualTo("ELIGIBLE");
        assertThat(amended.json().get("profile").get("employment").get("specialtyExperienceYears").asInt()).isEqualTo(12);
        assertThat(amended.json().get("history").size()).isEqualTo(2);

        Api.Response invalid = api.put("/api/v1/candidates/" + id + "/profile",
                unknown.employment("specialtyExperienceYears", 500).build());
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("employment.specialtyExperienceYears");
        assertThat(api.put("/api/v1/candidates/" + UUID.randomUUID() + "/profile",
                unknown.employment("specialtyExperienceYears", 12).build()).status()).isEqualTo(404);
    }
}
