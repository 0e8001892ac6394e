package ru.edu.decisions.service.eligibility;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import ru.edu.decisions.model.DecisionKind;
import ru.edu.decisions.model.Reason;
import ru.edu.decisions.model.ReasonStatus;
import ru.edu.decisions.model.RuleSetRef;
import ru.edu.decisions.model.TeacherProfile;
import ru.edu.decisions.model.eligibility.EligibilityDecision;
import ru.edu.decisions.model.eligibility.Verdict;
import ru.edu.decisions.rules.engine.JurisdictionRules;
import ru.edu.decisions.rules.engine.Manifest;
import ru.edu.decisions.service.common.DecisionThreads;
import ru.edu.decisions.service.common.DecisionsProperties;
import ru.edu.decisions.service.common.JsonCodec;
import ru.edu.decisions.service.common.JsonConfiguration;
import ru.edu.decisions.service.decisionlog.DecisionRecord;
import ru.edu.decisions.service.rulesets.RuleSets;
import ru.edu.decisions.service.security.CurrentActor;

/** The eligibility endpoints' input handling: validation and RFC 9457 problem details, without rules or database. */
@WebMvcTest(EligibilityController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import({JsonCodec.class, JsonConfiguration.class, DecisionThreads.class, EligibilityControllerTest.Properties.class})
class EligibilityControllerTest {

    static class Properties {
        @org.springframework.context.annotation.Bean
        DecisionsProperties decisionsProperties() {
            return new DecisionsProperties(null, java.time.ZoneId.of("Europe/Moscow"), 1_000_000, 4, null);
        }
    }

    @Autowired
    MockMvc mvc;
    @MockitoBean
    EligibilityService eligibility;
    @MockitoBean
    RuleSets ruleSets;
    @MockitoBean
    CurrentActor current;
    @Autowired
    JsonCodec json;

    private final JurisdictionRules rules = new JurisdictionRules(new Manifest("ust-ishim", "Усть-Ишимский МР",
            new Manifest.Regulation("Положение о ММА", null, "03/1", LocalDate.of(2023, 1, 10), null), "2023.1", null),
            "2023.1+test", List.of(), null, null, null);

    @BeforeEach
    void decideEverythingEligible() {
        given(eligibility.asOfOrToday(any())).willAnswer(i -> i.getArgument(0) == null ? LocalDate.of(2026, 11, 23) : i.getArgument(0));
        given(eligibility.rules(any(), eq("ust-ishim"))).willReturn(rules);
        given(eligibility.rules(any(), eq("ust-ishim"), any(LocalDate.class))).willReturn(rules);
        given(eligibility.decide(eq(rules), any(), any(TeacherProfile.class), eq(DecisionRecord.Source.API), isNull(), anyBoolean()))
                .willAnswer(i -> logged(i.getArgument(1)));
        given(eligibility.decideAndLog(eq("ust-ishim"), any(), any(TeacherProfile.class), eq(DecisionRecord.Source.API), isNull(), anyBoolean()))
                .willAnswer(i -> logged(i.getArgument(1)));
    }

    private EligibilityService.Logged logged(LocalDate asOf) {
        EligibilityDecision decision = new EligibilityDecision(UUID.randomUUID(), "ust-ishim",
                new RuleSetRef("ust-ishim", "2023.1+test", "Положение о ММА"), asOf, Verdict.ELIGIBLE,
                List.of("ust-ishim:3.2.6"), List.of(new Reason("ust-ishim:3.2.6", ReasonStatus.MET, "Победитель конкурса")),
                List.of(), List.of(), List.of());
        return new EligibilityService.Logged(decision, new DecisionRecord(decision.decisionId(), DecisionKind.ELIGIBILITY,
                DecisionRecord.Source.API, "ust-ishim", "2023.1+test", asOf, "ELIGIBLE", decision.grounds(), decision.reasons(),
                "0".repeat(64), null, Instant.now(), json.write(decision)));
    }

    private org.springframework.test.web.servlet.ResultActions decide(String body) throws Exception {
        return mvc.perform(post("/api/v1/eligibility/decisions").contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void validRequestIsDecided() throws Exception {
        decide("{\"jurisdiction\":\"ust-ishim\",\"asOf\":\"2026-11-23\",\"candidate\":{\"fullName\":\"Иванова Мария\"}}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("ELIGIBLE"))
                .andExpect(jsonPath("$.grounds[0]").value("ust-ishim:3.2.6"))
                .andExpect(jsonPath("$.asOf").value("2026-11-23"));
    }

    @Test
    void malformedJsonIsAProblemWithTheLocation() throws Exception {
        decide("{\"jurisdiction\": \"ust-ishim\", ")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/validation"))
                .andExpect(jsonPath("$.title").value("Некорректный запрос"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("JSON")));
    }

    @Test
    void unknownEnumValueNamesTheFieldAndTheAllowedValues() throws Exception {
        decide("{\"jurisdiction\":\"ust-ishim\",\"candidate\":{\"employment\":{\"qualificationCategory\":\"SUPREME\"}}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("candidate.employment.qualificationCategory"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("NONE, FIRST, HIGHEST")));
    }

    @Test
    void impossibleDateIsRejected() throws Exception {
        decide("{\"jurisdiction\":\"ust-ishim\",\"candidate\":{\"assessments\":[{\"kind\":\"FIOKO_DIAGNOSTICS\",\"date\":\"2024-04-31\"}]}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("candidate.assessments[0].date"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("2024-04-31")));
    }

    @Test
    void valueOfTheWrongTypeIsRejectedNotCoerced() throws Exception {
        decide("{\"jurisdiction\":\"ust-ishim\",\"candidate\":{\"education\":[{\"pedagogical\":\"true\"}]}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("candidate.education[0].pedagogical"))
                .andExpect(jsonPath("$.errors[0].message").value("Неверный тип значения: ожидается true или false"));
        decide("{\"jurisdiction\":\"ust-ishim\",\"candidate\":{\"trainings\":[{\"hours\":36.5}]}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("candidate.trainings[0].hours"));
    }

    @Test
    void constraintViolationsAreListedInRussian() throws Exception {
        decide("{\"jurisdiction\":\"ust-ishim\",\"candidate\":{\"contacts\":{\"email\":\"не почта\"},\"employment\":{\"specialtyExperienceYears\":120}}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[?(@.field == 'candidate.contacts.email')].message").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'candidate.employment.specialtyExperienceYears')].message")
                        .value("должно быть не больше 80"));
    }

    @Test
    void batchReportsAMalformedCandidateAndDecidesTheOthers() throws Exception {
        mvc.perform(post("/api/v1/eligibility/batch").contentType(MediaType.APPLICATION_JSON).content("""
                        {"jurisdiction":"ust-ishim","asOf":"2026-11-23","candidates":[
                          {"fullName":"Первая"}, {"birthDate":"1990-13-40"}, null, {"employment":{"pedagogicalExperienceYears":-2}}]}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results.length()").value(4))
                .andExpect(jsonPath("$.results[0].verdict").value("ELIGIBLE"))
                .andExpect(jsonPath("$.results[1].verdict").hasJsonPath())
                .andExpect(jsonPath("$.results[1].verdict").value(org.hamcrest.Matchers.nullValue()))
                .andExpect(jsonPath("$.results[1].error.status").value(400))
                .andExpect(jsonPath("$.results[1].error.errors[0].field").value("candidates[1].birthDate"))
                .andExpect(jsonPath("$.results[2].error.errors[0].field").value("candidates[2]"))
                .andExpect(jsonPath("$.results[3].error.errors[0].field").value("candidates[3].employment.pedagogicalExperienceYears"));
    }

    @Test
    void batchLargerThanTheLimitIsRefused() throws Exception {
        mvc.perform(post("/api/v1/eligibility/batch").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"jurisdiction\":\"ust-ishim\",\"candidates\":[{},{},{},{},{}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("больше допустимых 4")));
    }

    @Test
    void batchStopsReadingAtTheFirstCandidateOverTheLimit() throws Exception {
        // Six candidates where four are allowed, then a body that is not even JSON: the reader stops at the fifth
        // and never sees the rest (a reader that parsed everything would answer "not valid JSON").
        mvc.perform(post("/api/v1/eligibility/batch").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"jurisdiction\":\"ust-ishim\",\"candidates\":[{},{},{},{},{},{},<<не JSON>>"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("больше допустимых 4")))
                .andExpect(jsonPath("$.errors[0].field").value("candidates"));
    }

    @Test
    void batchOfExactlyTheLimitIsDecidedAndCandidatesMustBeAnArray() throws Exception {
        mvc.perform(post("/api/v1/eligibility/batch").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"jurisdiction\":\"ust-ishim\",\"candidates\":[{},{},{},{}]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results.length()").value(4));
        mvc.perform(post("/api/v1/eligibility/batch").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"jurisdiction\":\"ust-ishim\",\"candidates\":{\"fullName\":\"Одна\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("candidates"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("массив")));
    }

    @Test
    void batchValidationMessagesAreRussianAndNameJsonPaths() throws Exception {
        // Worker threads without the request's locale would fall back to the JVM's: make that English on purpose.
        java.util.Locale jvm = java.util.Locale.getDefault();
        java.util.Locale.setDefault(java.util.Locale.US);
        try {
            mvc.perform(post("/api/v1/eligibility/batch").contentType(MediaType.APPLICATION_JSON).content("""
                            {"jurisdiction":"ust-ishim","asOf":"2026-11-23","candidates":[
                              {}, {"education":[{"level":"HIGHER"}, null]}, {"employment":{"specialtyExperienceYears":120}},
                              {"methodicalExperience":[" "]}]}"""))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.results[0].verdict").value("ELIGIBLE"))
                    .andExpect(jsonPath("$.results[1].error.errors[0].field").value("candidates[1].education[1]"))
                    .andExpect(jsonPath("$.results[1].error.errors[0].message").value("не должно равняться null"))
                    .andExpect(jsonPath("$.results[2].error.errors[0].field").value("candidates[2].employment.specialtyExperienceYears"))
                    .andExpect(jsonPath("$.results[2].error.errors[0].message").value("должно быть не больше 80"))
                    .andExpect(jsonPath("$.results[3].error.errors[0].field").value("candidates[3].methodicalExperience[0]"))
                    .andExpect(jsonPath("$.results[3].error.detail")
                            .value(org.hamcrest.Matchers.containsString("candidates[3].methodicalExperience[0]")));
        } finally {
            java.util.Locale.setDefault(jvm);
        }
    }

    @Test
    void elementOfAListIsNamedByItsJsonPath() throws Exception {
        decide("{\"jurisdiction\":\"ust-ishim\",\"candidate\":{\"education\":[{\"level\":\"HIGHER\"}, null]}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("candidate.education[1]"))
                .andExpect(jsonPath("$.errors[0].message").value("не должно равняться null"));
    }

    @Test
    void ruleFailureInABatchQuotesNoDataAndSharesOneCorrelationId() throws Exception {
        given(eligibility.decide(eq(rules), any(), any(TeacherProfile.class), eq(DecisionRecord.Source.API), isNull(), anyBoolean()))
                .willAnswer(i -> {
                    TeacherProfile candidate = i.getArgument(2);
                    if (candidate.fullName() != null && candidate.fullName().startsWith("Сбойная")) {
                        throw new ru.edu.decisions.rules.engine.RuleEvaluationException("Ошибка в правиле: " + candidate.fullName());
                    }
                    return logged(i.getArgument(1));
                });

        String body = mvc.perform(post("/api/v1/eligibility/batch").contentType(MediaType.APPLICATION_JSON).content("""
                        {"jurisdiction":"ust-ishim","asOf":"2026-11-23","candidates":[
                          {"fullName":"Сбойная Анна"}, {"fullName":"Обычная Вера"}, {"fullName":"Сбойная Ольга"}]}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results[0].error.status").value(500))
                .andExpect(jsonPath("$.results[1].verdict").value("ELIGIBLE"))
                .andExpect(jsonPath("$.results[2].error.type").value("/problems/rule-evaluation"))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

        org.assertj.core.api.Assertions.assertThat(body).doesNotContain("Сбойная", "Ошибка в правиле");
        tools.jackson.databind.JsonNode results = tools.jackson.databind.json.JsonMapper.builder().build().readTree(body).get("results");
        String correlationId = results.get(0).get("error").get("correlationId").asString();
        org.assertj.core.api.Assertions.assertThat(results.get(2).get("error").get("correlationId").asString()).isEqualTo(correlationId);
        org.assertj.core.api.Assertions.assertThat(results.get(0).get("error").get("detail").asString()).contains(correlationId);
    }

    @Test
    void missingCandidateAndBlankJurisdictionAreNamed() throws Exception {
        decide("{\"jurisdiction\":\"\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'jurisdiction')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'candidate')]").exists());
    }
}
