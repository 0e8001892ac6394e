package ru.edu.decisions.rules.engine;

import ru.edu.decisions.rules.eligibility.EligibilityRules;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.edu.decisions.rules.eligibility.EligibilityOutcome;

/**
 * The disk cache of compiled rule modules: a compiler started again on unchanged files loads them instead of
 * compiling (counted, not timed), decides the same, an edited file is compiled anew, and a damaged entry is deleted
 * and compiled again rather than trusted.
 */
class CompiledRuleCacheTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
    static RuleBaseSource ustIshim;

    @TempDir
    Path cacheDir;

    @BeforeAll
    static void source() {
        ustIshim = RuleBaseSource.fromDirectory(Path.of(".")).only("ust-ishim");
    }

    private RuleSetCompiler compiler() {
        return new RuleSetCompiler(ShippedRuleBase.CLOCK, new CompiledRuleCache(cacheDir));
    }

    private static EligibilityOutcome decide(RuleBase base) {
        return base.jurisdiction("ust-ishim").orElseThrow().decision(EligibilityRules.class).orElseThrow().evaluate(Profiles.qualified(12), AS_OF);
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> files = Files.list(cacheDir)) {
            return files.filter(f -> f.toString().endsWith(".kjar")).toList();
        }
    }

    @Test
    void aSecondStartWithUnchangedRuleFilesLoadsTheCompiledModuleInsteadOfCompiling() throws IOException {
        RuleSetCompiler first = compiler();
        RuleBase compiled = first.compile(ustIshim);
        assertThat(first.compilations()).isEqualTo(1);
        assertThat(first.cache().hits()).isZero();
        assertThat(entries()).hasSize(1);

        RuleSetCompiler second = compiler();
        RuleBase loaded = second.compile(ustIshim);

        assertThat(second.compilations()).isZero();
        assertThat(second.cache().hits()).isEqualTo(1);
        assertThat(loaded.jurisdiction("ust-ishim").orElseThrow().version())
                .isEqualTo(compiled.jurisdiction("ust-ishim").orElseThrow().version());
        EligibilityOutcome before = decide(compiled);
        EligibilityOutcome after = decide(loaded);
        assertThat(after.verdict()).isEqualTo(before.verdict());
        assertThat(after.grounds()).isEqualTo(before.grounds());
        assertThat(after.reasons()).isEqualTo(before.reasons());
        assertThat(after.trace()).isEqualTo(before.trace());
    }

    @Test
    void anEditedRuleFileIsCompiledAgain() throws IOException {
        compiler().compile(ustIshim);
        RuleFile rules = ustIshim.files().stream().filter(f -> f.path().equals("ust-ishim/routes.drl")).findFirst().orElseThrow();
        RuleBaseSource edited = ustIshim.with(new RuleFile(rules.path(),
                (rules.text() + "\n// правка: комментарий\n").getBytes(StandardCharsets.UTF_8)));

        RuleSetCompiler again = compiler();
        again.compile(edited);

        assertThat(again.compilations()).isEqualTo(1);
        assertThat(again.cache().hits()).isZero();
        assertThat(entries()).hasSize(2);
    }

    @Test
    void aDamagedCacheEntryIsDeletedAndTheRulesCompiledAgain() throws IOException {
        compiler().compile(ustIshim);
        Path entry = entries().get(0);
        byte[] bytes = Files.readAllBytes(entry);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(entry, bytes);

        RuleSetCompiler afterDamage = compiler();
        RuleBase compiled = afterDamage.compile(ustIshim);

        assertThat(afterDamage.cache().rejected()).isEqualTo(1);
        assertThat(afterDamage.compilations()).isEqualTo(1);
        assertThat(decide(compiled).verdict()).isNotNull();
        RuleSetCompiler next = compiler();
        next.compile(ustIshim);
        assertThat(next.compilations()).isZero();
    }

    @Test
    void aTruncatedCacheEntryIsCompiledAgain() throws IOException {
        compiler().compile(ustIshim);
        Path entry = entries().get(0);
        byte[] bytes = Files.readAllBytes(entry);
        Files.write(entry, java.util.Arrays.copyOf(bytes, bytes.length / 3));

        RuleSetCompiler afterDamage = compiler();
        afterDamage.compile(ustIshim);

        assertThat(afterDamage.cache().rejected()).isEqualTo(1);
        assertThat(afterDamage.compilations()).isEqualTo(1);
    }
}
