package ru.edu.decisions.service.common;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * The container's error dispatch of an API request — an error answered with {@code sendError} anywhere (the
 * container, a filter, Spring's default exception resolver) — answered with a problem document instead of Spring's
 * default error JSON: every error body under {@code /api/} is {@code application/problem+json}. Pages keep their
 * Russian error page.
 */
@Configuration(proxyBeanMethods = false)
class ApiErrorProblems {

    @Bean
    FilterRegistrationBean<Filter> apiErrorDispatchFilter(JsonMapper json) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
                (ServletRequest request, ServletResponse response, FilterChain chain) ->
                        answer((HttpServletRequest) request, (HttpServletResponse) response, chain, json));
        registration.setDispatcherTypes(DispatcherType.ERROR);
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setName("apiErrorProblems");
        return registration;
    }

    /**
     * A request Spring Security's firewall rejects (e.g. a doubled slash or an encoded one in the path): 400 — a
     * problem document under {@code /api/}, the error page elsewhere — rather than an exception that ends as a 500.
     */
    @Bean
    org.springframework.security.web.firewall.RequestRejectedHandler requestRejectedHandler(JsonMapper json) {
        return (request, response, rejected) -> {
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                response.getOutputStream().write(json.writeValueAsBytes(ApiExceptionHandler.problem(HttpStatus.BAD_REQUEST,
                        "rejected", "Адрес запроса недопустим (например, двойная или закодированная косая черта в пути)")));
                return;
            }
            response.sendError(HttpStatus.BAD_REQUEST.value());
        };
    }

    private static void answer(HttpServletRequest request, HttpServletResponse response, FilterChain chain, JsonMapper json)
            throws IOException, ServletException {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (!(uri instanceof String path) || !path.startsWith(request.getContextPath() + "/api/") || response.isCommitted()) {
            chain.doFilter(request, response);
            return;
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        HttpStatusCode status = HttpStatusCode.valueOf(code instanceof Integer c ? c : 500);
        ProblemDetail problem;
        if (failure instanceof Throwable t && DatabaseOutage.isCause(t) || status.value() == 503) {
            status = HttpStatus.SERVICE_UNAVAILABLE;
            problem = DatabaseOutage.problem();
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS));
        } else if (status.is5xxServerError()) {
            String correlationId = failure instanceof Throwable t ? ApiExceptionHandler.logFailure(t)
                    : java.util.UUID.randomUUID().toString();
            problem = ApiExceptionHandler.internalProblem("internal",
                    "Внутренняя ошибка сервиса. Запрос не выполнен; повторите его позже", correlationId);
            problem.setStatus(status.value());
        } else {
            problem = ApiExceptionHandler.problem(status, "http-" + status.value(), ApiExceptionHandler.defaultDetail(status));
        }
        response.resetBuffer();
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        try {
            response.getOutputStream().write(json.writeValueAsBytes(problem));
        } catch (IllegalStateException writerInUse) {
            response.getWriter().write(json.writeValueAsString(problem));
        }
    }
}
