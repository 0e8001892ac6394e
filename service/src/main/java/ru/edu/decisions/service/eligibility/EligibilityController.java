package ru.edu.decisions.service.eligibility;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.edu.decisions.model.TeacherProfile;
import ru.edu.decisions.model.eligibility.EligibilityDecision;
import ru.edu.decisions.model.eligibility.EligibilityRequest;
import ru.edu.decisions.rules.engine.JurisdictionRules;
import ru.edu.decisions.rules.engine.RuleEvaluationException;
import ru.edu.decisions.service.common.ApiExceptionHandler;
import ru.edu.decisions.service.common.ApiExceptionHandler.FieldMessage;
import ru.edu.decisions.service.common.DecisionThreads;
import ru.edu.decisions.service.common.DecisionsProperties;
import ru.edu.decisions.service.common.JsonCodec;
import ru.edu.decisions.service.decisionlog.DecisionRecord;
import ru.edu.decisions.service.rulesets.RuleSets;
import ru.edu.decisions.service.security.CurrentActor;
import ru.edu.decisions.model.DecisionKind;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.JsonNode;

@RestController
@Tag(name = "Решения: включение в методический актив")
class EligibilityController {

    private final EligibilityService eligibility;
    private final RuleSets ruleSets;
    private final JsonCodec json;
    private final Validator validator;
    private final DecisionsProperties properties;
    private final DecisionThreads threads;
    private final CurrentActor current;

    EligibilityController(EligibilityService eligibility, RuleSets ruleSets, JsonCodec json, Validator validator,
                          DecisionsProperties properties, DecisionThreads threads, CurrentActor current) {
        this.current = current;
        this.threads = threads;
        this.eligibility = eligibility;
        this.ruleSets = ruleSets;
        this.json = json;
        this.validator = validator;
        this.properties = properties;
    }

    /**
     * The answer is the decision's JSON exactly as the decision log stores it: serialized once, with the same mapper
     * the converters use, and sent as those bytes (not serialized a second time for the response).
     */
    @PostMapping("/api/v1/eligibility/decisions")
    @Operation(summary = "Решение о включении кандидата в методический актив, с объяснением по пунктам Положения")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = EligibilityDecision.class)))
    ResponseEntity<byte[]> decide(@Valid @RequestBody EligibilityRequest request,
                                  @Parameter(description = "Включить в ответ список сработавших правил")
                                  @RequestParam(defaultValue = "true") boolean trace) {
        eligibility.rules(ruleSets.current(), request.jurisdiction());
        current.requireDecision(request.jurisdiction(), DecisionKind.ELIGIBILITY);
        EligibilityService.Logged logged = eligibility.decideAndLog(request.jurisdiction(),
                eligibility.asOfOrToday(request.asOf()), request.candidate(), DecisionRecord.Source.API, null, trace);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(logged.record().decision().getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/api/v1/eligibility/batch")
    @Operation(summary = "Решения по многим кандидатам (до decisions.max-batch-size, по умолчанию 20 000); "
            + "ошибка в одном кандидате не проваливает весь пакет")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = EligibilityBatchResponse.class)))
    void batch(@Valid @RequestBody EligibilityBatchRequest request,
               @Parameter(description = "Включить в ответ списки сработавших правил")
               @RequestParam(defaultValue = "false") boolean trace,
               HttpServletRequest http, HttpServletResponse response) throws IOException {
        if (request.candidates().size() > properties.maxBatchSize()) {
            throw EligibilityBatchRequest.tooMany(properties.maxBatchSize());
        }
        eligibility.rules(ruleSets.current(), request.jurisdiction());
        current.requireDecision(request.jurisdiction(), DecisionKind.ELIGIBILITY);
        LocalDate asOf = eligibility.asOfOrToday(request.asOf());
        JurisdictionRules rules = eligibility.rules(ruleSets.current(), request.jurisdiction(), asOf);
        // The worker threads do not carry the request's locale: validation messages must still be in Russian.
        LocaleContext locale = LocaleContextHolder.getLocaleContext();
        // A rule failing at run time fails for many candidates alike: it is logged once per batch, under one id.
        AtomicReference<String> failure = new AtomicReference<>();
        ObjectWriter writer = json.mapper().writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

        // Streamed: the candidates are read from the body a chunk at a time, decided on the decision threads, the
        // chunk's entries appended to the decision log, and only then its results written — so the answer is the
        // same JSON as {"results": [...]} written at once, every result sent is logged, and the memory a batch needs
        // is one chunk's, not the whole batch's. If the log fails after the first chunk has been sent, the answer is
        // cut off (invalid JSON), never completed with unlogged decisions.
        JsonGenerator out = null;
        try (JsonParser parser = json.mapper().createParser(BatchBody.of(http))) {
            seekCandidates(parser);
            int index = 0;
            boolean more = true;
            while (more) {
                List<JsonNode> chunk = new ArrayList<>(BATCH_CHUNK);
                for (JsonToken token = parser.nextToken(); chunk.size() < BATCH_CHUNK; token = parser.nextToken()) {
                    if (token == JsonToken.END_ARRAY) {
                        more = false;
                        break;
                    }
                    chunk.add(parser.readValueAsTree());
                    if (chunk.size() == BATCH_CHUNK) {
                        break;
                    }
                }
                int first = index;
                Outcome[] outcomes = new Outcome[chunk.size()];
                threads.run(() -> {
                    IntStream.range(0, outcomes.length).parallel().forEach(i -> {
                        LocaleContext previous = LocaleContextHolder.getLocaleContext();
                        LocaleContextHolder.setLocaleContext(locale);
                        try {
                            outcomes[i] = decideOne(rules, asOf, first + i, chunk.get(i), trace, failure);
                        } finally {
                            LocaleContextHolder.setLocaleContext(previous);
                        }
                    });
                    return outcomes;
                });
                List<DecisionRecord> records = new ArrayList<>(outcomes.length);
                for (Outcome outcome : outcomes) {
                    if (outcome.logged() != null) {
                        records.add(outcome.logged().record());
                    }
                }
                eligibility.logAll(records);
                if (out == null) {
                    out = startResults(response);
                }
                for (int i = 0; i < outcomes.length; i++) {
                    Outcome outcome = outcomes[i];
                    writer.writeValue(out, outcome.logged() != null
                            ? EligibilityBatchResponse.Result.of(first + i, outcome.logged().decision())
                            : EligibilityBatchResponse.Result.failed(first + i, rules.code(), rules.ref(), asOf, outcome.error()));
                }
                index += outcomes.length;
            }
        }
        if (out == null) {
            out = startResults(response);
        }
        out.writeEndArray();
        out.writeEndObject();
        out.close();
    }

    /** Candidates decided, logged and written together: enough to keep both cores busy, small enough to hold. */
    static final int BATCH_CHUNK = 512;

    private JsonGenerator startResults(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        JsonGenerator out = json.mapper().createGenerator(response.getOutputStream());
        out.writeStartObject();
        out.writeName("results");
        out.writeStartArray();
        return out;
    }

    /** Moves the parser of a batch body (already checked as a whole) to the start of its {@code candidates} array. */
    private static void seekCandidates(JsonParser parser) {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new IllegalStateException("A checked batch body is an object");
        }
        for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("candidates".equals(name) && value == JsonToken.START_ARRAY) {
                return;
            }
            parser.skipChildren();
        }
        throw new IllegalStateException("A checked batch body has its candidates");
    }

    private record Outcome(EligibilityService.Logged logged, ProblemDetail error) {
    }

    private Outcome decideOne(JurisdictionRules rules, LocalDate asOf, int index, JsonNode node, boolean trace,
                              AtomicReference<String> failure) {
        String prefix = "candidates[" + index + "]";
        if (node == null || node.isNull() || !node.isObject()) {
            return new Outcome(null, ApiExceptionHandler.validationProblem("Кандидат " + index + " не задан объектом",
                    List.of(new FieldMessage(prefix, "Ожидается объект с данными кандидата"))));
        }
        TeacherProfile candidate;
        try {
            candidate = json.mapper().treeToValue(node, TeacherProfile.class);
        } catch (JacksonException e) {
            ProblemDetail problem = ApiExceptionHandler.notReadable(e);
            @SuppressWarnings("unchecked")
            List<FieldMessage> errors = (List<FieldMessage>) problem.getProperties().get("errors");
            List<FieldMessage> prefixed = errors.stream()
                    .map(m -> new FieldMessage(m.field().isEmpty() ? prefix : prefix + "." + m.field(), m.message())).toList();
            return new Outcome(null, ApiExceptionHandler.validationProblem("Кандидат " + index + ": "
                    + prefixed.get(0).field() + " — " + prefixed.get(0).message(), prefixed));
        }
        List<FieldMessage> violations = validator.validate(candidate).stream()
                .map((ConstraintViolation<TeacherProfile> v) -> new FieldMessage(jsonPath(prefix, v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(FieldMessage::field))
                .toList();
        if (!violations.isEmpty()) {
            return new Outcome(null, ApiExceptionHandler.validationProblem("Кандидат " + index + ": "
                    + violations.get(0).field() + " — " + violations.get(0).message(), violations));
        }
        try {
            return new Outcome(eligibility.decide(rules, asOf, candidate, DecisionRecord.Source.API, null, trace), null);
        } catch (RuleEvaluationException e) {
            String correlationId = failure.get();
            if (correlationId == null) {
                String logged = ApiExceptionHandler.logFailure(e);
                correlationId = failure.compareAndSet(null, logged) ? logged : failure.get();
            }
            return new Outcome(null, ApiExceptionHandler.internalProblem("rule-evaluation",
                    "Правила не смогли вынести решение по кандидату " + index, correlationId));
        }
    }

    /**
     * The JSON path of a violation: {@code candidates[4].education[0]} for an element of a list (Bean Validation
     * calls it {@code education[0].<list element>}), {@code candidates[4].employment.specialtyExperienceYears} for a
     * property.
     */
    static String jsonPath(String prefix, Path path) {
        StringBuilder json = new StringBuilder(prefix);
        for (Path.Node node : path) {
            if (node.isInIterable()) {
                if (node.getIndex() != null) {
                    json.append('[').append(node.getIndex()).append(']');
                } else if (node.getKey() != null) {
                    json.append('[').append(node.getKey()).append(']');
                }
            }
            if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
                json.append('.').append(node.getName());
            }
        }
        return json.toString();
    }
}
