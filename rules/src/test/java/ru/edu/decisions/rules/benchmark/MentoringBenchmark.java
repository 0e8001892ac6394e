package ru.edu.decisions.rules.benchmark;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import ru.edu.decisions.model.mentoring.Mentee;
import ru.edu.decisions.model.mentoring.Mentor;
import ru.edu.decisions.model.routes.CompetenceArea;
import ru.edu.decisions.model.routes.SchoolFlag;
import ru.edu.decisions.rules.engine.RuleBase;
import ru.edu.decisions.rules.engine.RuleBaseSource;
import ru.edu.decisions.rules.mentoring.MentoringOutcome;
import ru.edu.decisions.rules.mentoring.MentoringRules;

/**
 * The mentoring benchmark: 10,000 mentees × 1,000 mentors through the shipped pair rules and the optimiser, timed
 * separately, 5 runs after 2 warm-ups. Run from the repository root with the command in BENCHMARKS.md; arguments:
 * jurisdiction (default dagestan), mentees, mentors, municipalities, okrugs.
 */
public final class MentoringBenchmark {

    static final List<String> SUBJECTS = List.of("математика", "русский язык", "литература", "физика", "химия", "биология",
            "история", "обществознание", "информатика", "английский язык", "начальные классы", "география");

    public static void main(String[] args) {
        String jurisdiction = args.length > 0 ? args[0] : "dagestan";
        int mentees = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int mentors = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        int municipalities = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        int okrugs = args.length > 4 ? Integer.parseInt(args[4]) : 10;
        RuleBase base = new ru.edu.decisions.rules.engine.RuleSetCompiler(Clock.systemDefaultZone())
                .compile(RuleBaseSource.fromDirectory(Path.of("rules")));
        MentoringRules rules = base.jurisdiction(jurisdiction).orElseThrow().decision(MentoringRules.class).orElseThrow();
        Instance instance = instance(new Random(2026), mentees, mentors, municipalities, okrugs);
        System.out.printf("%s: %d mentees x %d mentors, %d municipalities in %d okrugs, %d cores%n", jurisdiction, mentees,
                mentors, municipalities, okrugs, Runtime.getRuntime().availableProcessors());
        long[] rulesMs = new long[5];
        long[] solverMs = new long[5];
        long[] unassignedMs = new long[5];
        long[] totalMs = new long[5];
        for (int run = -2; run < 5; run++) {
            long started = System.nanoTime();
            MentoringOutcome outcome = rules.evaluate(instance.mentors(), instance.mentees(), LocalDate.of(2026, 11, 23));
            long total = (System.nanoTime() - started) / 1_000_000;
            if (run >= 0) {
                rulesMs[run] = outcome.ruleNanos() / 1_000_000;
                solverMs[run] = outcome.solverNanos() / 1_000_000;
                unassignedMs[run] = outcome.unassignedNanos() / 1_000_000;
                totalMs[run] = total;
            }
            System.out.printf("run %d: total %d ms (pair rules %d ms, solver %d ms, unassigned-reason rules %d ms), %d admissible pairs, "
                    + "%d assigned, %s%n", run, total, outcome.ruleNanos() / 1_000_000, outcome.solverNanos() / 1_000_000,
                    outcome.unassignedNanos() / 1_000_000, outcome.admissiblePairs(),
                    outcome.assignments().size(), outcome.objective());
        }
        System.out.printf("median: total %d ms, pair rules %d ms, solver %d ms, unassigned-reason rules %d ms%n", median(totalMs),
                median(rulesMs), median(solverMs), median(unassignedMs));
    }

    record Instance(List<Mentor> mentors, List<Mentee> mentees) {
    }

    static Instance instance(Random random, int menteeCount, int mentorCount, int municipalities, int okrugs) {
        CompetenceArea[] areas = CompetenceArea.values();
        List<Mentor> mentors = new ArrayList<>();
        for (int i = 0; i < mentorCount; i++) {
            int place = random.nextInt(municipalities);
            List<CompetenceArea> strengths = new ArrayList<>();
            for (int s = 0; s < 1 + random.nextInt(3); s++) {
                CompetenceArea area = areas[random.nextInt(areas.length)];
                if (!strengths.contains(area)) {
                    strengths.add(area);
                }
            }
            mentors.add(new Mentor("m" + i, "Район " + place, "Округ " + place % okrugs, "Школа " + random.nextInt(500),
                    List.of(SUBJECTS.get(random.nextInt(SUBJECTS.size()))), strengths,
                    random.nextInt(4) == 0 ? null : 1 + random.nextInt(5), random.nextInt(10) != 0));
        }
        List<Mentee> mentees = new ArrayList<>();
        for (int i = 0; i < menteeCount; i++) {
            int place = random.nextInt(municipalities);
            List<CompetenceArea> deficits = new ArrayList<>();
            for (int d = 0; d < random.nextInt(4); d++) {
                CompetenceArea area = areas[random.nextInt(areas.length)];
                if (!deficits.contains(area)) {
                    deficits.add(area);
                }
            }
            boolean young = random.nextInt(5) == 0;
            List<SchoolFlag> flags = new ArrayList<>();
            if (random.nextInt(10) == 0) {
                flags.add(SchoolFlag.LOW_RESULTS);
            }
            if (random.nextInt(8) == 0) {
                flags.add(SchoolFlag.DIFFICULT_SOCIAL);
            }
            mentees.add(new Mentee("t" + i, "Район " + place, "Округ " + place % okrugs, "Школа " + random.nextInt(500),
                    List.of(SUBJECTS.get(random.nextInt(SUBJECTS.size()))), deficits,
                    young ? LocalDate.of(1998 + random.nextInt(4), 1 + random.nextInt(12), 1) : LocalDate.of(1965 + random.nextInt(25), 3, 3),
                    young ? random.nextInt(4) : 4 + random.nextInt(30), flags));
        }
        return new Instance(mentors, mentees);
    }

    static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
