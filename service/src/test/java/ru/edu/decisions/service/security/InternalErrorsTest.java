package ru.edu.decisions.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.edu.decisions.rules.engine.RuleEvaluationException;
import ru.edu.decisions.service.common.ApiExceptionHandler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An unexpected failure or a rule that fails at run time: the message of the exception (which may quote a person's
 * data or SQL) reaches neither the log nor the answer; both carry the same correlation id.
 */
@ExtendWith(OutputCaptureExtension.class)
class InternalErrorsTest {

    private static final String PERSONAL = "Иванова Мария Петровна";
    private static final String SQL = "INSERT INTO candidate (full_name) VALUES";

    @RestController
    static class Failing {
        @GetMapping("/unexpected")
        String unexpected() {
            throw new IllegalStateException(SQL + " ('" + PERSONAL + "')", new RuntimeException("phone +7 900 000-00-00"));
        }

        @GetMapping("/rule")
        String rule() {
            throw new RuleEvaluationException("Ошибка в правиле «Стаж»: " + PERSONAL + " 1985-03-14");
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing())
            .setControllerAdvice(new ApiExceptionHandler()).build();

    @Test
    void unexpectedFailureIsAGenericProblemWithACorrelationId(CapturedOutput output) throws Exception {
        MvcResult result = mvc.perform(get("/unexpected")).andExpect(status().isInternalServerError()).andReturn();

        assertLeaksNothing(result, output, "internal");
    }

    @Test
    void ruleFailureIsAGenericProblemWithACorrelationId(CapturedOutput output) throws Exception {
        MvcResult result = mvc.perform(get("/rule")).andExpect(status().isInternalServerError()).andReturn();

        assertLeaksNothing(result, output, "rule-evaluation");
    }

    private static void assertLeaksNothing(MvcResult result, CapturedOutput output, String type) throws Exception {
        String body = result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(body).doesNotContain(PERSONAL, "INSERT", "+7 900", "1985-03-14", "Exception");
        assertThat(output.getAll()).doesNotContain(PERSONAL, "INSERT", "+7 900", "1985-03-14", "Стаж");
        JsonNode problem = JsonMapper.builder().build().readTree(body);
        assertThat(problem.has("correlationId")).as(body).isTrue();
        String correlationId = problem.get("correlationId").asString();
        assertThat(problem.get("type").asString()).endsWith("/" + type);
        assertThat(problem.get("detail").asString()).contains(correlationId).matches("[^A-Za-z]*[а-яА-Я].*");
        assertThat(output.getAll()).as("the log entry carries the id").contains(correlationId);
    }
}
