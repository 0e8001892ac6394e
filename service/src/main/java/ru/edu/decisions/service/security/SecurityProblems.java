package ru.edu.decisions.service.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import ru.edu.decisions.service.common.ApiExceptionHandler;
import tools.jackson.databind.json.JsonMapper;

/** Security refusals as problem details: 401 without credentials, 403 without the right, in Russian. */
@Component
class SecurityProblems {

    private final JsonMapper json;

    SecurityProblems(JsonMapper json) {
        this.json = json;
    }

    AuthenticationEntryPoint entryPoint() {
        return (request, response, e) -> write(response, ApiExceptionHandler.problem(HttpStatus.UNAUTHORIZED,
                "unauthenticated", request.getHeader(ApiKeyAuthenticationFilter.HEADER) != null
                        ? "Ключ API не принят: он неверен или отозван"
                        : "Требуется вход в систему (сессия) или ключ API в заголовке " + ApiKeyAuthenticationFilter.HEADER));
    }

    AccessDeniedHandler deniedHandler() {
        return (request, response, e) -> write(response, ApiExceptionHandler.problem(HttpStatus.FORBIDDEN,
                e instanceof CsrfException ? "csrf" : "forbidden",
                e instanceof CsrfException
                        ? "Запрос из браузера без действительного CSRF-токена; получите его в GET /api/v1/session и передайте в заголовке X-CSRF-TOKEN"
                        : "Недостаточно прав для этого действия"));
    }

    void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(problem));
    }
}
