package ru.edu.decisions.rules.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import ru.edu.decisions.model.TeacherProfile;
import ru.edu.decisions.rules.eligibility.EligibilityOutcome;
import ru.edu.decisions.rules.eligibility.EligibilityRules;
import ru.edu.decisions.rules.engine.RuleBaseSource;
import ru.edu.decisions.rules.engine.RuleFile;
import ru.edu.decisions.rules.engine.RuleSetCompiler;

/**
 * The eligibility benchmark: explained Ust-Ishim decisions per second in process through the shipped rules, one thread
 * and all cores, against the hand-written floor ({@link HandWrittenUstIshim}) and the same criteria as a DMN model
 * evaluated by Apache KIE's DMN engine ({@link UstIshimDmn}); 1,000 generated profiles cycled, a 5-second warm-up and a
 * measured run of the given seconds (argument, default 20) for each. Also: rule firings per decision, and the time to
 * compile Ust-Ishim's eligibility rules — the shared rules with its table, and the old rule file
 * ({@code src/test/resources/legacy/}) for comparison.
 */
public final class EligibilityBenchmark {

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        RuleBaseSource shipped = RuleBaseSource.fromDirectory(Path.of("rules"));
        EligibilityRules rules = new RuleSetCompiler(Clock.systemDefaultZone()).compile(shipped)
                .jurisdiction("ust-ishim").orElseThrow().decision(EligibilityRules.class).orElseThrow();
        HandWrittenUstIshim floor = new HandWrittenUstIshim(5, 3);
        UstIshimDmn dmn = new UstIshimDmn(5, 3);
        List<TeacherProfile> profiles = GeneratedProfiles.generate(2026, 1000);
        LocalDate asOf = LocalDate.of(2026, 11, 23);
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("eligibility, ust-ishim, %d profiles cycled, %d cores, %s%n", profiles.size(), cores,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));

        long firings = 0;
        int disagreements = 0;
        for (TeacherProfile profile : profiles) {
            EligibilityOutcome outcome = rules.evaluate(profile, asOf);
            firings += outcome.trace().size() - rules.declarations();
            if (dmn.evaluate(profile, asOf) != outcome.verdict()) {
                disagreements++;
            }
        }
        System.out.printf("rule firings per decision: %.1f (the table's %d requirements and grounds are declared once, not fired); "
                + "DMN verdict differs from the rules' on %d of %d profiles%n", firings / (double) profiles.size(),
                rules.declarations(), disagreements, profiles.size());

        for (int threads : new int[] {1, cores}) {
            double engine = Throughput.measure(p -> rules.evaluate(p, asOf), profiles, threads, 5, seconds);
            double handWritten = Throughput.measure(p -> floor.evaluate(p, asOf), profiles, threads, 5, seconds);
            double standard = Throughput.measure(p -> dmn.evaluate(p, asOf), profiles, threads, 5, seconds);
            System.out.printf("%d thread(s): rules with explanations %.0f decisions/s (%.1f µs each per thread); "
                            + "hand-written floor %.0f decisions/s (%.2f µs); rules/floor time ratio %.1f×; "
                            + "DMN (kie-dmn-core) %.0f decisions/s (%.1f µs); DMN/rules time ratio %.1f×%n", threads, engine,
                    1e6 * threads / engine, handWritten, 1e6 * threads / handWritten, handWritten / engine,
                    standard, 1e6 * threads / standard, engine / standard);
        }
        compileTimes(shipped);
    }

    /** Ust-Ishim's eligibility rules compiled alone, three times each way (a fresh compiler, no cache): the fastest. */
    private static void compileTimes(RuleBaseSource shipped) throws IOException {
        List<RuleFile> table = new ArrayList<>();
        List<RuleFile> legacy = new ArrayList<>();
        for (RuleFile file : shipped.files()) {
            boolean ustIshim = file.path().startsWith("ust-ishim/") && !file.name().startsWith("routes") && !file.name().startsWith("mentoring")
                    && !file.name().equals("catalogue.csv");
            if (ustIshim && !file.name().startsWith("eligibility")) {
                table.add(file);
                legacy.add(file);
            } else if (ustIshim || file.path().startsWith("common/eligibility")) {
                table.add(file);
            }
        }
        legacy.add(new RuleFile("ust-ishim/eligibility.drl", resource("legacy/ust-ishim/eligibility.drl")));
        legacy.add(new RuleFile("common/eligibility.drl", resource("legacy/common/eligibility.drl")));
        long bestTable = Long.MAX_VALUE;
        long bestLegacy = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            bestTable = Math.min(bestTable, compileMillis(new RuleBaseSource("table", table)));
            bestLegacy = Math.min(bestLegacy, compileMillis(new RuleBaseSource("legacy", legacy)));
        }
        System.out.printf("compile (ust-ishim eligibility, with the trial on sample profiles, fastest of 3): "
                + "shared rules + table %d ms; old rule file %d ms%n", bestTable, bestLegacy);
    }

    private static long compileMillis(RuleBaseSource source) {
        long started = System.nanoTime();
        new RuleSetCompiler(Clock.systemDefaultZone()).compile(source);
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = EligibilityBenchmark.class.getResourceAsStream("/" + path)) {
            return in.readAllBytes();
        }
    }
}
