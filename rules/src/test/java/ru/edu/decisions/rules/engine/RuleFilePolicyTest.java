package ru.edu.decisions.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rule files keep to the rule vocabulary: what reaches the machine (system, files, threads, reflection, engine
 * internals) is refused with the file and the line before anything is compiled or run; the shipped rule base passes.
 */
class RuleFilePolicyTest {

    static final String PATH = "common/eligibility-facts.drl";

    static RuleFile drl(String consequence) {
        return new RuleFile(PATH, ("""
                package eligibility;

                import java.util.List;
                import ru.edu.decisions.model.*;

                // System.exit in a comment is harmless
                rule "Правило"
                    @clause("ust-ishim:3.2")
                when
                    TeacherProfile( $name : fullName )
                then
                    %s
                end
                """).formatted(consequence).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theShippedRuleBaseKeepsToTheVocabulary() {
        for (RuleFile file : RuleBaseSource.fromDirectory(Path.of(".")).files()) {
            if (file.name().endsWith(".drl")) {
                assertThat(RuleFilePolicy.check(file)).as(file.path()).isEmpty();
            }
        }
    }

    @Test
    void wordsInStringsAndCommentsAreNotCode() {
        assertThat(RuleFilePolicy.check(drl("String text = \"System.exit(0); for while java.io.File\" + 'Class';"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "System.out.println( $name );",
            "String key = System.getenv( \"DECISIONS_API_KEY\" );",
            "new java.io.File( \"/etc/passwd\" ).delete();",
            "java.nio.file.Files.readString( java.nio.file.Path.of( \"/etc/passwd\" ) );",
            "Object loader = $name.getClass().getClassLoader();",
            "Object type = String.class;",
            "java.lang.Runtime.getRuntime();",
            "org.springframework.context.ApplicationContext context = null;",
            "java\n    .nio.file.Files.readString( null );",
            "String s = \"\"\"\n       x\"\"\" + System.getenv( \"DECISIONS_ADMIN_PASSWORD\" );",
            "Object loader = Verdict.ELIGIBLE.getDeclaringClass();",
            "ru.edu.decisions.rules.engine.RuleBaseSource.fromDirectory( null );",
            "while ( true ) { }",
            "for ( ;; ) { }",
            "new Thread( () -> { } ).start();",
            "drools.getKieRuntime().getKieBase();",
            "java.util.concurrent.Executors.newFixedThreadPool( 1 );",
    })
    void codeThatReachesOutOfTheRuleVocabularyIsRefusedWithTheLine(String consequence) {
        List<CompileProblem> problems = RuleFilePolicy.check(drl(consequence));

        assertThat(problems).isNotEmpty().first().satisfies(p -> {
            assertThat(p.file()).isEqualTo(PATH);
            assertThat(p.line()).isBetween(12, 13);
            assertThat(p.rule()).isEqualTo("Правило");
            assertThat(p.message()).contains("не допускается");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"import java.io.File;", "import java.lang.reflect.*;", "import static java.lang.System.exit;",
            "import java.util.concurrent.*;", "import org.springframework.jdbc.core.JdbcTemplate;",
            "import ru.edu.decisions.rules.engine.*;", "import java.util.Scanner;"})
    void importsOutsideTheModelAndJavaUtilTimeMathAreRefused(String imported) {
        RuleFile file = new RuleFile(PATH, ("package eligibility;\n" + imported + "\n").getBytes(StandardCharsets.UTF_8));

        assertThat(RuleFilePolicy.check(file)).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).startsWith("импорт «" + imported + "» не допускается");
        });
    }

    @Test
    void unicodeEscapesThatJavaWouldTurnIntoCodeAreRefused() {
        List<CompileProblem> problems = RuleFilePolicy.check(drl("String s = \"\\u0022); \\u0053ystem.exit(0); //\";"));

        assertThat(problems).anySatisfy(p -> assertThat(p.message()).contains("\\u"));
    }

    @Test
    void theCompilerRefusesSuchAFileBeforeBuildingOrRunningIt() {
        RuleBaseSource shipped = RuleBaseSource.fromDirectory(Path.of("."));
        String text = shipped.files().stream().filter(f -> f.path().equals(PATH)).findFirst().orElseThrow().text();
        String broken = text.replace("then\n    insertLogical( yes( drools, \"сотрудник ИМЦ\"",
                "then\n    System.getenv().forEach( ( k, v ) -> { } );\n    insertLogical( yes( drools, \"сотрудник ИМЦ\"");
        assertThat(broken).isNotEqualTo(text);

        assertThatThrownBy(() -> new RuleSetCompiler(Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC))
                .compile(shipped.with(new RuleFile(PATH, broken.getBytes(StandardCharsets.UTF_8)))))
                .isInstanceOfSatisfying(RuleBaseCompilationException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.file()).isEqualTo(PATH);
                            assertThat(p.rule()).isEqualTo("Сотрудник ИМЦ, если основное место работы — ИМЦ");
                            assertThat(p.message()).contains("«System»");
                        }));
    }
}
