package ru.edu.decisions.rules.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import ru.edu.decisions.model.TeacherProfile;
import ru.edu.decisions.rules.eligibility.EligibilityRules;
import ru.edu.decisions.rules.engine.RuleBaseSource;
import ru.edu.decisions.rules.engine.RuleFile;
import ru.edu.decisions.rules.engine.RuleSetCompiler;

/**
 * Thread CPU time per Ust-Ishim eligibility decision, one thread, the variants interleaved round by round (so that a
 * busy machine slows them alike): the shared rules with the table, the old rule file ({@code src/test/resources/legacy/}),
 * the DMN model and the hand-written floor. Rounds of the given size (argument 1, default 5,000), the given number of
 * rounds (argument 2, default 20); the median of the second half of the rounds is printed. A benchmark, not a test.
 */
public final class EligibilityCpuTimeBenchmark {

    public static void main(String[] args) throws IOException {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        RuleBaseSource shipped = RuleBaseSource.fromDirectory(Path.of("rules")).only("ust-ishim");
        List<RuleFile> legacyFiles = new ArrayList<>(shipped.files().stream()
                .filter(f -> !f.name().startsWith("eligibility") && !f.path().startsWith("common/")).toList());
        legacyFiles.add(new RuleFile("ust-ishim/eligibility.drl", resource("legacy/ust-ishim/eligibility.drl")));
        legacyFiles.add(new RuleFile("common/eligibility.drl", resource("legacy/common/eligibility.drl")));
        legacyFiles.addAll(shipped.files().stream().filter(f -> f.path().equals("common/routes.drl")).toList());
        EligibilityRules table = new RuleSetCompiler(Clock.systemDefaultZone()).compile(shipped)
                .jurisdiction("ust-ishim").orElseThrow().decision(EligibilityRules.class).orElseThrow();
        EligibilityRules legacy = new RuleSetCompiler(Clock.systemDefaultZone()).compile(new RuleBaseSource("legacy", legacyFiles))
                .jurisdiction("ust-ishim").orElseThrow().decision(EligibilityRules.class).orElseThrow();
        HandWrittenUstIshim floor = new HandWrittenUstIshim(5, 3);
        UstIshimDmn dmn = new UstIshimDmn(5, 3);
        List<TeacherProfile> profiles = GeneratedProfiles.generate(2026, 1000);
        LocalDate asOf = LocalDate.of(2026, 11, 23);
        Map<String, Consumer<TeacherProfile>> variants = new LinkedHashMap<>();
        variants.put("shared rules + table (explained)", p -> table.evaluate(p, asOf));
        variants.put("old rule file (explained)", p -> legacy.evaluate(p, asOf));
        variants.put("DMN, kie-dmn-core (verdict and statuses)", p -> dmn.evaluate(p, asOf));
        variants.put("hand-written floor", p -> floor.evaluate(p, asOf));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, double[]> micros = new LinkedHashMap<>();
        variants.keySet().forEach(name -> micros.put(name, new double[rounds]));
        int at = 0;
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, Consumer<TeacherProfile>> variant : variants.entrySet()) {
                long started = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < size; i++) {
                    variant.getValue().accept(profiles.get(at++ % profiles.size()));
                }
                micros.get(variant.getKey())[round] = (threads.getCurrentThreadCpuTime() - started) / 1e3 / size;
            }
        }
        System.out.printf("eligibility, ust-ishim, thread CPU time per decision, %d rounds of %d, median of the last %d:%n",
                rounds, size, rounds - rounds / 2);
        micros.forEach((name, values) -> {
            double[] late = Arrays.copyOfRange(values, rounds / 2, rounds);
            Arrays.sort(late);
            double median = late[late.length / 2];
            System.out.printf("  %-42s %8.2f µs  (%,.0f decisions/s per core)%n", name, median, 1e6 / median);
        });
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = EligibilityCpuTimeBenchmark.class.getResourceAsStream("/" + path)) {
            return in.readAllBytes();
        }
    }
}
