package ru.edu.decisions.rules.benchmark;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import ru.edu.decisions.model.Position;
import ru.edu.decisions.model.routes.ActivityType;
import ru.edu.decisions.rules.engine.RuleBaseSource;
import ru.edu.decisions.rules.engine.RuleSetCompiler;
import ru.edu.decisions.rules.indicators.DiagnosticsTaken;
import ru.edu.decisions.rules.indicators.IndicatorFacts;
import ru.edu.decisions.rules.indicators.IndicatorOutcome;
import ru.edu.decisions.rules.indicators.IndicatorRules;
import ru.edu.decisions.rules.indicators.ManagementTeamProgramme;
import ru.edu.decisions.rules.indicators.MentoringPairRecord;
import ru.edu.decisions.rules.indicators.RoadMap;
import ru.edu.decisions.rules.indicators.RouteItemRecord;
import ru.edu.decisions.rules.indicators.RouteRecord;
import ru.edu.decisions.rules.indicators.SchoolRecord;
import ru.edu.decisions.rules.indicators.Staff;
import ru.edu.decisions.rules.indicators.Survey;

/**
 * The indicator rules in process, without the database: Kuznetsk's indicators for a school year over a generated
 * jurisdiction (the population of the service's {@code IndicatorsBenchmark}: 50,000 teachers in 500 schools, a route
 * for 60 % with 4 items, 10,000 confirmed pairs, 300 regional methodists). Arguments: teachers (default 50000), runs
 * (default 10). Prints min / median / max ms of {@code IndicatorRules.evaluate} after 3 warm-up runs.
 */
public final class IndicatorBenchmark {

    public static void main(String[] args) {
        int teachers = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        IndicatorRules rules = new RuleSetCompiler(Clock.systemDefaultZone()).compile(RuleBaseSource.fromDirectory(Path.of("rules")))
                .jurisdiction("kuznetsk").orElseThrow().decision(IndicatorRules.class).orElseThrow();
        IndicatorFacts facts = population(teachers);
        LocalDate from = LocalDate.of(2026, 9, 1);
        LocalDate to = LocalDate.of(2027, 5, 31);
        for (int i = 0; i < 3; i++) {
            rules.evaluate(facts, from, to);
        }
        long[] times = new long[runs];
        long[] cpu = new long[runs];
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        IndicatorOutcome outcome = null;
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            long cpuStarted = os.getProcessCpuTime();
            outcome = rules.evaluate(facts, from, to);
            times[i] = (System.nanoTime() - started) / 1_000_000;
            cpu[i] = (os.getProcessCpuTime() - cpuStarted) / 1_000_000;
        }
        Arrays.sort(times);
        Arrays.sort(cpu);
        System.out.printf("%d teachers, %d routes, %d items, %d pairs: evaluate wall min %d ms, median %d ms, max %d ms; "
                        + "process CPU min %d ms, median %d ms (%d cores)%n", teachers, facts.routes().size(), facts.items().size(),
                facts.pairs().size(), times[0], times[runs / 2], times[runs - 1], cpu[0], cpu[runs / 2],
                Runtime.getRuntime().availableProcessors());
        outcome.figures().forEach(f -> System.out.println("  " + f.indicator().code() + " " + f.numerator() + " / "
                + f.denominator() + " = " + f.value()));
    }

    static IndicatorFacts population(int count) {
        Random random = new Random(20261128);
        List<Staff> staff = new ArrayList<>();
        List<DiagnosticsTaken> diagnostics = new ArrayList<>();
        List<RouteRecord> routes = new ArrayList<>();
        List<RouteItemRecord> items = new ArrayList<>();
        List<MentoringPairRecord> pairs = new ArrayList<>();
        List<SchoolRecord> schools = new ArrayList<>();
        ActivityType[] types = {ActivityType.COURSE, ActivityType.SEMINAR, ActivityType.MENTORING, ActivityType.SELF_EDUCATION};
        for (int s = 0; s < 500; s++) {
            schools.add(new SchoolRecord("Школа № " + (s + 1), s % 10 == 0 ? LocalDate.of(2026, 10, 1) : null));
        }
        for (int i = 0; i < count; i++) {
            String id = "t" + i;
            String school = "Школа № " + (i % 500 + 1);
            Position position = i % 25 == 0 ? Position.HEAD : i % 25 == 1 ? Position.DEPUTY_HEAD : Position.TEACHER;
            LocalDate birth = LocalDate.of(1960 + random.nextInt(43), 1 + random.nextInt(12), 1 + random.nextInt(28));
            int years = Math.max(0, Math.min(40, 2026 - birth.getYear() - 22 - random.nextInt(3)));
            staff.add(new Staff(id, school, position, birth, years, i % 167 == 3 ? LocalDate.of(2025, 5, 1) : null));
            if (random.nextInt(100) < 60) {
                LocalDate diagnosed = LocalDate.of(2026, 9, 1).plusDays(random.nextInt(180));
                int kind = random.nextInt(100);
                String status = kind < 60 ? "ACTIVE" : kind < 85 ? "COMPLETED" : kind < 95 ? "EMPTY" : "SUPERSEDED";
                diagnostics.add(new DiagnosticsTaken(id, diagnosed));
                routes.add(new RouteRecord("r" + i, id, diagnosed, diagnosed, status,
                        status.equals("COMPLETED") ? diagnosed.plusDays(60) : null));
                if (!status.equals("EMPTY")) {
                    for (int k = 0; k < 4; k++) {
                        boolean done = status.equals("COMPLETED") || random.nextInt(100) < 30;
                        items.add(new RouteItemRecord("r" + i, id, types[k], k == 0, diagnosed.plusDays(7), diagnosed.plusDays(60),
                                done ? "DONE" : "PLANNED", done, done ? diagnosed.plusDays(30) : null));
                    }
                }
            }
        }
        for (int p = 0; p < Math.min(10_000, count / 4); p++) {
            pairs.add(new MentoringPairRecord("p" + p, "t" + p * 4, "Школа № " + (p * 4 % 500 + 1),
                    LocalDate.of(2026, 9, 20).plusDays(p % 60), null));
        }
        return new IndicatorFacts(staff, diagnostics, routes, items, pairs, schools,
                List.of(new RoadMap("1", LocalDate.of(2026, 8, 30))),
                List.of(new Survey(LocalDate.of(2027, 5, 20), new BigDecimal("81.5"), 4000)),
                List.of(new ManagementTeamProgramme("Школа № 1", "Программа", LocalDate.of(2026, 11, 1))));
    }
}
