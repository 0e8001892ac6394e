package ru.edu.decisions.service.idempotency;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import ru.edu.decisions.service.security.CurrentActor;
import tools.jackson.databind.json.JsonMapper;

/** The {@code Idempotency-Key} filter, registered for every request after the security filters. */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

    @Bean
    IdempotentWrites idempotentWrites(JdbcTemplate jdbc, PlatformTransactionManager transactions, CurrentActor current,
                                      Clock clock, JsonMapper json,
                                      @Value("${decisions.idempotency.retention:24h}") Duration retention) {
        return new IdempotentWrites(jdbc, transactions, current, clock, json, retention);
    }
}
