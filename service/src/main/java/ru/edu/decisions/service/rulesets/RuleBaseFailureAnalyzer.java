package ru.edu.decisions.service.rulesets;

import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import ru.edu.decisions.rules.engine.RuleBaseCompilationException;

/** A rule base that does not compile stops the start; this says where and what, instead of a stack trace. */
class RuleBaseFailureAnalyzer extends AbstractFailureAnalyzer<RuleBaseCompilationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RuleBaseCompilationException cause) {
        String problems = cause.problems().stream().map(p -> "  - " + p.describe()).collect(Collectors.joining("\n"));
        return new FailureAnalysis("Набор правил не скомпилирован, сервис не запущен:\n" + problems,
                "Исправьте указанные файлы правил (см. rules/README.md) или укажите другой каталог правил в DECISIONS_RULES_DIR.",
                cause);
    }
}
