package ru.edu.decisions.service.rulesets;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.edu.decisions.rules.engine.DecisionEngine;
import ru.edu.decisions.rules.engine.RuleSetCompiler;

/** Compiles the rule base at start-up: a rule base that does not compile stops the start with file, line and message. */
@Configuration(proxyBeanMethods = false)
class RuleEngineConfiguration {

    @Bean
    RuleSetCompiler ruleSetCompiler(Clock clock) {
        return new RuleSetCompiler(clock);
    }

    @Bean
    DecisionEngine decisionEngine(RuleSetCompiler compiler, RuleSetTimeline timeline) {
        return new DecisionEngine(compiler, timeline.build());
    }
}
