package ru.edu.decisions.service.security;

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
 * the provider proves who the person is; their roles and jurisdictions are the ones an administrator gave the
 * user of the same name here (claim {@code decisions.security.oidc.username-claim}, default
 * {@code preferred_username}). Someone the service does not know, or a disabled user, is refused.
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

    /** The identity provider's user, carrying the actor of the matching local user. */
    static final class ActorOidcUser extends DefaultOidcUser implements CurrentActor.Holder {
        private final Actor actor;

        ActorOidcUser(OidcUser user, Actor actor, String nameClaim) {
            super(AccountDetails.authorities(actor), user.getIdToken(), user.getUserInfo(), nameClaim);
            this.actor = actor;
        }

        @Override
        public Actor actor() {
            return actor;
        }
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = delegate.loadUser(request);
        Object username = user.getClaims().get(usernameClaim);
        AppUser account = username == null ? null : accounts.find(username.toString()).filter(AppUser::enabled).orElse(null);
        if (account == null) {
            throw new OAuth2AuthenticationException(new OAuth2Error("access_denied",
                    "Пользователь не зарегистрирован в сервисе или отключён; обратитесь к администратору", null));
        }
        return new ActorOidcUser(user, account.actor(), usernameClaim);
    }
}
