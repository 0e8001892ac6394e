package ru.edu.decisions.service.security;

import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * On first start (no user at all) creates the first administrator from configuration — or, when no password is
 * configured, with a one-time generated password printed once to the console. Creates the configured integration
 * key if it does not exist yet. There is never a built-in default password.
 */
@Component
@EnableConfigurationProperties(BootstrapAccounts.Settings.class)
class BootstrapAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAccounts.class);

    /**
     * {@code decisions.security.*}: the first administrator and the first integration key.
     *
     * @param adminUsername     name of the first administrator (default {@code admin})
     * @param adminPassword     their password; empty: a one-time password is generated and printed
     * @param apiKey            a first integration key to create (at least 24 characters), or empty
     * @param apiKeyName        its name
     * @param apiKeyJurisdictions its jurisdictions ({@code *} = all)
     */
    @ConfigurationProperties("decisions.security")
    record Settings(@Nullable String adminUsername, @Nullable String adminPassword, @Nullable String apiKey,
                    @Nullable String apiKeyName, @Nullable Set<String> apiKeyJurisdictions) {
    }

    private final Accounts accounts;
    private final ApiKeys keys;
    private final Settings settings;

    BootstrapAccounts(Accounts accounts, ApiKeys keys, Settings settings) {
        this.accounts = accounts;
        this.keys = keys;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!accounts.anyUser()) {
            String username = blank(settings.adminUsername()) ? "admin" : settings.adminUsername();
            String password = settings.adminPassword();
            boolean generated = blank(password);
            if (generated) {
                password = Accounts.generatePassword();
            }
            accounts.create(username, password, generated, EnumSet.of(Role.ADMIN), Set.of(Actor.ALL_JURISDICTIONS), "bootstrap");
            log.info("First administrator '{}' created from configuration", username);
            if (generated) {
                System.out.println("""

                        ==================================================================================
                          Первый администратор создан: имя «%s», одноразовый пароль: %s
                          Он показан один раз. Откройте http://localhost:<порт>/ , войдите и задайте
                          свой пароль — до этого учётная запись ничего другого не может (или задайте
                          DECISIONS_ADMIN_PASSWORD до первого запуска).
                        ==================================================================================
                        """.formatted(username, password));
            }
        }
        if (!blank(settings.apiKey()) && !keys.exists(settings.apiKey())) {
            Set<String> jurisdictions = settings.apiKeyJurisdictions() == null || settings.apiKeyJurisdictions().isEmpty()
                    ? Set.of(Actor.ALL_JURISDICTIONS) : settings.apiKeyJurisdictions();
            keys.store(blank(settings.apiKeyName()) ? "integration" : settings.apiKeyName(), settings.apiKey(),
                    EnumSet.allOf(ApiScope.class), jurisdictions, "bootstrap");
            log.info("Integration API key '{}' created from configuration", settings.apiKeyName());
        }
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
