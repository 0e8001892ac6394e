package ru.edu.decisions.service.workspace;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import ru.edu.decisions.service.common.ApiException;
import ru.edu.decisions.service.common.ApiExceptionHandler;
import ru.edu.decisions.service.common.DatabaseOutage;

/**
 * Errors of the workspace's pages as a page in Russian: what happened and what to do, never a stack trace or JSON.
 * An unexpected failure is logged (classes and stack frames, no messages) under a correlation id the page shows,
 * as the API does. The API's controllers keep their problem documents ({@link ApiExceptionHandler} comes first).
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

    static final Map<Integer, String> TITLES = Map.of(
            400, "Некорректный запрос",
            403, "Доступ запрещён",
            404, "Страница не найдена",
            405, "Действие недоступно",
            409, "Действие невозможно",
            413, "Слишком большой файл или запрос",
            500, "Внутренняя ошибка",
            503, "Сервис временно недоступен");

    @ExceptionHandler(ApiException.class)
    ModelAndView known(ApiException e, HttpServletResponse response) {
        return page(e.status(), e.getMessage(), null, response);
    }

    /** A request parameter of the wrong type or shape ({@code ?page=abc}, an unknown status): the request is wrong. */
    @ExceptionHandler({org.springframework.beans.TypeMismatchException.class, org.springframework.validation.BindException.class})
    ModelAndView badRequest(Exception e, HttpServletResponse response) {
        return page(HttpStatus.BAD_REQUEST, "Адрес страницы содержит недопустимое значение параметра", null, response);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletResponse response) {
        if (e instanceof ErrorResponse known && known.getStatusCode().is4xxClientError()) {
            return page(known.getStatusCode(), null, null, response);
        }
        if (DatabaseOutage.isCause(e)) {
            // Not a failure of the service: no correlation id to report, the page says to try again shortly.
            DatabaseOutage.logRefused(e);
            response.setHeader(org.springframework.http.HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS));
            return page(HttpStatus.SERVICE_UNAVAILABLE, DatabaseOutage.pageDetail(), null, response);
        }
        String correlationId = ApiExceptionHandler.logFailure(e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, null, correlationId, response);
    }

    static ModelAndView page(HttpStatusCode status, String detail, String correlationId, HttpServletResponse response) {
        response.setStatus(status.value());
        ModelAndView page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("title", TITLES.getOrDefault(status.value(), "Ошибка"));
        page.addObject("detail", detail);
        page.addObject("correlationId", correlationId == null ? java.util.UUID.randomUUID().toString() : correlationId);
        return page;
    }
}
