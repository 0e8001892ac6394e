package ru.edu.decisions.rules.mentoring.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import ru.edu.decisions.rules.mentoring.assignment.AssignmentProblem.Mentee;
import ru.edu.decisions.rules.mentoring.assignment.AssignmentProblem.Pair;

/**
 * The optimiser keeps every hard constraint and reaches the optimum of the contract's objective: checked against an
 * exhaustive search on thousands of random small instances, and on hand-made instances for each level of the order.
 */
class OptimalAssignmentTest {

    static final Mentee PLAIN = new Mentee(false, false, false);
    static final Mentee LOW = new Mentee(true, false, false);
    static final Mentee DIFFICULT = new Mentee(false, true, false);
    static final Mentee YOUNG = new Mentee(false, false, true);

    @Test
    void matchesAnExhaustiveSearchOnRandomSmallInstancesAndKeepsEveryHardConstraint() {
        for (long seed = 1; seed <= 3000; seed++) {
            AssignmentProblem problem = random(new Random(seed));
            OptimalAssignment.Assignment found = OptimalAssignment.solve(problem);

            assertThat(violations(problem, found.mentorOfMentee())).as("seed %d: %s", seed, problem).isEmpty();
            assertThat(found.objective()).as("seed %d: %s", seed, describe(problem))
                    .isEqualTo(Objective.of(problem, found.mentorOfMentee()))
                    .isEqualTo(exhaustive(problem));
        }
    }

    @Test
    void firstComeFirstServedLeavesALowResultsMenteeWithoutAMentorAndTheOptimumDoesNot() {
        // Mentor 0 can take either mentee; mentor 1 only the first. First come, first served gives mentor 0 to the
        // first mentee and leaves the low-results mentee (second) with nobody.
        AssignmentProblem problem = new AssignmentProblem(List.of(PLAIN, LOW), new int[] {1, 1},
                List.of(new Pair(0, 0, 10), new Pair(1, 0, 0), new Pair(0, 1, 0)));

        int[] fcfs = firstComeFirstServed(problem);
        assertThat(fcfs[1]).isEqualTo(-1);
        int[] optimum = OptimalAssignment.solve(problem).mentorOfMentee();
        assertThat(optimum).containsExactly(1, 0);
        assertThat(Objective.of(problem, optimum).lowResults()).isEqualTo(1);
    }

    @Test
    void oneLowResultsMenteeOutweighsTwoFromDifficultSocialSchools() {
        AssignmentProblem problem = new AssignmentProblem(List.of(LOW, DIFFICULT, DIFFICULT), new int[] {1, 1},
                List.of(new Pair(0, 0, 0), new Pair(0, 1, 30), new Pair(1, 1, 0), new Pair(0, 2, 30)));

        Objective objective = OptimalAssignment.solve(problem).objective();
        assertThat(objective.lowResults()).isEqualTo(1);
        assertThat(objective.difficultSocial()).isEqualTo(1);
    }

    @Test
    void youngSpecialistsOutweighMoreMenteesAndMoreMenteesOutweighScore() {
        AssignmentProblem youngFirst = new AssignmentProblem(List.of(YOUNG, PLAIN, PLAIN), new int[] {1, 1},
                List.of(new Pair(0, 0, 0), new Pair(1, 0, 0), new Pair(0, 1, 50), new Pair(1, 2, 50)));
        Objective objective = OptimalAssignment.solve(youngFirst).objective();
        assertThat(objective.youngSpecialists()).isEqualTo(1);
        assertThat(objective.assigned()).isEqualTo(2);

        AssignmentProblem countFirst = new AssignmentProblem(List.of(PLAIN, PLAIN), new int[] {1, 1},
                List.of(new Pair(0, 0, 100), new Pair(0, 1, 1), new Pair(1, 0, 1)));
        assertThat(OptimalAssignment.solve(countFirst).objective()).isEqualTo(new Objective(0, 0, 0, 2, 2));
    }

    @Test
    void capacityZeroMentorGetsNobodyAndEmptyProblemsAreFine() {
        AssignmentProblem zero = new AssignmentProblem(List.of(LOW), new int[] {0}, List.of(new Pair(0, 0, 5)));
        assertThat(OptimalAssignment.solve(zero).mentorOfMentee()).containsExactly(-1);
        assertThat(OptimalAssignment.solve(new AssignmentProblem(List.of(), new int[0], List.of())).mentorOfMentee()).isEmpty();
        assertThat(OptimalAssignment.solve(new AssignmentProblem(List.of(PLAIN), new int[] {3}, List.of())).mentorOfMentee())
                .containsExactly(-1);
    }

    @Test
    void tenThousandMenteesAndAThousandMentorsInThirtyMunicipalitiesAreSolvedWithinTheConstraints() {
        AssignmentProblem problem = large(new Random(42), 10_000, 1_000, 30);
        long started = System.nanoTime();
        OptimalAssignment.Assignment found = OptimalAssignment.solve(problem);
        System.out.printf("10000 x 1000, %d pairs: solved in %d ms, %s%n", problem.pairs().size(),
                (System.nanoTime() - started) / 1_000_000, found.objective());
        assertThat(violations(problem, found.mentorOfMentee())).isEmpty();
        assertThat(found.objective().assigned()).isPositive();
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    static AssignmentProblem random(Random random) {
        int mentors = 1 + random.nextInt(4);
        int mentees = 1 + random.nextInt(7);
        int[] capacities = new int[mentors];
        for (int i = 0; i < mentors; i++) {
            capacities[i] = random.nextInt(4);
        }
        List<Mentee> list = new ArrayList<>();
        for (int i = 0; i < mentees; i++) {
            list.add(new Mentee(random.nextInt(3) == 0, random.nextInt(3) == 0, random.nextInt(3) == 0));
        }
        List<Pair> pairs = new ArrayList<>();
        for (int m = 0; m < mentors; m++) {
            for (int t = 0; t < mentees; t++) {
                if (random.nextInt(100) < 55) {
                    pairs.add(new Pair(m, t, random.nextInt(21)));
                }
            }
        }
        return new AssignmentProblem(list, capacities, pairs);
    }

    static AssignmentProblem large(Random random, int mentees, int mentors, int municipalities) {
        int[] capacities = new int[mentors];
        int[] mentorPlace = new int[mentors];
        for (int i = 0; i < mentors; i++) {
            capacities[i] = 1 + random.nextInt(5);
            mentorPlace[i] = random.nextInt(municipalities);
        }
        List<Mentee> list = new ArrayList<>();
        List<List<Integer>> mentorsIn = new ArrayList<>();
        for (int i = 0; i < municipalities; i++) {
            mentorsIn.add(new ArrayList<>());
        }
        for (int i = 0; i < mentors; i++) {
            mentorsIn.get(mentorPlace[i]).add(i);
        }
        List<Pair> pairs = new ArrayList<>();
        for (int t = 0; t < mentees; t++) {
            list.add(new Mentee(random.nextInt(10) == 0, random.nextInt(8) == 0, random.nextInt(5) == 0));
            for (int m : mentorsIn.get(random.nextInt(municipalities))) {
                if (random.nextInt(3) == 0) {
                    pairs.add(new Pair(m, t, random.nextInt(31)));
                }
            }
        }
        return new AssignmentProblem(list, capacities, pairs);
    }

    /** Every way to give each mentee one of its mentors or none, within the capacities: the best objective. */
    static Objective exhaustive(AssignmentProblem problem) {
        Map<Integer, List<Integer>> options = new HashMap<>();
        for (Pair pair : problem.pairs()) {
            options.computeIfAbsent(pair.mentee(), k -> new ArrayList<>()).add(pair.mentor());
        }
        int[] current = new int[problem.mentees().size()];
        Arrays.fill(current, -1);
        Objective[] best = {Objective.of(problem, current)};
        search(problem, options, 0, current, new int[problem.capacities().length], best);
        return best[0];
    }

    private static void search(AssignmentProblem problem, Map<Integer, List<Integer>> options, int mentee, int[] current,
                               int[] used, Objective[] best) {
        if (mentee == current.length) {
            Objective objective = Objective.of(problem, current);
            if (objective.compareTo(best[0]) > 0) {
                best[0] = objective;
            }
            return;
        }
        current[mentee] = -1;
        search(problem, options, mentee + 1, current, used, best);
        for (int mentor : options.getOrDefault(mentee, List.of())) {
            if (used[mentor] < problem.capacities()[mentor]) {
                used[mentor]++;
                current[mentee] = mentor;
                search(problem, options, mentee + 1, current, used, best);
                used[mentor]--;
                current[mentee] = -1;
            }
        }
    }

    static int[] firstComeFirstServed(AssignmentProblem problem) {
        int[] mentorOf = new int[problem.mentees().size()];
        Arrays.fill(mentorOf, -1);
        int[] used = new int[problem.capacities().length];
        for (int t = 0; t < mentorOf.length; t++) {
            for (Pair pair : problem.pairs()) {
                if (pair.mentee() == t && used[pair.mentor()] < problem.capacities()[pair.mentor()]) {
                    used[pair.mentor()]++;
                    mentorOf[t] = pair.mentor();
                    break;
                }
            }
        }
        return mentorOf;
    }

    /** Broken hard constraints: capacities exceeded, pairs that are not admissible. */
    static List<String> violations(AssignmentProblem problem, int[] mentorOf) {
        List<String> found = new ArrayList<>();
        int[] used = new int[problem.capacities().length];
        Map<Long, Boolean> admissible = new HashMap<>();
        problem.pairs().forEach(p -> admissible.put((long) p.mentor() * problem.mentees().size() + p.mentee(), true));
        for (int t = 0; t < mentorOf.length; t++) {
            if (mentorOf[t] >= 0) {
                used[mentorOf[t]]++;
                if (!admissible.containsKey((long) mentorOf[t] * problem.mentees().size() + t)) {
                    found.add("наставляемый " + t + " закреплён за " + mentorOf[t] + " без допустимой пары");
                }
            }
        }
        for (int m = 0; m < used.length; m++) {
            if (used[m] > problem.capacities()[m]) {
                found.add("наставник " + m + ": " + used[m] + " > " + problem.capacities()[m]);
            }
        }
        return found;
    }

    static String describe(AssignmentProblem problem) {
        return "mentees=" + problem.mentees() + " capacities=" + Arrays.toString(problem.capacities()) + " pairs=" + problem.pairs();
    }
}
