package ru.edu.decisions.service.rulesets;

import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.edu.decisions.rules.engine.CompiledRuleCache;
import ru.edu.decisions.rules.engine.DecisionEngine;
import ru.edu.decisions.rules.engine.RuleSetCompiler;

/**
 * Compiles the rule base at start-up: a rule base that does not compile stops the start with file, line and message.
 * Compiled rule modules are kept in {@code decisions.rules-cache-dir} (default {@code ./data/rules-cache}; empty: no
 * cache), so a start with unchanged rule files loads them instead of compiling again.
 */
@Configuration(proxyBeanMethods = false)
class RuleEngineConfiguration {

    @Bean
    RuleSetCompiler ruleSetCompiler(Clock clock, @Value("${decisions.rules-cache-dir:./data/rules-cache}") String cacheDir) {
        return new RuleSetCompiler(clock, cacheDir.isBlank() ? null : new CompiledRuleCache(Path.of(cacheDir)));
    }

    @Bean
    DecisionEngine decisionEngine(RuleSetCompiler compiler, RuleSetTimeline timeline) {
        return new DecisionEngine(compiler, timeline.build());
    }
}
