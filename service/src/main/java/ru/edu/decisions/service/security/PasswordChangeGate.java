package ru.edu.decisions.service.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import ru.edu.decisions.service.common.ApiExceptionHandler;

/**
 * A person signed in with a one-time password (a generated first-administrator password, a reset by an
 * administrator) may do nothing but set their own: the workspace sends every page to the password page, the API
 * answers 403 to everything but the session endpoints. Runs after {@link CurrentAccountFilter}, so it sees the
 * account as it is now.
 */
final class PasswordChangeGate extends OncePerRequestFilter {

    private final Set<String> allowed;
    private final CurrentAccountFilter.Ended refusal;

    private PasswordChangeGate(Set<String> allowed, CurrentAccountFilter.Ended refusal) {
        this.allowed = allowed;
        this.refusal = refusal;
    }

    /** The API: only the session endpoints (who am I, change my password, sign out). */
    static PasswordChangeGate api(SecurityProblems problems) {
        return new PasswordChangeGate(Set.of("/api/v1/session", "/api/v1/session/password", SecurityConfiguration.LOGOUT),
                (request, response) -> problems.write(response, ApiExceptionHandler.problem(HttpStatus.FORBIDDEN,
                        "password-change-required", "Вход выполнен с одноразовым паролем: сначала задайте свой пароль "
                                + "(POST /api/v1/session/password или страница «Смена пароля»)")));
    }

    /** The workspace: the password page, sign-out and the page's own assets. */
    static PasswordChangeGate pages() {
        return new PasswordChangeGate(Set.of(WorkspacePaths.PASSWORD, WorkspacePaths.SIGN_OUT, WorkspacePaths.SIGN_IN, "/"),
                (request, response) -> SignInMessages.redirectTo(request, response, WorkspacePaths.PASSWORD));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getServletPath();
        return allowed.contains(path) || "/error".equals(path) || path.startsWith("/css/") || path.startsWith("/js/")
                || path.startsWith("/webjars/") || path.startsWith("/images/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AccountDetails details
                && details.passwordChangeRequired()) {
            refusal.answer(request, response);
            return;
        }
        chain.doFilter(request, response);
    }
}
