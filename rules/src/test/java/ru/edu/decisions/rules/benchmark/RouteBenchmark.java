package ru.edu.decisions.rules.benchmark;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import ru.edu.decisions.model.Employment;
import ru.edu.decisions.model.OrganizationKind;
import ru.edu.decisions.model.Position;
import ru.edu.decisions.model.QualificationCategory;
import ru.edu.decisions.model.TeacherProfile;
import ru.edu.decisions.model.routes.CompetenceArea;
import ru.edu.decisions.model.routes.Diagnostics;
import ru.edu.decisions.model.routes.Preferences;
import ru.edu.decisions.model.routes.School;
import ru.edu.decisions.model.routes.SchoolFlag;
import ru.edu.decisions.rules.engine.RuleBaseSource;
import ru.edu.decisions.rules.engine.RuleSetCompiler;
import ru.edu.decisions.rules.routes.RouteRules;

/**
 * The route benchmark: explained route decisions per second in process with the shipped rules and catalogue, one
 * thread and all cores, over 1,000 generated diagnostics cycled. Arguments: jurisdiction (default ust-ishim), seconds
 * per measurement (default 10).
 */
public final class RouteBenchmark {

    static final List<String> SUBJECTS = List.of("математика", "русский язык", "физика", "химия", "биология", "история",
            "информатика", "начальные классы", "английский язык", "география");

    record Input(TeacherProfile teacher, School school, Diagnostics diagnostics, Preferences preferences) {
    }

    public static void main(String[] args) throws Exception {
        String jurisdiction = args.length > 0 ? args[0] : "ust-ishim";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        RouteRules rules = new RuleSetCompiler(Clock.systemDefaultZone()).compile(RuleBaseSource.fromDirectory(Path.of("rules")))
                .jurisdiction(jurisdiction).orElseThrow().decision(RouteRules.class).orElseThrow();
        List<Input> inputs = inputs(new Random(2026), 1000);
        LocalDate asOf = LocalDate.of(2026, 11, 23);
        long items = 0;
        long firings = 0;
        for (Input input : inputs) {
            var outcome = rules.evaluate(input.teacher(), input.school(), input.diagnostics(), input.preferences(), asOf);
            items += outcome.route().items().size();
            firings += outcome.trace().size();
        }
        System.out.printf("%s: %d inputs, %.1f route items on average, %.1f rule firings per decision, catalogue of %d activities%n",
                jurisdiction, inputs.size(), items / (double) inputs.size(), firings / (double) inputs.size(), rules.catalogue().size());
        // CPU time of one thread per decision: what a core spends on a decision, whatever else the machine runs.
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        double cpuMicros = 0;
        for (int round = 0; round < 2; round++) { // the first round warms up
            long decided = 0;
            long cpuStart = cpu.getCurrentThreadCpuTime();
            long until = System.nanoTime() + seconds * 1_000_000_000L;
            while (System.nanoTime() < until) {
                for (Input input : inputs) {
                    rules.evaluate(input.teacher(), input.school(), input.diagnostics(), input.preferences(), asOf);
                }
                decided += inputs.size();
            }
            cpuMicros = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1e3 / decided;
        }
        System.out.printf("1 thread, CPU time: %.1f µs per decision = %.0f route decisions per CPU-second%n", cpuMicros,
                1e6 / cpuMicros);
        for (int threads : new int[] {1, Runtime.getRuntime().availableProcessors()}) {
            double perSecond = Throughput.measure(
                    input -> rules.evaluate(input.teacher(), input.school(), input.diagnostics(), input.preferences(), asOf),
                    inputs, threads, 3, seconds);
            System.out.printf("%d thread(s): %.0f route decisions/s (%.1f µs per decision per thread)%n", threads, perSecond,
                    1e6 * threads / perSecond);
        }
    }

    static List<Input> inputs(Random random, int count) {
        List<Input> inputs = new ArrayList<>();
        CompetenceArea[] areas = CompetenceArea.values();
        for (int i = 0; i < count; i++) {
            boolean young = random.nextInt(5) == 0;
            int experience = young ? random.nextInt(4) : 4 + random.nextInt(30);
            TeacherProfile teacher = new TeacherProfile(null, null, young ? LocalDate.of(1998, 5, 5) : LocalDate.of(1975, 5, 5),
                    null, null, new Employment("МБОУ «Школа № " + i + "»", OrganizationKind.SCHOOL, Position.TEACHER, "учитель",
                    true, QualificationCategory.FIRST, experience, experience, List.of(SUBJECTS.get(random.nextInt(SUBJECTS.size())))),
                    null, null, null, null, null, null, null);
            Map<CompetenceArea, Integer> scores = new EnumMap<>(CompetenceArea.class);
            for (int a = 0; a < 6; a++) {
                scores.put(areas[random.nextInt(areas.length)], 30 + random.nextInt(71));
            }
            List<SchoolFlag> flags = random.nextInt(8) == 0 ? List.of(SchoolFlag.LOW_RESULTS) : List.of();
            inputs.add(new Input(teacher, new School("Школа", flags), new Diagnostics(null, scores), new Preferences(random.nextInt(5) == 0)));
        }
        return inputs;
    }
}
