package ru.edu.decisions.service.common;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    @Bean
    Clock clock(DecisionsProperties properties) {
        return Clock.system(properties.timeZone());
    }
}
