package ru.edu.decisions.rules.benchmark;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import ru.edu.decisions.model.TeacherProfile;
import ru.edu.decisions.rules.eligibility.EligibilityRules;
import ru.edu.decisions.rules.engine.RuleBaseSource;
import ru.edu.decisions.rules.engine.RuleSetCompiler;

/**
 * The eligibility benchmark: explained Ust-Ishim decisions per second in process through the shipped rules, one thread
 * and all cores, against the hand-written floor ({@link HandWrittenUstIshim}); 1,000 generated profiles cycled, a
 * 5-second warm-up and a measured run of the given seconds (argument, default 20) for each.
 */
public final class EligibilityBenchmark {

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        EligibilityRules rules = new RuleSetCompiler(Clock.systemDefaultZone()).compile(RuleBaseSource.fromDirectory(Path.of("rules")))
                .jurisdiction("ust-ishim").orElseThrow().decision(EligibilityRules.class).orElseThrow();
        HandWrittenUstIshim floor = new HandWrittenUstIshim(5, 3);
        List<TeacherProfile> profiles = GeneratedProfiles.generate(2026, 1000);
        LocalDate asOf = LocalDate.of(2026, 11, 23);
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("eligibility, ust-ishim, %d profiles cycled, %d cores, %s%n", profiles.size(), cores,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        for (int threads : new int[] {1, cores}) {
            double engine = Throughput.measure(p -> rules.evaluate(p, asOf), profiles, threads, 5, seconds);
            double handWritten = Throughput.measure(p -> floor.evaluate(p, asOf), profiles, threads, 5, seconds);
            System.out.printf("%d thread(s): rules with explanations %.0f decisions/s (%.1f µs each per thread); "
                            + "hand-written floor %.0f decisions/s (%.2f µs); rules/floor time ratio %.1f×%n", threads, engine,
                    1e6 * threads / engine, handWritten, 1e6 * threads / handWritten, handWritten / engine);
        }
    }
}
