package ru.edu.decisions.service.rulesets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import ru.edu.decisions.rules.engine.RuleBaseCompilationException;
import ru.edu.decisions.service.DecisionServiceApplication;

/** A rule directory that does not compile stops the start, saying which file, line and rule, instead of serving. */
class BrokenRuleBaseStopsStartUpTest {

    @TempDir
    Path rules;

    @Test
    void theServiceDoesNotStartAndTheAnalysisNamesTheFileAndLine() throws IOException {
        copyShippedRules();
        Path eligibility = rules.resolve("common/eligibility-facts.drl");
        String text = Files.readString(eligibility);
        int line = (int) text.substring(0, text.indexOf("intValue >= $min")).chars().filter(c -> c == '\n').count() + 1;
        Files.writeString(eligibility, text.replace("intValue >= $min", "intValu >= $min"));

        assertThatThrownBy(() -> new SpringApplicationBuilder(DecisionServiceApplication.class)
                .run("--server.port=0",
                        "--spring.datasource.url=jdbc:h2:mem:broken-rules;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH",
                        "--decisions.rules-dir=" + rules,
                        "--decisions.security.admin-password=broken-rules-password"))
                .satisfies(failure -> {
                    Throwable cause = failure;
                    while (cause != null && !(cause instanceof RuleBaseCompilationException)) {
                        cause = cause.getCause();
                    }
                    assertThat(cause).as("the start fails because the rules do not compile").isNotNull();
                    FailureAnalysis analysis = new RuleBaseFailureAnalyzer().analyze(failure);
                    assertThat(analysis.getDescription()).contains("сервис не запущен")
                            .contains("common/eligibility-facts.drl, строка " + line)
                            .contains("Стаж работы по специальности не меньше установленного минимума");
                });
    }

    private void copyShippedRules() throws IOException {
        Path shipped = Path.of("..", "rules");
        try (Stream<Path> files = Files.walk(shipped)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path relative = shipped.relativize(file);
                if (relative.getNameCount() == 2 && !relative.startsWith("src") && !relative.startsWith("target")) {
                    Files.createDirectories(rules.resolve(relative).getParent());
                    Files.copy(file, rules.resolve(relative));
                }
            }
        }
    }
}
