package ru.edu.decisions.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * With an identity provider configured (here a Keycloak realm given by its endpoints), people are sent to it to
 * sign in; the service starts on the embedded default database. Without one (every other test) there is no
 * OpenID Connect login at all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:oidc;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH",
        "decisions.security.admin-password=oidc-test-admin-password",
        "spring.security.oauth2.client.registration.keycloak.client-id=decisions",
        "spring.security.oauth2.client.registration.keycloak.client-secret=secret",
        "spring.security.oauth2.client.registration.keycloak.scope=openid,profile",
        "spring.security.oauth2.client.registration.keycloak.authorization-grant-type=authorization_code",
        "spring.security.oauth2.client.registration.keycloak.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
        "spring.security.oauth2.client.provider.keycloak.authorization-uri=https://sso.example.ru/realms/edu/protocol/openid-connect/auth",
        "spring.security.oauth2.client.provider.keycloak.token-uri=https://sso.example.ru/realms/edu/protocol/openid-connect/token",
        "spring.security.oauth2.client.provider.keycloak.jwk-set-uri=https://sso.example.ru/realms/edu/protocol/openid-connect/certs",
        "spring.security.oauth2.client.provider.keycloak.user-info-uri=https://sso.example.ru/realms/edu/protocol/openid-connect/userinfo",
        "spring.security.oauth2.client.provider.keycloak.user-name-attribute=preferred_username"})
class OidcLoginConfigurationTest {

    @LocalServerPort
    int port;

    @Test
    void signInIsRedirectedToTheIdentityProvider() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/authorization/keycloak")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .startsWith("https://sso.example.ru/realms/edu/protocol/openid-connect/auth")
                .contains("client_id=decisions").contains("scope=openid"));
        // The provider's redirect back is a cross-site navigation: the session holding the authorization request
        // must travel with it, so the cookie is SameSite=Lax (Strict would lose it: authorization_request_not_found).
        assertThat(response.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly"));
    }
}
