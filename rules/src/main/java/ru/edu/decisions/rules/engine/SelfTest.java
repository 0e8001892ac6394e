package ru.edu.decisions.rules.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.kie.api.runtime.rule.ConsequenceException;
import ru.edu.decisions.rules.dsl.ParameterException;

/**
 * Tries a freshly compiled rule set on sample data before it is accepted, so a rule that fails at run time is refused
 * like a compile error: the problem names the manifest parameter (file and line) or the rule (file, line and name)
 * that failed, wherever Drools tells it.
 */
final class SelfTest {

    /** How Drools names the rule of a failed constraint: {@code [Rule "name" in file]}. */
    private static final Pattern RULE_IN_MESSAGE = Pattern.compile("Rule \"([^\"]+)\"");

    private final JurisdictionRules rules;
    private final RuleFile manifest;
    private final List<RuleFile> ruleFiles;
    private final LocalDate today;
    private final List<CompileProblem> problems;

    SelfTest(JurisdictionRules rules, RuleFile manifest, List<RuleFile> ruleFiles, LocalDate today, List<CompileProblem> problems) {
        this.rules = rules;
        this.manifest = manifest;
        this.ruleFiles = ruleFiles;
        this.today = today;
        this.problems = problems;
    }

    void run() {
        rules.eligibility().ifPresent(eligibility -> {
            for (var sample : SampleProfiles.all()) {
                if (!attempt("eligibility.drl", "Пробное решение по образцу кандидата не получилось: ",
                        () -> eligibility.evaluate(sample, today))) {
                    return;
                }
            }
        });
        rules.routes().ifPresent(routes -> {
            for (SampleProfiles.RouteSample sample : SampleProfiles.routeSamples()) {
                if (!attempt("routes.drl", "Пробный маршрут по образцу диагностики не получился: ",
                        () -> routes.evaluate(sample.teacher(), sample.school(), sample.diagnostics(), sample.preferences(), today))) {
                    return;
                }
            }
        });
        rules.mentoring().ifPresent(mentoring -> {
            SampleProfiles.MentoringSample sample = SampleProfiles.mentoringSample();
            attempt("mentoring.drl", "Пробное распределение наставников по образцу не получилось: ",
                    () -> mentoring.evaluate(sample.mentors(), sample.mentees(), today));
        });
        rules.indicators().ifPresent(indicators -> attempt("indicators.drl",
                "Пробный расчёт показателей по образцу не получился: ",
                () -> indicators.evaluate(SampleProfiles.indicatorSample(today), today.withDayOfYear(1), today)));
    }

    private boolean attempt(String defaultFile, String what, Runnable decision) {
        try {
            decision.run();
            return true;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // Errors too: rule code that recurses without end or asks for absurd memory is a defect of the rule set.
            problems.add(locate(defaultFile, what, e));
            return false;
        }
    }

    private CompileProblem locate(String defaultFile, String what, Throwable failure) {
        String rule = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ParameterException parameter) {
                CompileProblem problem = RuleSetCompiler.parameterProblem(manifest, parameter);
                String user = rule == null ? "" : " (его использует правило «" + rule + "»)";
                return new CompileProblem(problem.file(), problem.line(), null, problem.message() + user);
            }
            if (rule == null) {
                rule = ruleOf(t);
            }
        }
        String message = what + (failure instanceof Error ? failure.getClass().getSimpleName() : failure.getMessage());
        if (rule != null) {
            for (RuleFile file : ruleFiles) {
                Integer line = ProblemLocator.lineOfRule(file.text(), rule);
                if (line != null) {
                    return new CompileProblem(file.path(), line, rule, message);
                }
            }
        }
        return new CompileProblem(rules.code() + "/" + defaultFile, null, rule, message);
    }

    private static @Nullable String ruleOf(Throwable t) {
        if (t instanceof ConsequenceException consequence && consequence.getRule() != null) {
            return consequence.getRule().getName();
        }
        Matcher matcher = RULE_IN_MESSAGE.matcher(String.valueOf(t.getMessage()));
        return matcher.find() ? matcher.group(1) : null;
    }
}
