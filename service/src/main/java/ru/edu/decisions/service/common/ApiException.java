package ru.edu.decisions.service.common;

import java.util.List;
import org.springframework.http.HttpStatus;

/** An error a client can act on, answered as an RFC 9457 problem with a Russian {@code detail}. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;

    public ApiException(HttpStatus status, String type, String title, String detail) {
        this(status, type, title, detail, List.of());
    }

    private ApiException(HttpStatus status, String type, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    /** One invalid field of the request: its JSON path and what is wrong, in Russian. */
    public record FieldError(String field, String message) {
    }

    /** 400: fields that are each valid but wrong together (e.g. repeated ids), each named. */
    public static ApiException invalid(String detail, List<FieldError> errors) {
        return new ApiException(HttpStatus.BAD_REQUEST, "validation", "Некорректный запрос", detail, errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** 404: the record or jurisdiction does not exist (or is not the caller's to see). */
    public static ApiException notFound(String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, "not-found", "Не найдено", detail);
    }

    /** 409: the request conflicts with the state of the record. */
    public static ApiException conflict(String detail) {
        return new ApiException(HttpStatus.CONFLICT, "conflict", "Конфликт с текущим состоянием", detail);
    }

    /** 403: the actor may not do this (outside their role or jurisdictions). */
    public static ApiException forbidden(String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, "forbidden", "Доступ запрещён", detail);
    }

    /** 400: a request that is well-formed JSON but asks for something impossible. */
    public static ApiException badRequest(String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, "bad-request", "Некорректный запрос", detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }
}
