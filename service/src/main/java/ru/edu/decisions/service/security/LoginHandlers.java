package ru.edu.decisions.service.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import ru.edu.decisions.service.common.ApiExceptionHandler;
import ru.edu.decisions.service.common.DecisionsProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answers of the login endpoint, as JSON for the browser UI and other clients: 200 with the session, 401 for
 * wrong credentials (without saying which part was wrong), 429 while the account or the client address is
 * throttled.
 */
@Component
class LoginHandlers {

    private final Accounts accounts;
    private final LoginAttemptsByAddress addresses;
    private final SecurityProblems problems;
    private final JsonMapper json;
    private final ZoneId zone;

    LoginHandlers(Accounts accounts, LoginAttemptsByAddress addresses, SecurityProblems problems, JsonMapper json,
                  DecisionsProperties properties) {
        this.accounts = accounts;
        this.addresses = addresses;
        this.problems = problems;
        this.json = json;
        this.zone = properties.timeZone();
    }

    AuthenticationSuccessHandler success() {
        return (request, response, authentication) -> {
            accounts.successfulLogin(authentication.getName());
            addresses.succeeded(request.getRemoteAddr());
            Actor actor = ((CurrentActor.Holder) authentication.getPrincipal()).actor();
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(json.writeValueAsString(SessionView.of(actor, request)));
        };
    }

    AuthenticationFailureHandler failure() {
        return (request, response, exception) -> {
            String username = request.getParameter("username");
            addresses.failed(request.getRemoteAddr());
            if (exception instanceof LockedException && username != null) {
                Instant until = accounts.lockedUntil(username);
                problems.write(response, ApiExceptionHandler.problem(HttpStatus.TOO_MANY_REQUESTS, "login-throttled",
                        "Слишком много неудачных попыток входа: вход временно заблокирован"
                                + (until == null ? "" : " до " + DateTimeFormatter.ofPattern("HH:mm dd.MM.yyyy").format(until.atZone(zone)))));
                return;
            }
            if (username != null) {
                accounts.failedLogin(username);
            }
            problems.write(response, ApiExceptionHandler.problem(HttpStatus.UNAUTHORIZED, "login-failed",
                    "Неверное имя пользователя или пароль"));
        };
    }

    LogoutSuccessHandler loggedOut() {
        return (request, response, authentication) -> response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    /** Refuses logins from a client address that has failed too often, before the password is even checked. */
    OncePerRequestFilter addressThrottle() {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !"POST".equals(request.getMethod()) || !SecurityConfiguration.LOGIN.equals(request.getServletPath());
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (addresses.blocked(request.getRemoteAddr())) {
                    problems.write(response, ApiExceptionHandler.problem(HttpStatus.TOO_MANY_REQUESTS, "login-throttled",
                            "Слишком много неудачных попыток входа с этого адреса; повторите позже"));
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }
}
