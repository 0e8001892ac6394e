package ru.edu.decisions.rules.engine;

import ru.edu.decisions.rules.eligibility.EligibilityRules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.edu.decisions.model.DecisionKind;
import ru.edu.decisions.model.TeacherProfile;
import ru.edu.decisions.model.eligibility.Verdict;
import ru.edu.decisions.rules.eligibility.EligibilityOutcome;

/**
 * The engine over the shipped rule base: which decisions each jurisdiction has, compile errors with file and line, a
 * failed reload keeping the active rules, versions that follow the files, and decisions that are the same from many
 * threads as from one.
 */
class DecisionEngineTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
    static RuleBaseSource shipped;
    static DecisionEngine engine;

    @BeforeAll
    static void compile() {
        shipped = RuleBaseSource.fromDirectory(Path.of("."));
        engine = new DecisionEngine(new RuleSetCompiler(CLOCK), shipped);
    }

    static RuleFile file(String path) {
        return shipped.files().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow();
    }

    static RuleBaseSource edited(String path, String from, String to) {
        String text = file(path).text();
        assertThat(text).contains(from);
        return shipped.with(new RuleFile(path, text.replace(from, to).getBytes(StandardCharsets.UTF_8)));
    }

    static int lineOf(String path, String text) {
        List<String> lines = file(path).text().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + path);
    }

    @Test
    void kuznetskAndDagestanHaveRoutesAndMentoringButNoEligibility() {
        RuleBase base = engine.current();
        assertThat(base.jurisdiction("ust-ishim").orElseThrow().decisions())
                .containsExactly(DecisionKind.ELIGIBILITY, DecisionKind.ROUTES, DecisionKind.MENTORING);
        assertThat(base.jurisdiction("turochak").orElseThrow().decisions())
                .containsExactly(DecisionKind.ELIGIBILITY, DecisionKind.ROUTES, DecisionKind.MENTORING);
        for (String code : List.of("kuznetsk", "dagestan")) {
            JurisdictionRules rules = base.jurisdiction(code).orElseThrow();
            assertThat(rules.decision(EligibilityRules.class)).as(code).isEmpty();
            assertThat(rules.manifest().regulation().citation()).startsWith("Положение");
        }
        // Kuznetsk's regulation (section 4.1) also sets the indicators of the methodological service.
        assertThat(base.jurisdiction("kuznetsk").orElseThrow().decisions())
                .containsExactly(DecisionKind.ROUTES, DecisionKind.MENTORING, DecisionKind.INDICATORS);
        assertThat(base.jurisdiction("dagestan").orElseThrow().decisions())
                .containsExactly(DecisionKind.ROUTES, DecisionKind.MENTORING);
    }

    @Test
    void aSyntaxErrorIsReportedWithTheFileAndTheLine() {
        RuleBaseSource broken = edited("common/eligibility-facts.drl", "intValue >= $min", "intValu >= $min");

        assertThatThrownBy(() -> new RuleSetCompiler(CLOCK).compile(broken))
                .isInstanceOfSatisfying(RuleBaseCompilationException.class, e -> assertThat(e.problems()).anySatisfy(p -> {
                    assertThat(p.file()).isEqualTo("common/eligibility-facts.drl");
                    assertThat(p.line()).isEqualTo(lineOf("common/eligibility-facts.drl", "intValue >= $min"));
                    assertThat(p.message()).contains("intValu");
                }));
    }

    @Test
    void aWrongCatalogueRowIsReportedWithItsRowNumber() {
        String path = "dagestan/catalogue.csv";
        int line = lineOf(path, "DG-CL-FL;");
        RuleBaseSource broken = edited(path, ";методический кластер;формирование функциональной грамотности / методические;",
                ";кружок;формирование функциональной грамотности / методические;");

        assertThatThrownBy(() -> new RuleSetCompiler(CLOCK).compile(broken))
                .isInstanceOfSatisfying(RuleBaseCompilationException.class, e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.file()).isEqualTo(path);
                    assertThat(p.line()).isEqualTo(line);
                    assertThat(p.message()).startsWith("Строка " + line + ", столбец «Вид»: «кружок»");
                }));
    }

    @Test
    void aFailedReloadKeepsTheActiveRulesAndAGoodOneReplacesThemWithANewVersion() {
        DecisionEngine own = new DecisionEngine(new RuleSetCompiler(CLOCK), shipped);
        RuleBase before = own.current();
        TeacherProfile fourYears = Profiles.qualified(4);
        assertThat(before.jurisdiction("ust-ishim").orElseThrow().decision(EligibilityRules.class).orElseThrow().evaluate(fourYears, AS_OF).verdict())
                .isEqualTo(Verdict.NOT_ELIGIBLE);

        DecisionEngine.Reload failed = own.reload(edited("common/eligibility-facts.drl", "intValue >= $min", "intValu >= $min"));
        assertThat(failed.applied()).isFalse();
        assertThat(failed.problems()).isNotEmpty();
        assertThat(own.current()).isSameAs(before);

        DecisionEngine.Reload applied = own.reload(edited("ust-ishim/manifest.yaml", "value: 5", "value: 4"));
        assertThat(applied.applied()).isTrue();
        JurisdictionRules after = own.current().jurisdiction("ust-ishim").orElseThrow();
        assertThat(after.version()).isNotEqualTo(before.jurisdiction("ust-ishim").orElseThrow().version()).startsWith("2023.1+");
        assertThat(after.decision(EligibilityRules.class).orElseThrow().evaluate(fourYears, AS_OF).verdict()).isEqualTo(Verdict.ELIGIBLE);
        // The other jurisdictions' files did not change, nor did their versions.
        assertThat(own.current().jurisdiction("turochak").orElseThrow().version())
                .isEqualTo(before.jurisdiction("turochak").orElseThrow().version());
    }

    @Test
    void aManifestParameterOfTheWrongKindIsReportedAgainstTheManifestLine() {
        String path = "ust-ishim/manifest.yaml";
        String text = file(path).text();
        int line = lineOf(path, "minSpecialtyYears:") + 1;
        assertThat(text.lines().toList().get(line - 1)).contains("value: 5");
        RuleBaseSource broken = shipped.with(new RuleFile(path, text.replaceFirst("value: 5", "value: пять").getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> new RuleSetCompiler(CLOCK).compile(broken))
                .isInstanceOfSatisfying(RuleBaseCompilationException.class, e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.file()).isEqualTo(path);
                    assertThat(p.line()).isEqualTo(line - 1);
                    assertThat(p.message()).contains("minSpecialtyYears").contains("целым числом").contains("пять");
                }));
    }

    @Test
    void aParameterTheRulesNeedButTheManifestLacksIsReportedAgainstTheManifest() {
        RuleBaseSource broken = edited("ust-ishim/manifest.yaml", "  minSpecialtyYears:", "  minYears:");

        assertThatThrownBy(() -> new RuleSetCompiler(CLOCK).compile(broken))
                .isInstanceOfSatisfying(RuleBaseCompilationException.class, e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.file()).isEqualTo("ust-ishim/manifest.yaml");
                    assertThat(p.message()).contains("«minSpecialtyYears» не задан");
                }));
    }

    @Test
    void aRuleThatFailsAtRunTimeIsRefusedWithItsFileLineAndName() {
        String path = "common/eligibility-facts.drl";
        String rule = "Стаж работы по специальности не меньше установленного минимума";
        RuleBaseSource broken = edited(path, "$experience.message() + \" — требуется не менее \" + $min ) );\nend\n\nrule \"Стаж работы по специальности меньше",
                "$experience.message().substring( 1000 ) + \" — требуется не менее \" + $min ) );\nend\n\nrule \"Стаж работы по специальности меньше");

        assertThatThrownBy(() -> new RuleSetCompiler(CLOCK).compile(broken))
                .isInstanceOfSatisfying(RuleBaseCompilationException.class, e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.file()).isEqualTo(path);
                    assertThat(p.rule()).isEqualTo(rule);
                    assertThat(p.line()).isEqualTo(lineOf(path, "rule \"" + rule + "\""));
                    assertThat(p.message()).startsWith("Пробное решение по образцу кандидата не получилось");
                }));
    }

    @Test
    void aReloadThatWouldDropAJurisdictionIsRefusedAndTheActiveRulesStay() {
        DecisionEngine own = new DecisionEngine(new RuleSetCompiler(CLOCK), shipped);
        RuleBase before = own.current();
        RuleBaseSource withoutTurochak = new RuleBaseSource("без Турочака",
                shipped.files().stream().filter(f -> !f.path().startsWith("turochak/")).toList());

        DecisionEngine.Reload reload = own.reload(withoutTurochak);

        assertThat(reload.applied()).isFalse();
        assertThat(reload.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("turochak/manifest.yaml");
            assertThat(p.message()).contains("«turochak»");
        });
        assertThat(own.current()).isSameAs(before);
    }

    @Test
    void aMissingEndNamesTheRuleItIsMissingFrom() {
        String path = "common/eligibility-facts.drl";
        String rule = "Стаж работы по специальности не меньше установленного минимума";
        RuleBaseSource broken = edited(path, "$experience.message() + \" — требуется не менее \" + $min ) );\nend\n\nrule \"Стаж работы по специальности меньше",
                "$experience.message() + \" — требуется не менее \" + $min ) );\n\nrule \"Стаж работы по специальности меньше");

        assertThatThrownBy(() -> new RuleSetCompiler(CLOCK).compile(broken))
                .isInstanceOfSatisfying(RuleBaseCompilationException.class, e -> assertThat(e.problems()).first().satisfies(p -> {
                    assertThat(p.file()).isEqualTo(path);
                    assertThat(p.line()).isNotNull();
                    assertThat(p.rule()).as(p.message()).isEqualTo(rule);
                }));
    }

    @Test
    void theVersionIsTheManifestVersionAndAHashOfTheFilesStableForIdenticalFiles() {
        String version = engine.current().jurisdiction("ust-ishim").orElseThrow().version();
        assertThat(version).matches("2023\\.1\\+[0-9a-f]{10}");
        assertThat(new RuleSetCompiler(CLOCK).compile(RuleBaseSource.fromDirectory(Path.of(".")).only("ust-ishim"))
                .jurisdiction("ust-ishim").orElseThrow().version()).isEqualTo(version);
    }

    @Test
    void decisionsFromManyThreadsAreTheSameAsFromOne() throws Exception {
        var rules = engine.current().jurisdiction("ust-ishim").orElseThrow().decision(EligibilityRules.class).orElseThrow();
        List<TeacherProfile> profiles = new ArrayList<>();
        for (int years = 0; years < 10; years++) {
            profiles.add(Profiles.qualified(years));
        }
        List<EligibilityOutcome> sequential = profiles.stream().map(p -> rules.evaluate(p, AS_OF)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<EligibilityOutcome>>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                runs.add(pool.submit(() -> {
                    List<EligibilityOutcome> last = null;
                    for (int round = 0; round < 50; round++) {
                        last = profiles.stream().map(p -> rules.evaluate(p, AS_OF)).toList();
                        for (int i = 0; i < last.size(); i++) {
                            assertThat(last.get(i).reasons()).isEqualTo(sequential.get(i).reasons());
                        }
                    }
                    return last;
                }));
            }
            for (Future<List<EligibilityOutcome>> run : runs) {
                List<EligibilityOutcome> outcomes = run.get();
                for (int i = 0; i < outcomes.size(); i++) {
                    assertThat(outcomes.get(i).verdict()).isEqualTo(sequential.get(i).verdict());
                    assertThat(outcomes.get(i).grounds()).isEqualTo(sequential.get(i).grounds());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(sequential).extracting(EligibilityOutcome::verdict).containsOnly(Verdict.NOT_ELIGIBLE, Verdict.ELIGIBLE);
    }
}
