package ru.edu.decisions.service.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * {@code GET /api/v1/session}: who is signed in (if anyone) and the CSRF token a browser sends with every
 * state-changing request of its session (header {@code X-CSRF-TOKEN}).
 */
public record SessionView(
        boolean authenticated,
        @Nullable String username,
        @Nullable String kind,
        List<Role> roles,
        List<String> jurisdictions,
        @Nullable Csrf csrf) {

    public record Csrf(String headerName, String parameterName, String token) {
    }

    static SessionView of(@Nullable Actor actor, HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        Csrf csrf = token == null || request.getHeader(ApiKeyAuthenticationFilter.HEADER) != null ? null
                : new Csrf(token.getHeaderName(), token.getParameterName(), token.getToken());
        if (actor == null) {
            return new SessionView(false, null, null, List.of(), List.of(), csrf);
        }
        return new SessionView(true, actor.name(), actor.kind().name(), actor.roles().stream().sorted().toList(),
                actor.jurisdictions().stream().sorted().toList(), csrf);
    }
}
