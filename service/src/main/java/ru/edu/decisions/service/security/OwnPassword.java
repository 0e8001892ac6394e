package ru.edu.decisions.service.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import ru.edu.decisions.service.common.ApiException;

/**
 * A person changes their own password — from the workspace's password page or the API — and stays signed in: the
 * change ends every other session of theirs (their password stamp changed), and this one is signed in again with
 * the account as it is now, under a new session id.
 */
@Component
class OwnPassword {

    private final Accounts accounts;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    OwnPassword(Accounts accounts) {
        this.accounts = accounts;
    }

    /** Whether the current person signs in with a password here (not only through the identity provider). */
    boolean hasPassword() {
        return signedIn() != null;
    }

    /** Whether the current person must replace a one-time password. */
    boolean required() {
        AccountDetails details = signedIn();
        return details != null && details.passwordChangeRequired();
    }

    void change(String currentPassword, String newPassword, HttpServletRequest request, HttpServletResponse response) {
        AccountDetails details = signedIn();
        if (details == null) {
            throw ApiException.badRequest("Вы вошли через поставщика учётных записей: пароль меняется у него");
        }
        AppUser user = accounts.changeOwnPassword(details.userId(), currentPassword, newPassword);
        AccountDetails now = new AccountDetails(user);
        now.eraseCredentials();
        Authentication authentication = UsernamePasswordAuthenticationToken.authenticated(now, null, now.getAuthorities());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        request.changeSessionId();
        contexts.saveContext(context, request, response);
    }

    private static AccountDetails signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof AccountDetails details ? details : null;
    }
}
