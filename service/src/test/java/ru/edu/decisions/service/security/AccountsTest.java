package ru.edu.decisions.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.test.context.TestPropertySource;
import ru.edu.decisions.service.common.ApiException;

/**
 * Accounts on the embedded default (H2 in PostgreSQL mode, the same Flyway migrations as PostgreSQL): the binding of
 * an account to the identity provider's issuer and subject on the first OpenID Connect sign-in, ADMIN only with
 * every jurisdiction, BCrypt's 72-byte password limit. No identity provider is needed: the provider's verified user
 * is what {@link OidcAccounts#signIn} receives.
 */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:accounts;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH")
@Import({Accounts.class, LoginThrottle.class, AccountsTest.Beans.class})
class AccountsTest {

    private static final String KEYCLOAK = "https://sso.example.ru/realms/edu";

    static class Beans {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        PasswordEncoder passwordEncoder() {
            return PasswordEncoderFactories.createDelegatingPasswordEncoder();
        }

        @Bean
        OidcAccounts oidcAccounts(Accounts accounts) {
            return new OidcAccounts(accounts, "preferred_username");
        }
    }

    @Autowired
    Accounts accounts;
    @Autowired
    OidcAccounts oidc;
    @Autowired
    PasswordEncoder passwords;

    private static OidcUser fromProvider(String issuer, String subject, String username) {
        OidcIdToken token = OidcIdToken.withTokenValue("id-token").issuer(issuer).subject(subject)
                .claims(claims -> claims.putAll(Map.of("preferred_username", username)))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300)).build();
        return new DefaultOidcUser(Set.of(), token, "preferred_username");
    }

    private AppUser user(String username) {
        return accounts.create(username, null, EnumSet.of(Role.IMC_STAFF), Set.of("ust-ishim"), "test");
    }

    @Test
    void firstSignInBindsTheAccountToTheProvidersIssuerAndSubject() {
        AppUser created = user("oidc-ivanova");

        OidcAccounts.ActorOidcUser signedIn = oidc.signIn(fromProvider(KEYCLOAK, "subject-1", "oidc-ivanova"));

        assertThat(signedIn.actor().name()).isEqualTo("oidc-ivanova");
        assertThat(signedIn.actor().roles()).containsExactly(Role.IMC_STAFF);
        assertThat(signedIn.userId()).isEqualTo(created.id());
        AppUser bound = accounts.find("oidc-ivanova").orElseThrow();
        assertThat(bound.oidcIssuer()).isEqualTo(KEYCLOAK);
        assertThat(bound.oidcSubject()).isEqualTo("subject-1");
        assertThat(oidc.signIn(fromProvider(KEYCLOAK, "subject-1", "oidc-ivanova")).actor().name()).isEqualTo("oidc-ivanova");
    }

    @Test
    void sameUserNameWithAnotherSubjectOrIssuerIsRefused() {
        user("oidc-petrova");
        oidc.signIn(fromProvider(KEYCLOAK, "subject-2", "oidc-petrova"));

        // Someone else renamed themselves "oidc-petrova" at the provider, or another provider presents the name.
        assertThatThrownBy(() -> oidc.signIn(fromProvider(KEYCLOAK, "subject-intruder", "oidc-petrova")))
                .isInstanceOf(OAuth2AuthenticationException.class);
        assertThatThrownBy(() -> oidc.signIn(fromProvider("https://other-idp.example.ru", "subject-2", "oidc-petrova")))
                .isInstanceOf(OAuth2AuthenticationException.class);
        assertThat(accounts.find("oidc-petrova").orElseThrow().oidcSubject()).isEqualTo("subject-2");
    }

    @Test
    void theBindingDecidesEvenWhenTheProviderRenamedTheUser() {
        user("oidc-sidorova");
        user("oidc-kozlova");
        oidc.signIn(fromProvider(KEYCLOAK, "subject-3", "oidc-sidorova"));

        // The person of subject-3 now calls herself like another local user: she still signs in as herself.
        assertThat(oidc.signIn(fromProvider(KEYCLOAK, "subject-3", "oidc-kozlova")).actor().name()).isEqualTo("oidc-sidorova");
        assertThat(accounts.find("oidc-kozlova").orElseThrow().oidcSubject()).isNull();
    }

    @Test
    void unknownAndDisabledUsersAreRefused() {
        assertThatThrownBy(() -> oidc.signIn(fromProvider(KEYCLOAK, "subject-4", "oidc-nobody")))
                .isInstanceOf(OAuth2AuthenticationException.class);
        AppUser user = user("oidc-disabled");
        oidc.signIn(fromProvider(KEYCLOAK, "subject-5", "oidc-disabled"));
        accounts.update(user.id(), EnumSet.of(Role.IMC_STAFF), Set.of("ust-ishim"), false);

        assertThatThrownBy(() -> oidc.signIn(fromProvider(KEYCLOAK, "subject-5", "oidc-disabled")))
                .isInstanceOf(OAuth2AuthenticationException.class);
    }

    @Test
    void adminRoleOnlyWithEveryJurisdiction() {
        assertThatThrownBy(() -> accounts.create("scoped-admin", "a-long-password", EnumSet.of(Role.ADMIN), Set.of("ust-ishim"), "test"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("ADMIN").contains("«*»");
                });
        AppUser user = user("becomes-admin");
        assertThatThrownBy(() -> accounts.update(user.id(), EnumSet.of(Role.ADMIN), Set.of("turochak"), true))
                .isInstanceOf(ApiException.class);

        AppUser admin = accounts.update(user.id(), EnumSet.of(Role.ADMIN), Set.of("*", "turochak"), true);
        assertThat(admin.jurisdictionSet()).containsExactly("*");
        assertThat(admin.actor().has(Role.ADMIN)).isTrue();
    }

    @Test
    void storedAdminOfOneJurisdictionIsNoAdministrator() {
        AppUser legacy = new AppUser(UUID.randomUUID(), 0L, "legacy-admin", null, "ADMIN,POLICY_EDITOR", "ust-ishim", true,
                Instant.now(), null, Instant.now(), null, null, false);

        assertThat(legacy.actor().roles()).containsExactly(Role.POLICY_EDITOR);
        assertThat(AccountDetails.authorities(legacy.actor())).extracting(Object::toString).containsExactly("ROLE_POLICY_EDITOR");
    }

    @Test
    void passwordOverBcryptsSeventyTwoBytesIsRefusedNotCut() {
        String cyrillic = "пароль-".repeat(6); // 42 characters, 78 bytes in UTF-8
        assertThatThrownBy(() -> accounts.create("long-password", cyrillic, EnumSet.of(Role.IMC_STAFF), Set.of("ust-ishim"), "test"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("72 байт");
                });
        AppUser user = accounts.create("exact-password", "x".repeat(72), EnumSet.of(Role.IMC_STAFF), Set.of("ust-ishim"), "test");
        assertThatThrownBy(() -> accounts.setPassword(user.id(), "y".repeat(73))).isInstanceOf(ApiException.class);
    }

    @Test
    void aGeneratedFirstAdministratorPasswordIsOneTimeAndAConfiguredOneIsNot() {
        ApiKeys keys = new ApiKeys(null, Clock.systemUTC(), java.time.Duration.ofSeconds(5), java.time.Duration.ofMinutes(10));
        new BootstrapAccounts(accounts, keys, new BootstrapAccounts.Settings("first-admin", null, null, null, null))
                .run(null);
        assertThat(accounts.find("first-admin")).hasValueSatisfying(admin -> assertThat(admin.passwordChangeRequired()).isTrue());

        AppUser configured = accounts.create("configured-admin", "operator-chosen-1", false, EnumSet.of(Role.ADMIN),
                Set.of("*"), "bootstrap");
        assertThat(configured.passwordChangeRequired()).isFalse();
    }

    @Test
    void changingOnesOwnPasswordNeedsTheCurrentOneAndClearsTheOneTimeMark() {
        AppUser user = accounts.create("one-time-user", "one-time-pass-1", true, EnumSet.of(Role.IMC_STAFF),
                Set.of("ust-ishim"), "admin");
        assertThat(user.passwordChangeRequired()).isTrue();

        assertThatThrownBy(() -> accounts.changeOwnPassword(user.id(), "wrong-password", "my-own-password-1"))
                .isInstanceOf(ApiException.class).hasMessage("Текущий пароль указан неверно");
        assertThatThrownBy(() -> accounts.changeOwnPassword(user.id(), "one-time-pass-1", "one-time-pass-1"))
                .isInstanceOf(ApiException.class).hasMessage("Новый пароль совпадает с текущим");

        AppUser changed = accounts.changeOwnPassword(user.id(), "one-time-pass-1", "my-own-password-1");
        assertThat(changed.passwordChangeRequired()).isFalse();
        assertThat(passwords.matches("my-own-password-1", changed.passwordHash())).isTrue();
    }
}
