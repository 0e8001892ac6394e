package ru.edu.decisions.service.security;

import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Sign-in through the organisation's identity provider (OpenID Connect, e.g. Keycloak), when one is configured:
 * the provider proves who the person is; their roles and jurisdictions are the ones an administrator gave the user
 * here. On the first sign-in the user is found by name (claim {@code decisions.security.oidc.username-claim},
 * default {@code preferred_username}) and bound to the provider's issuer and subject; from then on the binding
 * decides, and a sign-in that presents the same user name with another issuer or subject is refused (some
 * providers let people edit their user name). Someone the service does not know, or a disabled user, is refused.
 */
@Component
class OidcAccounts implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService delegate = new OidcUserService();
    private final Accounts accounts;
    private final String usernameClaim;

    OidcAccounts(Accounts accounts, @Value("${decisions.security.oidc.username-claim:preferred_username}") String usernameClaim) {
        this.accounts = accounts;
        this.usernameClaim = usernameClaim;
    }

    /** The identity provider's user, carrying the actor of the local user it is bound to. */
    static final class ActorOidcUser extends DefaultOidcUser implements CurrentActor.Holder {
        private final UUID userId;
        private final Actor actor;
        private final String nameClaim;

        ActorOidcUser(OidcUser user, UUID userId, Actor actor, String nameClaim) {
            super(AccountDetails.authorities(actor), user.getIdToken(), user.getUserInfo(), nameClaim);
            this.userId = userId;
            this.actor = actor;
            this.nameClaim = nameClaim;
        }

        @Override
        public Actor actor() {
            return actor;
        }

        UUID userId() {
            return userId;
        }

        String issuer() {
            return issuerOf(this);
        }

        /** The same sign-in with the account's current roles and jurisdictions. */
        ActorOidcUser with(Actor current) {
            return new ActorOidcUser(this, userId, current, nameClaim);
        }
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        return signIn(delegate.loadUser(request));
    }

    /** The provider's (verified) user → the local account's actor, or a refusal. */
    ActorOidcUser signIn(OidcUser user) {
        Object username = user.getClaims().get(usernameClaim);
        String issuer = issuerOf(user);
        String subject = user.getSubject();
        if (issuer.isEmpty() || subject == null || subject.isBlank()) {
            throw refused();
        }
        AppUser account = accounts.oidcAccount(issuer, subject, username == null ? null : username.toString())
                .orElseThrow(OidcAccounts::refused);
        String nameClaim = user.getClaims().containsKey(usernameClaim) ? usernameClaim : "sub";
        return new ActorOidcUser(user, account.id(), account.actor(), nameClaim);
    }

    static String issuerOf(OidcUser user) {
        Object issuer = user.getIdToken().getClaims().get("iss");
        return issuer == null ? "" : issuer.toString();
    }

    private static OAuth2AuthenticationException refused() {
        return new OAuth2AuthenticationException(new OAuth2Error("access_denied",
                "Пользователь не зарегистрирован в сервисе, отключён или уже связан с другой учётной записью "
                        + "поставщика входа; обратитесь к администратору", null));
    }
}
