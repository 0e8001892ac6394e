package ru.edu.decisions.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.edu.decisions.tests.EligibilityApiTest.list;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.edu.decisions.tests.support.Api;
import ru.edu.decisions.tests.support.EndToEndTest;
import ru.edu.decisions.tests.support.Profile;
import tools.jackson.databind.JsonNode;

/**
 * The contract's mentoring endpoint, and the IMC's mentoring runs over the asset's registry members and the teachers
 * of the schools the Ust-Ishim order names.
 */
class MentoringApiTest extends EndToEndTest {

    static Map<String, Object> mentor(String id, String municipality, String okrug, int capacity, boolean consent) {
        Map<String, Object> mentor = new HashMap<>(Map.of("id", id, "municipality", municipality, "subjects", List.of("математика"),
                "strengths", List.of("METHODICAL"), "capacity", capacity, "consent", consent));
        if (okrug != null) {
            mentor.put("okrug", okrug);
        }
        return mentor;
    }

    static Map<String, Object> mentee(String id, String municipality, String okrug, List<String> flags) {
        Map<String, Object> mentee = new HashMap<>(Map.of("id", id, "municipality", municipality, "subjects", List.of("математика"),
                "deficits", List.of("METHODICAL"), "birthDate", "1985-01-01", "pedagogicalExperienceYears", 12, "schoolFlags", flags));
        if (okrug != null) {
            mentee.put("okrug", okrug);
        }
        return mentee;
    }

    @Test
    void theContractsExampleKeepsEveryHardConstraintAndListsEveryMenteeOnce() throws Exception {
        String body = Files.readString(Path.of("../docs/examples/mentoring-request.json"));
        Api.Response response = system.post("/api/v1/mentoring/decisions", body);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode decision = response.json();
        assertThat(decision.get("jurisdiction").asString()).isEqualTo("dagestan");
        List<String> seen = new ArrayList<>();
        list(decision.get("assignments")).forEach(a -> seen.add(a.get("menteeId").asString()));
        list(decision.get("unassigned")).forEach(u -> seen.add(u.get("menteeId").asString()));
        assertThat(seen).containsExactlyInAnyOrder("t1", "t2", "t3", "t4");
        Map<String, String> pairs = new HashMap<>();
        list(decision.get("assignments")).forEach(a -> pairs.put(a.get("menteeId").asString(), a.get("mentorId").asString()));
        // m1 (capacity 1, Буйнакский район) serves t1 of Буйнакск across municipalities of the Central okrug — a
        // low-results school comes first; m2 takes t3 (common subject, strength covers the deficit); m3 has no consent.
        assertThat(pairs).containsEntry("t1", "m1").containsEntry("t3", "m2").doesNotContainValue("m3");
        assertThat(list(decision.get("assignments"))).allSatisfy(a -> {
            assertThat(a.get("score").asInt()).isPositive();
            assertThat(list(a.get("reasons"))).isNotEmpty().allSatisfy(r -> assertThat(r.get("message").asString()).matches(".*[а-яА-Я].*"));
        });
        assertThat(list(decision.get("unassigned"))).allSatisfy(u -> assertThat(list(u.get("reasons")))
                .anySatisfy(r -> assertThat(r.get("status").asString()).isEqualTo("NOT_MET")));
        assertThat(decision.get("objective").get("lowResults").asInt()).isEqualTo(1);
    }

    @Test
    void aDagestanMentorServesAcrossMunicipalitiesOfOneOkrugAndAnUstIshimOneCannot() {
        Map<String, Object> request = new HashMap<>(Map.of("asOf", "2026-11-23",
                "mentors", List.of(mentor("m1", "Буйнакский район", "Центральный", 2, true)),
                "mentees", List.of(mentee("t1", "Буйнакск", "Центральный", List.of()))));
        request.put("jurisdiction", "dagestan");
        assertThat(list(system.post("/api/v1/mentoring/decisions", request).json().get("assignments"))).hasSize(1);

        request.put("jurisdiction", "ust-ishim");
        JsonNode ustIshim = system.post("/api/v1/mentoring/decisions", request).json();
        assertThat(list(ustIshim.get("assignments"))).isEmpty();
        assertThat(list(ustIshim.get("unassigned")).get(0).get("reasons").get(0).get("code").asString()).isEqualTo("TERRITORY");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "повторяющийся id наставляемого|{\"jurisdiction\":\"ust-ishim\",\"mentors\":[],\"mentees\":[{\"id\":\"t1\"},{\"id\":\"t1\"}]}|mentees[1].id",
            "повторяющийся id наставника|{\"jurisdiction\":\"ust-ishim\",\"mentors\":[{\"id\":\"m\"},{\"id\":\"m\"}],\"mentees\":[]}|mentors[1].id",
            "отрицательная ёмкость|{\"jurisdiction\":\"ust-ishim\",\"mentors\":[{\"id\":\"m\",\"capacity\":-1}],\"mentees\":[]}|mentors[0].capacity",
            "неизвестная сильная сторона|{\"jurisdiction\":\"ust-ishim\",\"mentors\":[{\"id\":\"m\",\"strengths\":[\"MAGIC\"]}],\"mentees\":[]}|mentors[0].strengths[0]",
            "неизвестный признак школы|{\"jurisdiction\":\"ust-ishim\",\"mentors\":[],\"mentees\":[{\"id\":\"t\",\"schoolFlags\":[\"RICH\"]}]}|mentees[0].schoolFlags[0]",
            "ёмкость строкой|{\"jurisdiction\":\"ust-ishim\",\"mentors\":[{\"id\":\"m\",\"capacity\":\"два\"}],\"mentees\":[]}|mentors[0].capacity",
            "нет id|{\"jurisdiction\":\"ust-ishim\",\"mentors\":[{\"capacity\":1}],\"mentees\":[]}|mentors[0].id"})
    void badInputIs400NamingTheField(String name, String body, String field) {
        Api.Response response = system.post("/api/v1/mentoring/decisions", body);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(list(response.json().get("errors"))).extracting(e -> e.get("field").asString()).contains(field);
    }

    @Test
    void unknownJurisdictionIs404() {
        assertThat(system.post("/api/v1/mentoring/decisions", Map.of("jurisdiction", "atlantis", "mentors", List.of(),
                "mentees", List.of())).status()).isEqualTo(404);
    }

    @Test
    void theUstIshimOrdersSchoolsAreShippedWithTheirFlags() {
        List<JsonNode> schools = list(api.get("/api/v1/schools?jurisdiction=ust-ishim").json());

        assertThat(schools).hasSize(14);
        assertThat(schools).filteredOn(s -> list(s.get("flags")).get(0).asString().equals("LOW_RESULTS"))
                .extracting(s -> s.get("name").asString()).containsExactlyInAnyOrder("МБОУ «Аксёновская СОШ»",
                        "МБОУ «Большетавинская ООШ»", "МБОУ «Большетебендинская СОШ»", "МБОУ «Загваздинская СОШ»", "МБОУ «Ярковская ООШ»");
        // A teacher of a listed school takes its flags and municipality.
        JsonNode teacher = api.post("/api/v1/teachers", Map.of("jurisdiction", "ust-ishim",
                "teacher", Profile.qualifiedTeacher("Кайлина Ольга Петровна").build(), "school", Map.of("name", "МБОУ «Кайлинская ООШ»"))).json();
        assertThat(list(teacher.get("school").get("flags"))).extracting(JsonNode::asString).containsExactly("DIFFICULT_SOCIAL");
        assertThat(teacher.get("municipality").asString()).isEqualTo("Усть-Ишимский муниципальный район");
    }

    @Test
    void aRunOverTheRegistryIsStoredExplainedConfirmedEndedAndRerunWithoutLosingHistory() {
        String municipality = "Турочакский район, участок " + java.util.UUID.randomUUID();
        // Two asset members of Turochak, one willing to mentor one teacher, one without consent.
        String willing = member("Наставникова Ирина Павловна", municipality);
        String unwilling = member("Занятова Галина Петровна", municipality);
        assertThat(api.put("/api/v1/mentoring/mentors/turochak/" + willing,
                Map.of("consent", true, "capacity", 1, "strengths", List.of("METHODICAL", "SUBJECT"))).status()).isEqualTo(200);
        assertThat(api.put("/api/v1/mentoring/mentors/turochak/" + unwilling, Map.of("consent", false)).status()).isEqualTo(200);
        String lowResults = teacher("Низова Анна Олеговна", municipality, "LOW_RESULTS");
        String difficult = teacher("Сложнова Вера Ивановна", municipality, "DIFFICULT_SOCIAL");

        Api.Response created = api.post("/api/v1/mentoring/runs", Map.of("jurisdiction", "turochak", "asOf", "2026-11-23"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode run = created.json();
        // One place: the low-results school's teacher gets it, the other is told why not.
        JsonNode pair = list(run.get("pairs")).stream().filter(p -> p.get("menteeTeacherId").asString().equals(lowResults))
                .findFirst().orElseThrow();
        assertThat(pair.get("mentorMemberId").asString()).isEqualTo(willing);
        assertThat(pair.get("status").asString()).isEqualTo("PROPOSED");
        assertThat(list(pair.get("reasons"))).extracting(r -> r.get("code").asString()).contains("LOW_RESULTS", "SAME_MUNICIPALITY");
        assertThat(list(run.get("pairs"))).noneSatisfy(p -> assertThat(p.get("mentorMemberId").asString()).isEqualTo(unwilling));
        assertThat(list(run.get("unassigned"))).anySatisfy(u -> {
            assertThat(u.get("menteeId").asString()).isEqualTo(difficult);
            assertThat(list(u.get("reasons"))).extracting(r -> r.get("code").asString()).contains("CAPACITY", "DIFFICULT_SOCIAL");
        });

        String pairId = pair.get("id").asString();
        assertThat(api.post("/api/v1/mentoring/pairs/" + pairId + "/confirmation").json().get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(api.post("/api/v1/mentoring/pairs/" + pairId + "/confirmation").status()).isEqualTo(409);

        // A re-run keeps the confirmed pair: its mentee is not assigned again and the mentor's only place stays taken.
        JsonNode rerun = api.post("/api/v1/mentoring/runs", Map.of("jurisdiction", "turochak", "asOf", "2026-11-23")).json();
        assertThat(rerun.get("keptPairs").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(list(rerun.get("pairs"))).noneSatisfy(p -> assertThat(p.get("menteeTeacherId").asString()).isIn(lowResults, difficult));

        JsonNode ended = api.post("/api/v1/mentoring/pairs/" + pairId + "/ending", Map.of("reason", "учебный год завершён")).json();
        assertThat(ended.get("status").asString()).isEqualTo("ENDED");
        assertThat(ended.get("endReason").asString()).isEqualTo("учебный год завершён");
        assertThat(api.post("/api/v1/mentoring/pairs/" + pairId + "/ending", Map.of("reason", "ещё раз")).status()).isEqualTo(409);
        assertThat(api.post("/api/v1/mentoring/pairs/" + pairId + "/ending", Map.of("reason", "")).status()).isEqualTo(400);

        // Both runs stay, the first as it was; its decision is in the log.
        List<JsonNode> runs = list(api.get("/api/v1/mentoring/runs?jurisdiction=turochak").json());
        assertThat(runs).extracting(r -> r.get("id").asString()).contains(run.get("id").asString(), rerun.get("id").asString());
        JsonNode first = api.get("/api/v1/mentoring/runs/" + run.get("id").asString()).json();
        assertThat(list(first.get("pairs"))).anySatisfy(p -> assertThat(p.get("id").asString()).isEqualTo(pairId));
        assertThat(api.get("/api/v1/decisions/" + run.get("decisionId").asString()).json().get("kind").asString()).isEqualTo("MENTORING");
    }

    @Test
    void aNewRunSupersedesEarlierProposalsSoACapacityOneMentorCannotBeConfirmedTwice() {
        String municipality = "Турочакский район, участок " + java.util.UUID.randomUUID();
        String mentor = member("Единова Ольга Сергеевна", municipality);
        assertThat(api.put("/api/v1/mentoring/mentors/turochak/" + mentor,
                Map.of("consent", true, "capacity", 1, "strengths", List.of("METHODICAL"))).status()).isEqualTo(200);
        String first = teacher("Первова Анна Ильинична", municipality, "DIFFICULT_SOCIAL");

        // Run 1: the only teacher gets the only place.
        JsonNode run1 = api.post("/api/v1/mentoring/runs", Map.of("jurisdiction", "turochak", "asOf", "2026-11-23")).json();
        String pair1 = pairOf(run1, first, mentor);

        // A teacher of a low-results school arrives; run 2 gives her the place instead.
        String second = teacher("Второва Инна Павловна", municipality, "LOW_RESULTS");
        JsonNode run2 = api.post("/api/v1/mentoring/runs", Map.of("jurisdiction", "turochak", "asOf", "2026-11-23")).json();
        String pair2 = pairOf(run2, second, mentor);
        assertThat(list(run2.get("unassigned"))).anySatisfy(u -> assertThat(u.get("menteeId").asString()).isEqualTo(first));

        // Run 1's proposal is kept in its history, superseded, with the reason naming run 2.
        JsonNode earlier = list(api.get("/api/v1/mentoring/runs/" + run1.get("id").asString()).json().get("pairs")).stream()
                .filter(p -> p.get("id").asString().equals(pair1)).findFirst().orElseThrow();
        assertThat(earlier.get("status").asString()).isEqualTo("SUPERSEDED");
        assertThat(earlier.get("endReason").asString()).contains("новым распределением").contains(run2.get("id").asString());
        assertThat(earlier.get("endedAt").isNull()).isFalse();

        Api.Response stale = api.post("/api/v1/mentoring/pairs/" + pair1 + "/confirmation");
        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(stale.json().get("detail").asString()).contains("заменено более поздним распределением");
        assertThat(api.post("/api/v1/mentoring/pairs/" + pair2 + "/confirmation").json().get("status").asString()).isEqualTo("CONFIRMED");
        // A superseded pair cannot be ended either: its history stays as it is.
        assertThat(api.post("/api/v1/mentoring/pairs/" + pair1 + "/ending", Map.of("reason", "отказ")).status()).isEqualTo(409);
        assertThat(api.get("/api/v1/mentoring/runs/" + run1.get("id").asString()).json().get("pairs").toString())
                .contains(pair1).contains("SUPERSEDED");
    }

    @Test
    void aConfirmationNeedsTheMentorsConsentAndAPlaceLeftNow() {
        String municipality = "Турочакский район, участок " + java.util.UUID.randomUUID();
        String mentor = member("Двоева Нина Петровна", municipality);
        assertThat(api.put("/api/v1/mentoring/mentors/turochak/" + mentor,
                Map.of("consent", true, "capacity", 2, "strengths", List.of("METHODICAL"))).status()).isEqualTo(200);
        String a = teacher("Аникина Зоя Павловна", municipality, "LOW_RESULTS");
        String b = teacher("Борина Ева Павловна", municipality, "LOW_RESULTS");
        JsonNode run = api.post("/api/v1/mentoring/runs", Map.of("jurisdiction", "turochak", "asOf", "2026-11-23")).json();
        String pairA = pairOf(run, a, mentor);
        String pairB = pairOf(run, b, mentor);

        // The mentor now takes one mentee only: the first confirmation fills the place, the second is refused.
        assertThat(api.put("/api/v1/mentoring/mentors/turochak/" + mentor,
                Map.of("consent", true, "capacity", 1, "strengths", List.of("METHODICAL"))).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/mentoring/pairs/" + pairA + "/confirmation").json().get("status").asString()).isEqualTo("CONFIRMED");
        Api.Response full = api.post("/api/v1/mentoring/pairs/" + pairB + "/confirmation");
        assertThat(full.status()).as(full.toString()).isEqualTo(409);
        assertThat(full.contentType()).contains("application/problem+json");
        assertThat(full.json().get("detail").asString()).contains("уже подтверждённых наставляемых — 1").contains("не больше 1");

        // The place is free again, but the mentor withdrew consent: still refused, saying why.
        assertThat(api.post("/api/v1/mentoring/pairs/" + pairA + "/ending", Map.of("reason", "перевод в другую школу")).status())
                .isEqualTo(200);
        assertThat(api.put("/api/v1/mentoring/mentors/turochak/" + mentor, Map.of("consent", false)).status()).isEqualTo(200);
        Api.Response unwilling = api.post("/api/v1/mentoring/pairs/" + pairB + "/confirmation");
        assertThat(unwilling.status()).as(unwilling.toString()).isEqualTo(409);
        assertThat(unwilling.json().get("detail").asString()).contains("не дал согласия");

        // Consent again, no capacity given: the jurisdiction's default applies, and there is a place.
        assertThat(api.put("/api/v1/mentoring/mentors/turochak/" + mentor, Map.of("consent", true)).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/mentoring/pairs/" + pairB + "/confirmation").json().get("status").asString()).isEqualTo("CONFIRMED");
    }

    @Test
    void youngSpecialistsByTheManifestAreMenteesAndASchoolNamedLikeAFlagIsNotAFlag() {
        JsonNode turochak = list(api.get("/api/v1/jurisdictions").json()).stream()
                .filter(j -> j.get("code").asString().equals("turochak")).findFirst().orElseThrow();
        int ageBelow = turochak.get("parameters").get("youngSpecialistAgeBelow").get("value").asInt();
        int maxYears = turochak.get("parameters").get("youngSpecialistMaxYears").get("value").asInt();
        java.time.LocalDate asOf = java.time.LocalDate.of(2026, 11, 23);

        String municipality = "Турочакский район, участок " + java.util.UUID.randomUUID();
        String mentor = member("Молодцова Лидия Ивановна", municipality);
        assertThat(api.put("/api/v1/mentoring/mentors/turochak/" + mentor,
                Map.of("consent", true, "capacity", 5, "strengths", List.of("METHODICAL"))).status()).isEqualTo(200);
        String young = teacher("Юнцова Алина Сергеевна", municipality, List.of(), "МБОУ «Школа № 1»",
                asOf.minusYears(ageBelow).plusDays(1), maxYears);
        String tooOld = teacher("Старцева Мария Сергеевна", municipality, List.of(), "МБОУ «Школа № 2»",
                asOf.minusYears(ageBelow), maxYears);
        String tooExperienced = teacher("Опытова Дарья Сергеевна", municipality, List.of(), "МБОУ «Школа № 3»",
                asOf.minusYears(ageBelow).plusDays(1), maxYears + 1);
        String namedLikeAFlag = teacher("Названова Вера Сергеевна", municipality, List.of(), "МБОУ «LOW_RESULTS DIFFICULT_SOCIAL»",
                asOf.minusYears(50), 25);

        JsonNode run = api.post("/api/v1/mentoring/runs", Map.of("jurisdiction", "turochak", "asOf", asOf.toString())).json();
        JsonNode pair = list(run.get("pairs")).stream().filter(p -> p.get("menteeTeacherId").asString().equals(young))
                .findFirst().orElseThrow(() -> new AssertionError("the young specialist is not a mentee: " + run));
        assertThat(pair.get("mentorMemberId").asString()).isEqualTo(mentor);
        assertThat(list(pair.get("reasons"))).extracting(r -> r.get("code").asString()).contains("YOUNG_SPECIALIST");
        List<String> mentees = new ArrayList<>();
        list(run.get("pairs")).forEach(p -> mentees.add(p.get("menteeTeacherId").asString()));
        list(run.get("unassigned")).forEach(u -> mentees.add(u.get("menteeId").asString()));
        assertThat(mentees).doesNotContain(tooOld, tooExperienced, namedLikeAFlag);
    }

    private static String pairOf(JsonNode run, String mentee, String mentor) {
        JsonNode pair = list(run.get("pairs")).stream().filter(p -> p.get("menteeTeacherId").asString().equals(mentee))
                .findFirst().orElseThrow(() -> new AssertionError("no pair for " + mentee + " in " + run));
        assertThat(pair.get("mentorMemberId").asString()).isEqualTo(mentor);
        assertThat(pair.get("status").asString()).isEqualTo("PROPOSED");
        return pair.get("id").asString();
    }

    private String teacher(String name, String municipality, List<String> flags, String school, java.time.LocalDate birthDate,
                           int years) {
        Api.Response created = api.post("/api/v1/teachers", Map.of("jurisdiction", "turochak",
                "teacher", Profile.qualifiedTeacher(name).set("birthDate", birthDate.toString())
                        .employment("pedagogicalExperienceYears", years).employment("specialtyExperienceYears", years).build(),
                "municipality", municipality, "school", Map.of("name", school, "flags", flags)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    /** An asset member of Turochak working in the given municipality. */
    private String member(String name, String municipality) {
        String externalId = "member-" + java.util.UUID.randomUUID();
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

    private String teacher(String name, String municipality, String flag) {
        Api.Response created = api.post("/api/v1/teachers", Map.of("jurisdiction", "turochak",
                "teacher", Profile.qualifiedTeacher(name).set("birthDate", "1980-02-02").build(), "municipality", municipality,
                "school", Map.of("name", "МБОУ «Школа " + name + "»", "flags", List.of(flag))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }
}
