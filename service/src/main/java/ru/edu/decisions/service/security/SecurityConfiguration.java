package ru.edu.decisions.service.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what — the role matrix, default deny. Two chains: the API (sessions and API keys, problem documents)
 * and the browser workspace (sessions only, Russian pages). People sign in with a session (form login against the
 * users in the database, or OpenID Connect when an identity provider is configured); systems send an API key in
 * {@code X-API-Key}, which opens no page. Only health, the OpenAPI document, Swagger UI, the session endpoints, the
 * sign-in page and the pages' static assets are open; every feature
 * additionally checks the actor's jurisdictions ({@link CurrentActor}), and every request of a session acts with
 * the account as it is now ({@link CurrentAccountFilter}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    static final String LOGIN = "/api/v1/session/login";
    static final String LOGOUT = "/api/v1/session/logout";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private static final String IMC = Role.IMC_STAFF.name();
    private static final String EDITOR = Role.POLICY_EDITOR.name();
    private static final String APPROVER = Role.POLICY_APPROVER.name();
    private static final String INTEGRATION = Role.INTEGRATION.name();
    private static final String ADMIN = Role.ADMIN.name();

    /**
     * No Micrometer observations of the security filter chain: they time every filter of every request (measured:
     * ~6 % of the CPU of a decision request) and no metrics endpoint is exposed. Spring Security's documented opt-out.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * The API, OpenAPI document, Swagger UI and actuator: sessions and API keys, answers as problem documents. Every
     * URL is declared with the roles that may call it; one nobody declared is refused.
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, ApiKeys keys, SecurityProblems problems,
                                               LoginHandlers login, Accounts accounts) throws Exception {
        http.securityMatcher("/api/**", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
                "/swagger-ui/**", "/actuator", "/actuator/**");
        http.authorizeHttpRequests(requests -> requests
                // Open: health, the OpenAPI document and Swagger UI, the session endpoints.
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                // The container's error dispatches render their problem; a request for /error itself is not open.
                .dispatcherTypeMatchers(jakarta.servlet.DispatcherType.ERROR).permitAll()
                .requestMatchers(HttpMethod.GET, "/api/v1/session").permitAll()
                .requestMatchers(HttpMethod.POST, LOGIN, LOGOUT).permitAll()
                // A person's own password: whoever is signed in with a session (never a key: it has no password).
                .requestMatchers(HttpMethod.POST, "/api/v1/session/password").hasAnyRole(IMC, EDITOR, APPROVER, ADMIN)
                // The contract's stateless decisions: systems with a key, and people who work with the rules. (Declared
                // by path: another method on these paths is then a 405 from the endpoint, not a refusal.)
                .requestMatchers("/api/v1/eligibility/decisions", "/api/v1/eligibility/batch",
                        "/api/v1/routes/decisions", "/api/v1/mentoring/decisions")
                    .hasAnyRole(INTEGRATION, IMC, EDITOR, APPROVER)
                // Jurisdictions and logged decisions: anyone with a role (a decision's own rules in DecisionLogController).
                .requestMatchers("/api/v1/jurisdictions", "/api/v1/decisions/*")
                    .hasAnyRole(INTEGRATION, IMC, EDITOR, APPROVER, ADMIN)
                // The IMC workflow: personal data, IMC staff of their jurisdictions only.
                .requestMatchers("/api/v1/candidates", "/api/v1/candidates/**", "/api/v1/registry/**",
                        "/api/v1/teachers", "/api/v1/teachers/**", "/api/v1/mentoring/runs", "/api/v1/mentoring/runs/**",
                        "/api/v1/mentoring/pairs/**", "/api/v1/mentoring/mentors/**", "/api/v1/schools", "/api/v1/schools/**").hasRole(IMC)
                // Indicators of the methodological service: IMC staff of the jurisdiction and administrators (the
                // lists behind the figures hold personal data: their reads are logged).
                .requestMatchers("/api/v1/indicators", "/api/v1/indicators/**").hasAnyRole(IMC, ADMIN)
                // Rule sets: editors draft, approvers publish and roll back (never their own draft).
                .requestMatchers(HttpMethod.GET, "/api/v1/admin/rules").hasAnyRole(EDITOR, APPROVER, ADMIN)
                // A reload recompiles every jurisdiction's rules: administrators and approvers of all jurisdictions.
                .requestMatchers(HttpMethod.POST, "/api/v1/admin/rules/reload").access(adminOrApproverOfAllJurisdictions())
                .requestMatchers(HttpMethod.POST, "/api/v1/rulesets/*/drafts").hasRole(EDITOR)
                .requestMatchers(HttpMethod.POST, "/api/v1/rulesets/*/drafts/*/withdrawal").hasRole(EDITOR)
                // Publishing, rolling back and re-deciding stored candidates: approvers (the controller tells an editor
                // who tries that an approver must, rather than a bare «forbidden»).
                .requestMatchers(HttpMethod.POST, "/api/v1/rulesets/*/drafts/*/publication", "/api/v1/rulesets/*/rollback",
                        "/api/v1/rulesets/*/redecisions")
                    .hasAnyRole(EDITOR, APPROVER)
                .requestMatchers("/api/v1/rulesets/**").hasAnyRole(EDITOR, APPROVER)
                // Administration: users, keys, the personal-data access log.
                .requestMatchers("/api/v1/admin/**").hasRole(ADMIN)
                // Default deny: a URL nobody declared above is refused, whoever asks.
                .anyRequest().denyAll());

        http.addFilterBefore(new ApiKeyAuthenticationFilter(keys, problems.entryPoint()), UsernamePasswordAuthenticationFilter.class);
        http.addFilterBefore(login.throttle(LOGIN, login.problemRefusal()), UsernamePasswordAuthenticationFilter.class);
        http.addFilterAfter(new CurrentAccountFilter(accounts, CurrentAccountFilter.problem(problems)), LogoutFilter.class);
        http.addFilterAfter(PasswordChangeGate.api(problems), CurrentAccountFilter.class);
        http.formLogin(form -> form
                .loginProcessingUrl(LOGIN)
                .usernameParameter(LoginHandlers.USERNAME)
                .passwordParameter(LoginHandlers.PASSWORD)
                .successHandler(login.success())
                .failureHandler(login.failure()));
        http.logout(logout -> logout.logoutUrl(LOGOUT).logoutSuccessHandler(login.loggedOut()));
        http.csrf(csrf -> csrf
                .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                .requireCsrfProtectionMatcher(browserSessionRequests()));
        http.exceptionHandling(e -> e
                .authenticationEntryPoint(problems.entryPoint())
                .accessDeniedHandler(problems.deniedHandler()));
        headers(http);
        return http.build();
    }

    /**
     * The browser workspace: server-rendered pages for people, signed in with a session (form or OpenID Connect);
     * an API key opens no page (this chain does not read it). Every page URL is declared here with the roles that
     * may open it; one nobody declared is refused. Refusals are pages in Russian: the sign-in page for someone not
     * signed in (with a message when their session expired or ended), the error page for a missing right.
     */
    @Bean
    @Order(2)
    SecurityFilterChain pageSecurityFilterChain(HttpSecurity http, LoginHandlers login, Accounts accounts,
                                                ObjectProvider<ClientRegistrationRepository> oidc,
                                                OidcAccounts oidcAccounts) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .dispatcherTypeMatchers(jakarta.servlet.DispatcherType.ERROR).permitAll()
                // Open: the sign-in page and what every page loads (served by the application itself).
                .requestMatchers(HttpMethod.GET, "/", WorkspacePaths.SIGN_IN, "/css/**", "/js/**", "/images/**",
                        "/webjars/**", "/favicon.ico").permitAll()
                .requestMatchers(HttpMethod.POST, WorkspacePaths.SIGN_IN, WorkspacePaths.SIGN_OUT).permitAll()
                // Everyone who works in the workspace: the start page, their own password, the jurisdiction they
                // work in, the regulations' texts.
                .requestMatchers(WorkspacePaths.START, WorkspacePaths.PASSWORD, "/jurisdiction", "/regulations/**")
                    .hasAnyRole(IMC, EDITOR, APPROVER, ADMIN)
                // The IMC workflow: personal data, IMC staff (their jurisdictions are checked by every feature).
                .requestMatchers("/candidates", "/candidates/**", "/registry", "/registry/**", "/teachers",
                        "/teachers/**", "/mentoring", "/mentoring/**", "/tasks/**").hasRole(IMC)
                // Indicators of the methodological service: IMC staff and administrators.
                .requestMatchers("/indicators", "/indicators/**").hasAnyRole(IMC, ADMIN)
                // Administration: users, keys, the personal-data access log.
                .requestMatchers("/admin", "/admin/**").hasRole(ADMIN)
                // Default deny.
                .anyRequest().denyAll());

        http.addFilterBefore(login.throttle(WorkspacePaths.SIGN_IN, LoginHandlers.pageRefusal()),
                UsernamePasswordAuthenticationFilter.class);
        http.addFilterAfter(new CurrentAccountFilter(accounts, CurrentAccountFilter.signInPage()), LogoutFilter.class);
        http.addFilterAfter(PasswordChangeGate.pages(), CurrentAccountFilter.class);
        http.formLogin(form -> form
                .loginPage(WorkspacePaths.SIGN_IN)
                .loginProcessingUrl(WorkspacePaths.SIGN_IN)
                .usernameParameter(LoginHandlers.USERNAME)
                .passwordParameter(LoginHandlers.PASSWORD)
                .successHandler(login.pageSuccess())
                .failureHandler(login.pageFailure()));
        http.logout(logout -> logout.logoutUrl(WorkspacePaths.SIGN_OUT)
                .logoutSuccessHandler((request, response, authentication) ->
                        SignInMessages.redirect(request, response, "Вы вышли из системы")));
        http.sessionManagement(sessions -> sessions.invalidSessionStrategy((request, response) -> {
            request.getSession(true);
            SignInMessages.redirect(request, response, "Сеанс истёк: войдите снова");
        }));
        if (oidc.getIfAvailable() != null) {
            http.oauth2Login(o -> o
                    .loginPage(WorkspacePaths.SIGN_IN)
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcAccounts))
                    .defaultSuccessUrl(WorkspacePaths.START, true));
        }
        http.exceptionHandling(e -> e
                .authenticationEntryPoint((request, response, ex) -> {
                    new org.springframework.security.web.savedrequest.HttpSessionRequestCache().saveRequest(request, response);
                    SignInMessages.redirectTo(request, response, WorkspacePaths.SIGN_IN);
                })
                .accessDeniedHandler((request, response, ex) -> {
                    if (ex instanceof org.springframework.security.web.csrf.CsrfException) {
                        SignInMessages.redirect(request, response,
                                "Форма устарела (истёк сеанс или страница открыта слишком давно). Войдите снова.");
                        return;
                    }
                    response.sendError(HttpServletResponse.SC_FORBIDDEN);
                }));
        headers(http);
        return http.build();
    }

    private static void headers(HttpSecurity http) throws Exception {
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
                        + "style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; form-action 'self'; "
                        + "frame-ancestors 'none'"))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                .frameOptions(frame -> frame.deny()));
    }

    /** {@code ADMIN}, or {@code POLICY_APPROVER} of every jurisdiction ({@code *}). */
    private static AuthorizationManager<RequestAuthorizationContext> adminOrApproverOfAllJurisdictions() {
        return (authentication, context) -> {
            Actor actor = CurrentActor.of(authentication.get());
            return new AuthorizationDecision(actor != null
                    && (actor.has(Role.ADMIN) || actor.has(Role.POLICY_APPROVER) && actor.coversAll()));
        };
    }

    /**
     * CSRF protection where a browser session could be abused: state-changing requests that carry a session, and
     * the login itself. Requests with an API key carry no cookie a foreign site could ride on and are exempt.
     */
    private static RequestMatcher browserSessionRequests() {
        return (HttpServletRequest request) -> !SAFE_METHODS.contains(request.getMethod())
                && request.getHeader(ApiKeyAuthenticationFilter.HEADER) == null
                && (LOGIN.equals(request.getServletPath()) || request.getRequestedSessionId() != null);
    }
}
