package ru.edu.decisions.service.common;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import ru.edu.decisions.rules.engine.RuleEvaluationException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * The one place errors become RFC 9457 problem details: {@code type}, {@code title}, {@code status}, a Russian
 * {@code detail}, and for invalid input an {@code errors} array of {@code {field, message}}. No stack trace, SQL or
 * internal message ever reaches a response.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private static final Map<Integer, String> TITLES = Map.ofEntries(
            Map.entry(400, "Некорректный запрос"),
            Map.entry(401, "Требуется аутентификация"),
            Map.entry(403, "Доступ запрещён"),
            Map.entry(404, "Не найдено"),
            Map.entry(405, "Метод не поддерживается"),
            Map.entry(406, "Неприемлемый формат ответа"),
            Map.entry(409, "Конфликт с текущим состоянием"),
            Map.entry(413, "Слишком большой запрос"),
            Map.entry(415, "Неподдерживаемый формат запроса"),
            Map.entry(500, "Внутренняя ошибка сервиса"),
            Map.entry(503, "Сервис временно недоступен"));

    /** A validation problem: 400 with the field and the reason of each error. */
    public static ProblemDetail validationProblem(String detail, List<FieldMessage> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    public static ProblemDetail problem(HttpStatusCode status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + type));
        problem.setTitle(TITLES.getOrDefault(status.value(), "Ошибка"));
        return problem;
    }

    /** One invalid field: its JSON path in the request and what is wrong with it, in Russian. */
    public record FieldMessage(String field, String message) {
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> handleApi(ApiException e) {
        ProblemDetail problem = problem(e.status(), e.type(), e.getMessage());
        problem.setTitle(e.title());
        if (!e.errors().isEmpty()) {
            problem.setProperty("errors", e.errors().stream().map(f -> new FieldMessage(f.field(), f.message())).toList());
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(e.status());
        if (e.status() == HttpStatus.SERVICE_UNAVAILABLE) {
            answer.header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS));
        }
        return answer.body(problem);
    }

    /** The database cannot be reached (see {@link DatabaseOutage}): 503 at once, with {@code Retry-After}. */
    static ResponseEntity<ProblemDetail> unavailable(Throwable e) {
        DatabaseOutage.logRefused(e);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS))
                .body(DatabaseOutage.problem());
    }

    @ExceptionHandler(RuleEvaluationException.class)
    ResponseEntity<ProblemDetail> handleRuleFailure(RuleEvaluationException e) {
        return ResponseEntity.internalServerError().body(internalProblem("rule-evaluation",
                "Правила не смогли вынести решение", e));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> handleTypeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = describeType(e.getRequiredType());
        return ResponseEntity.badRequest().body(validationProblem("Параметр запроса задан неверно",
                List.of(new FieldMessage(e.getName(), "Недопустимое значение «" + e.getValue() + "»: ожидается " + expected))));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception e) {
        if (DatabaseOutage.isCause(e)) {
            return unavailable(e);
        }
        return ResponseEntity.internalServerError().body(internalProblem("internal",
                "Внутренняя ошибка сервиса. Запрос не выполнен; повторите его позже", e));
    }

    /**
     * A failure the client cannot act on, answered and logged without its message: an exception's message may quote
     * personal data of the request or SQL. The log gets the exception classes and stack frames (the whole cause
     * chain, messages left out) under a correlation id; the answer gets a generic Russian detail with the same id,
     * for the administrator to find the entry.
     */
    public static ProblemDetail internalProblem(String type, String detail, Throwable e) {
        return internalProblem(type, detail, logFailure(e));
    }

    /** Logs a failure (classes and stack frames only) under a new correlation id, and returns the id. */
    public static String logFailure(Throwable e) {
        String correlationId = UUID.randomUUID().toString();
        log.error("Request failed [{}]: {}", correlationId, outline(e));
        return correlationId;
    }

    /** The 500 problem for a failure already logged under this correlation id. */
    public static ProblemDetail internalProblem(String type, String detail, String correlationId) {
        ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, type, detail
                + ". Сообщите администратору код ошибки " + correlationId + ".");
        problem.setProperty("correlationId", correlationId);
        return problem;
    }

    /** The classes and stack frames of an exception and its causes, without a single message. */
    static String outline(Throwable e) {
        StringBuilder outline = new StringBuilder();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            if (t != e) {
                outline.append("\nCaused by: ");
            }
            outline.append(t.getClass().getName());
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, 15); i++) {
                outline.append("\n\tat ").append(frames[i]);
            }
            if (frames.length > 15) {
                outline.append("\n\t... ").append(frames.length - 15).append(" more");
            }
        }
        return outline.toString();
    }

    /**
     * A body that could not be read. Spring wraps whatever stopped the reading into this exception: a body over the
     * size limit sent without a length (413, as if refused by {@link RequestSizeLimitFilter} at once), a refusal of
     * the application's own readers such as a batch over its size (their {@link ApiException}), or bad JSON (400).
     */
    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = ex.getCause(); t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof RequestSizeLimitFilter.BodyTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).header(HttpHeaders.CONNECTION, "close")
                        .body(RequestSizeLimitFilter.tooLarge(tooLarge.limit()));
            }
            if (t instanceof ApiException api) {
                discardRest(request);
                return ResponseEntity.status(api.status()).body(handleApi(api).getBody());
            }
        }
        return ResponseEntity.badRequest().body(notReadable(ex.getCause()));
    }

    /**
     * Reads the rest of a refused body (within the size limit) and throws it away: nothing is parsed or kept, but the
     * client, still sending, gets the answer instead of a connection reset.
     */
    private static void discardRest(WebRequest request) {
        if (request instanceof ServletWebRequest servlet) {
            try {
                servlet.getRequest().getInputStream().transferTo(OutputStream.nullOutputStream());
            } catch (IOException | RuntimeException e) {
                // Closed or over the limit: the container closes the connection, as it would anyway.
            }
        }
    }

    /** A body that is not valid JSON of the expected shape: which field, and why. */
    public static ProblemDetail notReadable(@Nullable Throwable cause) {
        if (cause instanceof InputCoercionException coercion) {
            String field = streamPath(coercion);
            String message = "Число вне допустимого диапазона: ожидается " + range(coercion.getTargetType());
            return validationProblem("Поле «" + field + "»: " + message, List.of(new FieldMessage(field, message)));
        }
        if (cause instanceof StreamReadException read && !(cause instanceof MismatchedInputException)
                && read.getOriginalMessage() != null && read.getOriginalMessage().startsWith("Duplicate Object property")) {
            String field = streamPath(read);
            String message = "Поле задано в объекте дважды: каждое поле указывается один раз";
            return validationProblem("Поле «" + field + "» повторяется", List.of(new FieldMessage(field, message)));
        }
        if (cause instanceof StreamReadException read && !(cause instanceof MismatchedInputException)) {
            String where = read.getLocation() == null ? "" : " (строка " + read.getLocation().getLineNr()
                    + ", позиция " + read.getLocation().getColumnNr() + ")";
            return validationProblem("Тело запроса — не корректный JSON" + where,
                    List.of(new FieldMessage("", "Некорректный JSON" + where)));
        }
        if (cause instanceof JacksonException jackson) {
            String field = path(jackson);
            return validationProblem("Поле «" + field + "» задано неверно", List.of(new FieldMessage(field, reason(jackson))));
        }
        return validationProblem("Тело запроса не прочитано: ожидается JSON", List.of(new FieldMessage("", "Тело запроса отсутствует или не является JSON")));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldMessage> errors = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.add(new FieldMessage(jsonPath(error.getField()), error.getDefaultMessage()));
        }
        ex.getBindingResult().getGlobalErrors().forEach(e -> errors.add(new FieldMessage("", e.getDefaultMessage())));
        return ResponseEntity.badRequest().body(validationProblem(summary(errors), errors));
    }

    /**
     * A bean-validation path as the JSON path the rest of the errors use: a map key is a property
     * ({@code diagnostics.scores.METHODICAL}, not {@code diagnostics.scores[METHODICAL]}); list indexes stay.
     */
    static String jsonPath(String field) {
        return field.replaceAll("\\[([^\\]\\d][^\\]]*)]", ".$1");
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldMessage> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                String field = error instanceof FieldError fe ? fe.getField() : name;
                errors.add(new FieldMessage(field == null ? "" : jsonPath(field), error.getDefaultMessage()));
            }
        });
        return ResponseEntity.badRequest().body(validationProblem(summary(errors), errors));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
                                                          HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            ProblemDetail localized = problem(statusCode, "http-" + statusCode.value(), defaultDetail(statusCode));
            return new ResponseEntity<>(localized, headers, statusCode);
        }
        return new ResponseEntity<>(body, headers, statusCode);
    }

    static String defaultDetail(HttpStatusCode status) {
        return switch (status.value()) {
            case 404 -> "Такого адреса нет";
            case 405 -> "Этот метод HTTP для данного адреса не поддерживается";
            case 406 -> "Сервис отвечает в формате JSON";
            case 413 -> "Тело запроса слишком велико";
            case 415 -> "Ожидается тело запроса в формате JSON (Content-Type: application/json)";
            case 400 -> "Запрос составлен неверно";
            default -> TITLES.getOrDefault(status.value(), "Ошибка обработки запроса");
        };
    }

    static String summary(List<FieldMessage> errors) {
        return errors.size() == 1
                ? "Поле «" + errors.get(0).field() + "»: " + errors.get(0).message()
                : "Неверно заданы поля: " + errors.stream().map(FieldMessage::field).distinct().collect(Collectors.joining(", "));
    }

    /**
     * {@code candidate.education[0].id}: where the parser stood when it stopped — the value it could not take, or the
     * key it found twice (a reading error has no databind path, but its parser knows its place).
     */
    static String streamPath(StreamReadException e) {
        tools.jackson.core.JsonParser parser = e.processor();
        if (parser != null && parser.streamReadContext() != null) {
            List<String> parts = new ArrayList<>();
            for (TokenStreamContext context = parser.streamReadContext(); context != null && !context.inRoot();
                 context = context.getParent()) {
                if (context.inArray()) {
                    parts.add("[" + Math.max(context.getCurrentIndex(), 0) + "]");
                } else if (context.currentName() != null) {
                    parts.add("." + context.currentName());
                }
            }
            java.util.Collections.reverse(parts);
            String path = String.join("", parts);
            return path.startsWith(".") ? path.substring(1) : path;
        }
        return path(e);
    }

    private static String range(@Nullable Class<?> type) {
        if (type == Long.class || type == long.class) {
            return "целое число от " + Long.MIN_VALUE + " до " + Long.MAX_VALUE;
        }
        if (type == Integer.class || type == int.class) {
            return "целое число от " + Integer.MIN_VALUE + " до " + Integer.MAX_VALUE;
        }
        if (type == Short.class || type == short.class) {
            return "целое число от " + Short.MIN_VALUE + " до " + Short.MAX_VALUE;
        }
        return "число меньшей величины";
    }

    /** {@code candidate.education[0].year} from the path of a Jackson error. */
    static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String reason(JacksonException e) {
        if (e instanceof InvalidFormatException invalid) {
            Class<?> target = invalid.getTargetType();
            if (target != null && target.isEnum()) {
                return "Недопустимое значение «" + invalid.getValue() + "»: ожидается одно из "
                        + Arrays.stream(target.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
            }
            if (target == java.time.LocalDate.class && invalid.getValue() instanceof java.time.LocalDate) {
                return invalid.getOriginalMessage(); // outside DateRange: the message says the range
            }
            if (target == java.time.LocalDate.class) {
                return "Некорректная дата «" + invalid.getValue() + "»: ожидается существующая дата в формате ГГГГ-ММ-ДД";
            }
            return "Недопустимое значение «" + invalid.getValue() + "»: ожидается " + describeType(target);
        }
        if (e instanceof MismatchedInputException mismatch) {
            Class<?> target = mismatch.getTargetType();
            if (target == java.time.LocalDate.class) {
                return "Некорректная дата: ожидается строка в формате ГГГГ-ММ-ДД";
            }
            return "Неверный тип значения: ожидается " + describeType(target);
        }
        return "Значение не может быть прочитано";
    }

    private static String describeType(@Nullable Class<?> type) {
        if (type == null) {
            return "значение другого типа";
        }
        if (type.isEnum()) {
            return "одно из " + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "целое число";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class) {
            return "число";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true или false";
        }
        if (type == String.class) {
            return "строка";
        }
        if (type == java.time.LocalDate.class) {
            return "дата в формате ГГГГ-ММ-ДД";
        }
        if (type == java.util.UUID.class) {
            return "идентификатор (UUID)";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "массив";
        }
        return "объект";
    }
}
