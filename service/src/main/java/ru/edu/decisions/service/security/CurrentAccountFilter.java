package ru.edu.decisions.service.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;
import ru.edu.decisions.service.common.ApiExceptionHandler;

/**
 * Every request of a signed-in session acts as the account is <em>now</em>, not as it was at sign-in: the account is
 * taken from {@link Accounts#current} (an in-memory view kept within {@code decisions.security.account-refresh} of the
 * database, no read per request), and when it is gone, disabled, its password was set anew or (OpenID Connect) it is no longer bound to
 * the provider's account, the session ends — invalidated, answered 401. Otherwise the request runs with the
 * account's current roles and jurisdictions. Requests with an API key are left to {@link ApiKeyAuthenticationFilter},
 * which checks the key on every request anyway.
 */
class CurrentAccountFilter extends OncePerRequestFilter {

    /** How a request of an ended session is answered: a 401 problem for the API, the sign-in page for people. */
    @FunctionalInterface
    interface Ended {
        void answer(HttpServletRequest request, HttpServletResponse response) throws IOException;
    }

    private final Accounts accounts;
    private final Ended ended;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    CurrentAccountFilter(Accounts accounts, Ended ended) {
        this.accounts = accounts;
        this.ended = ended;
    }

    /** The API's answer to a request of an ended session: 401. */
    static Ended problem(SecurityProblems problems) {
        return (request, response) -> problems.write(response, ApiExceptionHandler.problem(HttpStatus.UNAUTHORIZED,
                "session-ended", "Сессия завершена: учётная запись отключена, её пароль изменён или вход через "
                        + "поставщика учётных записей больше не действителен. Войдите снова."));
    }

    /** The workspace's answer: the sign-in page, saying why. */
    static Ended signInPage() {
        return (request, response) -> SignInMessages.redirect(request, response,
                "Сеанс завершён: учётная запись отключена или её пароль изменён. Войдите снова.");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = contexts.getContext().getAuthentication();
        if (authentication == null || request.getHeader(ApiKeyAuthenticationFilter.HEADER) != null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Authentication> current;
        if (authentication.getPrincipal() instanceof AccountDetails details) {
            current = current(authentication, details);
        } else if (authentication instanceof OAuth2AuthenticationToken token
                && token.getPrincipal() instanceof OidcAccounts.ActorOidcUser user) {
            current = current(token, user);
        } else {
            chain.doFilter(request, response);
            return;
        }
        if (current.isEmpty()) {
            end(request);
            ended.answer(request, response);
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(current.get());
        contexts.setContext(context);
        chain.doFilter(request, response);
    }

    private Optional<Authentication> current(Authentication signedIn, AccountDetails details) {
        return accounts.current(details.userId())
                .filter(AppUser::enabled)
                .filter(user -> AccountDetails.passwordStamp(user).equals(details.passwordStamp()))
                .map(user -> {
                    AccountDetails now = new AccountDetails(user);
                    now.eraseCredentials();
                    UsernamePasswordAuthenticationToken token =
                            UsernamePasswordAuthenticationToken.authenticated(now, null, now.getAuthorities());
                    token.setDetails(signedIn.getDetails());
                    return token;
                });
    }

    private Optional<Authentication> current(OAuth2AuthenticationToken signedIn, OidcAccounts.ActorOidcUser user) {
        return accounts.current(user.userId())
                .filter(AppUser::enabled)
                .filter(account -> user.issuer().equals(account.oidcIssuer()) && user.getSubject().equals(account.oidcSubject()))
                .map(account -> {
                    OidcAccounts.ActorOidcUser now = user.with(account.actor());
                    OAuth2AuthenticationToken token = new OAuth2AuthenticationToken(now, now.getAuthorities(),
                            signedIn.getAuthorizedClientRegistrationId());
                    token.setDetails(signedIn.getDetails());
                    return token;
                });
    }

    private void end(HttpServletRequest request) {
        contexts.clearContext();
        @Nullable HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
