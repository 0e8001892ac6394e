package ru.edu.decisions.service.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import ru.edu.decisions.service.common.ApiExceptionHandler;
import ru.edu.decisions.service.common.DatabaseOutage;
import ru.edu.decisions.service.common.ApiExceptionHandler.FieldMessage;
import ru.edu.decisions.service.common.DecisionsProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sign-in of the workspace ({@code POST /login}, answered with redirects) and the login endpoint of the API
 * ({@code POST /api/v1/session/login}), answered as JSON: 200 with the session, 400 without a user name or
 * password, 401 for wrong credentials (without saying which part was wrong, and the same for a name that does not
 * exist), 429 while the user name ({@link LoginThrottle}) or the client address ({@link LoginAttemptsByAddress}) is
 * throttled. The client address is the one the servlet container reports: behind a reverse proxy, configure
 * {@code server.forward-headers-strategy} so that it is the client's, not the proxy's.
 */
@Component
class LoginHandlers {

    static final String USERNAME = "username";
    static final String PASSWORD = "password";

    private final LoginThrottle throttle;
    private final LoginAttemptsByAddress addresses;
    private final SecurityProblems problems;
    private final JsonMapper json;
    private final ZoneId zone;

    LoginHandlers(LoginThrottle throttle, LoginAttemptsByAddress addresses, SecurityProblems problems, JsonMapper json,
                  DecisionsProperties properties) {
        this.throttle = throttle;
        this.addresses = addresses;
        this.problems = problems;
        this.json = json;
        this.zone = properties.timeZone();
    }

    /** How a refused sign-in is answered: a problem document for the API, a message on the sign-in page for people. */
    @FunctionalInterface
    interface Refusal {
        void refuse(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) throws IOException;
    }

    /** Signed in: the account's count of failed logins starts again (the address's does not). */
    AuthenticationSuccessHandler success() {
        return (request, response, authentication) -> {
            throttle.succeeded(username(request));
            Actor actor = ((CurrentActor.Holder) authentication.getPrincipal()).actor();
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(json.writeValueAsString(SessionView.of(actor, request)));
        };
    }

    /** Wrong credentials, or a disabled account: one answer for all, and the address's failure is counted. */
    AuthenticationFailureHandler failure() {
        return (request, response, exception) -> {
            if (DatabaseOutage.isCause(exception)) {
                // The account could not be read: not a wrong password, and not counted as one.
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS));
                problems.write(response, DatabaseOutage.problem());
                return;
            }
            addresses.failed(request.getRemoteAddr());
            problems.write(response, ApiExceptionHandler.problem(HttpStatus.UNAUTHORIZED, "login-failed",
                    "Неверное имя пользователя или пароль"));
        };
    }

    LogoutSuccessHandler loggedOut() {
        return (request, response, authentication) -> response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    /**
     * The workspace's sign-in succeeded: a person signed in with a one-time password goes to change it; everyone
     * else to the page they asked for, or their start page.
     */
    AuthenticationSuccessHandler pageSuccess() {
        SavedRequestAwareAuthenticationSuccessHandler saved = new SavedRequestAwareAuthenticationSuccessHandler();
        saved.setDefaultTargetUrl(WorkspacePaths.START);
        return (request, response, authentication) -> {
            throttle.succeeded(username(request));
            if (authentication.getPrincipal() instanceof AccountDetails details && details.passwordChangeRequired()) {
                response.sendRedirect(request.getContextPath() + WorkspacePaths.PASSWORD);
                return;
            }
            saved.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /** The workspace's sign-in failed: the sign-in page again, with one message for every cause. */
    AuthenticationFailureHandler pageFailure() {
        return (request, response, exception) -> {
            if (DatabaseOutage.isCause(exception)) {
                SignInMessages.redirect(request, response, DatabaseOutage.pageDetail());
                return;
            }
            addresses.failed(request.getRemoteAddr());
            SignInMessages.redirect(request, response, "Неверное имя пользователя или пароль");
        };
    }

    /** The API's login refusals: a problem document. */
    Refusal problemRefusal() {
        return (request, response, problem) -> problems.write(response, problem);
    }

    /** The workspace's login refusals: the sign-in page with the problem's text. */
    static Refusal pageRefusal() {
        return (request, response, problem) -> SignInMessages.redirect(request, response,
                problem.getDetail() == null ? "Вход не выполнен" : problem.getDetail());
    }

    /**
     * Before the password is checked: refuses a client address that has failed too often, a login without a user
     * name or password, and a user name that is locked; otherwise counts the attempt against the user name.
     */
    OncePerRequestFilter throttle(String loginPath, Refusal refusal) {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !"POST".equals(request.getMethod()) || !loginPath.equals(request.getServletPath());
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (addresses.blocked(request.getRemoteAddr())) {
                    response.setHeader("Retry-After", String.valueOf(LoginAttemptsByAddress.WINDOW.toSeconds()));
                    refusal.refuse(request, response, ApiExceptionHandler.problem(HttpStatus.TOO_MANY_REQUESTS, "login-throttled",
                            "Слишком много неудачных попыток входа с этого адреса; повторите позже"));
                    return;
                }
                String username = username(request);
                String password = request.getParameter(PASSWORD);
                if (username.isEmpty() || password == null || password.isEmpty()) {
                    refusal.refuse(request, response, ApiExceptionHandler.validationProblem("Укажите имя пользователя и пароль",
                            List.of(new FieldMessage(username.isEmpty() ? USERNAME : PASSWORD, "Поле не заполнено"))));
                    return;
                }
                Instant lockedUntil = throttle.attempt(username);
                if (lockedUntil != null) {
                    response.setHeader("Retry-After", String.valueOf(Math.max(1,
                            java.time.Duration.between(Instant.now(), lockedUntil).toSeconds())));
                    refusal.refuse(request, response, ApiExceptionHandler.problem(HttpStatus.TOO_MANY_REQUESTS, "login-throttled",
                            "Слишком много неудачных попыток входа: вход временно заблокирован до "
                                    + DateTimeFormatter.ofPattern("HH:mm dd.MM.yyyy (z)").format(lockedUntil.atZone(zone))));
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    /** The user name as the form login reads it (trimmed). */
    static String username(HttpServletRequest request) {
        String username = request.getParameter(USERNAME);
        return username == null ? "" : username.trim();
    }
}
