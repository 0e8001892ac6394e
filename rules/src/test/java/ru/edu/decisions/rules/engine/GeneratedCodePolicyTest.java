package ru.edu.decisions.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The guarantee behind the lexical check: whatever a rule file looks like, the compiled code may call only the rule
 * vocabulary, may not loop or recurse, and is refused before any of it is loaded — so nothing in it ever runs.
 */
class GeneratedCodePolicyTest {

    static final String PATH = "ust-ishim/eligibility.drl";

    @TempDir
    static Path dir;

    static RuleBaseSource withRule(String function, String consequence) {
        RuleBaseSource shipped = RuleBaseSource.fromDirectory(Path.of(".")).only("ust-ishim");
        // The jurisdiction's own rule file (an exception to its table) — the same Java underneath as any rule file.
        String text = shipped.files().stream().filter(f -> f.path().equals(PATH)).findFirst().map(RuleFile::text)
                .orElse("package eligibility;\n\nimport java.util.List;\nimport ru.edu.decisions.model.*;\n"
                        + "import ru.edu.decisions.rules.dsl.*;\nimport static ru.edu.decisions.rules.dsl.RuleFunctions.*;\n");
        String added = text + "\n" + function + "\n\nrule \"Проба\"\n    @clause(\"ust-ishim:3.2\")\nwhen\n    TeacherProfile()\nthen\n"
                + consequence + "\nend\n";
        return shipped.with(new RuleFile(PATH, added.getBytes(StandardCharsets.UTF_8)));
    }

    static List<CompileProblem> problems(String function, String consequence) {
        try {
            new RuleSetCompiler(ShippedRuleBase.CLOCK).compile(withRule(function, consequence));
            return List.of();
        } catch (RuleBaseCompilationException e) {
            return e.problems();
        }
    }

    @Test
    void theShippedRuleBaseCompilesToAllowedCodeOnly() {
        assertThat(ShippedRuleBase.get().all()).hasSize(4);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // Words the lexical check lets through: the compiled code is what decides.
            "    Object zone = java.util.TimeZone.getDefault();",
            "    Integer fromSystem = Integer.getInteger( \"user.home\" );",
            "    Object mapper = tools.jackson.databind.json.JsonMapper.builder().build();",
            "    long sum = java.util.stream.LongStream.rangeClosed( 1, 1000000000000L ).sum();",
            "    java.util.Objects.requireNonNull( java.time.LocalDate.now() );",
            "    java.util.function.Supplier<Object> s = Thread::currentThread;",
    })
    void codeOutsideTheRuleVocabularyIsRefusedBeforeItIsLoaded(String consequence) {
        assertThat(problems("", consequence)).isNotEmpty().allSatisfy(p -> {
            assertThat(p.file()).startsWith("ust-ishim/");
            assertThat(p.message()).contains("не допускается");
        });
    }

    @Test
    void aFunctionThatCallsItselfIsRefused() {
        List<CompileProblem> problems = problems("""
                function long twice( int n ) {
                    return n == 0 ? 1 : twice( n - 1 ) + twice( n - 1 );
                }""", "    long steps = twice( 62 );");

        assertThat(problems).anySatisfy(p -> {
            assertThat(p.message()).contains("рекурсия");
            assertThat(p.line()).isNotNull();
        });
    }

    @Test
    void textBlocksDoNotHideCodeAndNothingOfARefusedRuleRuns() throws Exception {
        Path written = dir.resolve("written-by-a-rule");
        List<CompileProblem> problems = problems("", """
                    String v = \"\"\"
                       x\"\"\" + java.nio.file.Files.writeString( java.nio.file.Path.of( "%s" ), "owned" );
                """.formatted(written.toString().replace("\\", "/")));

        assertThat(problems).isNotEmpty();
        assertThat(Files.exists(written)).isFalse();
    }

    @Test
    void anEnumLeadsNowhere() {
        assertThatThrownBy(() -> new RuleSetCompiler(ShippedRuleBase.CLOCK).compile(withRule("",
                "    Object loader = ru.edu.decisions.model.eligibility.Verdict.ELIGIBLE.getDeclaringClass().getClassLoader();")))
                .isInstanceOf(RuleBaseCompilationException.class);
    }

    @Test
    void aRuleSetThatTakesLongerThanTheDeadlineIsRefused() {
        RuleBaseSource shipped = RuleBaseSource.fromDirectory(Path.of(".")).only("ust-ishim");

        assertThatThrownBy(() -> new RuleSetCompiler(ShippedRuleBase.CLOCK).compile(shipped, java.time.Duration.ofMillis(1)))
                .isInstanceOfSatisfying(RuleBaseCompilationException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.file()).isEqualTo("ust-ishim/manifest.yaml");
                            assertThat(p.message()).contains("не уложились в 0 с");
                        }));
    }
}
