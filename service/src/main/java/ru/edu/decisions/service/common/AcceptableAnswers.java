package ru.edu.decisions.service.common;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A write to the API ({@code POST}/{@code PUT} under {@code /api/}) whose {@code Accept} admits no JSON is refused
 * with a 406 before anything is done. Spring MVC finds out that the answer cannot be written only after the handler
 * has run — so a candidate was stored and committed and the client got an error, and stored a second one on retrying.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class AcceptableAnswers extends OncePerRequestFilter {

    private final JsonMapper json;

    public AcceptableAnswers(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return !("POST".equals(method) || "PUT".equals(method)) || request.getHeader(HttpHeaders.ACCEPT) == null
                || !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(List.of(request.getHeader(HttpHeaders.ACCEPT)));
        } catch (InvalidMediaTypeException e) {
            accepted = List.of(MediaType.ALL); // Spring MVC answers a malformed Accept itself
        }
        boolean json = accepted.isEmpty() || accepted.stream().anyMatch(type -> type.getQualityValue() > 0
                && (type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)));
        if (json) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpStatus.NOT_ACCEPTABLE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(this.json.writeValueAsBytes(ApiExceptionHandler.problem(HttpStatus.NOT_ACCEPTABLE,
                "http-406", "Сервис отвечает в формате JSON: укажите Accept: application/json; запрос не выполнен")));
    }
}
