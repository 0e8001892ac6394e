package ru.edu.decisions.service.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates systems by the {@code X-API-Key} header, for this request only (no session is created). A wrong or
 * revoked key is a 401 at once — it never falls through to anonymous access.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";

    private final ApiKeys keys;
    private final AuthenticationEntryPoint entryPoint;

    ApiKeyAuthenticationFilter(ApiKeys keys, AuthenticationEntryPoint entryPoint) {
        this.keys = keys;
        this.entryPoint = entryPoint;
    }

    /** The authentication of a request made with a valid key: its actor, with role INTEGRATION. */
    static final class KeyAuthentication extends AbstractAuthenticationToken {
        private final Actor actor;

        KeyAuthentication(Actor actor) {
            super(AccountDetails.authorities(actor));
            this.actor = actor;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return actor;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String secret = request.getHeader(HEADER);
        if (secret == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiKey> key = secret.isBlank() ? Optional.empty() : keys.authenticate(secret.strip());
        if (key.isEmpty()) {
            entryPoint.commence(request, response, new BadCredentialsException("invalid API key"));
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new KeyAuthentication(key.get().actor()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
