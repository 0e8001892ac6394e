package ru.edu.decisions.service.common;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A failure that escapes every handler (a filter's, or one thrown while the answer is written) is logged here without
 * its message — Tomcat would log it with the message in the log line — and answered with a 500 problem, not
 * the container's error page, when nothing of the answer has been sent yet.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class UnhandledErrors extends OncePerRequestFilter {

    private final JsonMapper json;

    public UnhandledErrors(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            boolean outage = DatabaseOutage.isCause(e);
            if (outage && !response.isCommitted()) {
                // E.g. a filter reading the account of a session while the database is away: 503, not a 500.
                DatabaseOutage.logRefused(e);
                if (!isApi(request)) {
                    response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS));
                    request.setAttribute(jakarta.servlet.RequestDispatcher.ERROR_EXCEPTION, e);
                    response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
                    return;
                }
                response.reset();
                response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS));
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                response.getOutputStream().write(json.writeValueAsBytes(DatabaseOutage.problem()));
                return;
            }
            String correlationId = ApiExceptionHandler.logFailure(e);
            if (response.isCommitted()) {
                return;
            }
            if (!isApi(request)) {
                // A page: the usual error page (by an error dispatch), without the container logging the message.
                request.setAttribute(jakarta.servlet.RequestDispatcher.ERROR_EXCEPTION, e);
                response.sendError(HttpStatus.INTERNAL_SERVER_ERROR.value());
                return;
            }
            response.reset();
            response.setStatus(HttpStatus.INTERNAL_SERVER_ERROR.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getOutputStream().write(json.writeValueAsBytes(ApiExceptionHandler.internalProblem("internal",
                    "Внутренняя ошибка сервиса. Запрос не выполнен; повторите его позже", correlationId)));
        }
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }
}
