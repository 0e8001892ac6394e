package ru.edu.decisions.rules.mentoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import org.jspecify.annotations.Nullable;
import ru.edu.decisions.model.FiredRule;
import ru.edu.decisions.model.Reason;
import ru.edu.decisions.model.ReasonStatus;
import ru.edu.decisions.model.mentoring.Mentee;
import ru.edu.decisions.model.mentoring.Mentor;
import ru.edu.decisions.model.mentoring.MentoringDecision.Assignment;
import ru.edu.decisions.model.mentoring.MentoringDecision.Objective;
import ru.edu.decisions.model.mentoring.MentoringDecision.Unassigned;
import ru.edu.decisions.rules.dsl.DecisionContext;
import ru.edu.decisions.rules.dsl.Parameters;
import ru.edu.decisions.rules.engine.RuleRunner;
import ru.edu.decisions.rules.mentoring.assignment.AssignmentProblem;
import ru.edu.decisions.rules.mentoring.assignment.OptimalAssignment;

/**
 * A jurisdiction's compiled mentoring rules. The rules tell which mentor–mentee pairs are admissible and what each
 * scores, how many mentees each mentor may take, and which priority classes each mentee belongs to; the optimiser
 * then finds an assignment that is optimal for the contract's objective. Mentors and mentees are split into
 * territories that share no municipality and no okrug (the rules only pair people of one municipality or one okrug),
 * and each territory is decided in a session of its own, side by side.
 */
public final class MentoringRules {

    private static final ForkJoinPool SESSIONS = new ForkJoinPool(Runtime.getRuntime().availableProcessors(), pool -> {
        ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        thread.setName("mentoring-rules-" + thread.getPoolIndex());
        thread.setContextClassLoader(MentoringRules.class.getClassLoader());
        thread.setDaemon(true);
        return thread;
    }, null, false);

    private final RuleRunner runner;
    private final Parameters parameters;

    public MentoringRules(RuleRunner runner, Parameters parameters) {
        this.runner = runner;
        this.parameters = parameters;
    }

    /** What the rules told about one territory. */
    private record Told(List<Pair> pairs, List<ScoreTerm> terms, List<MenteeClass> classes,
                        List<MentorLimit> limits, List<FiredRule> trace) {
    }

    public MentoringOutcome evaluate(List<Mentor> mentors, List<Mentee> mentees, LocalDate asOf) {
        long started = System.nanoTime();
        List<List<Object>> territories = territories(mentors, mentees);
        DecisionContext context = new DecisionContext(asOf, parameters);
        List<Told> told = SESSIONS.submit(() -> territories.parallelStream().map(facts -> tell(facts, context)).toList()).join();
        long ruleNanos = System.nanoTime() - started;

        Map<Mentor, Integer> mentorIndex = new IdentityHashMap<>();
        for (int i = 0; i < mentors.size(); i++) {
            mentorIndex.put(mentors.get(i), i);
        }
        Map<Mentee, Integer> menteeIndex = new IdentityHashMap<>();
        for (int i = 0; i < mentees.size(); i++) {
            menteeIndex.put(mentees.get(i), i);
        }
        int[] capacities = new int[mentors.size()];
        Map<Integer, MentorLimit> limitOf = new HashMap<>();
        Map<Integer, List<MenteeClass>> classesOf = new HashMap<>();
        Map<Pair, List<ScoreTerm>> termsOf = new IdentityHashMap<>();
        Map<Integer, int[]> pairCounts = new HashMap<>(); // mentee → {territory pairs, admissible pairs}
        List<Pair> admissible = new ArrayList<>();
        Set<FiredRule> trace = new LinkedHashSet<>();
        for (Told t : told) {
            for (MentorLimit limit : t.limits()) {
                int index = mentorIndex.get(limit.mentor());
                MentorLimit previous = limitOf.get(index);
                if (previous == null || limit.capacity() < previous.capacity()) {
                    limitOf.put(index, limit);
                    capacities[index] = limit.capacity();
                }
            }
            t.classes().forEach(c -> classesOf.computeIfAbsent(menteeIndex.get(c.mentee()), k -> new ArrayList<>()).add(c));
            t.terms().forEach(term -> termsOf.computeIfAbsent(term.pair(), k -> new ArrayList<>()).add(term));
            t.pairs().forEach(p -> pairCounts.computeIfAbsent(menteeIndex.get(p.getMentee()), k -> new int[2])[0]++);
            // A pair is admissible when a rule found a reason the mentor can help: a term the rule marked as a match.
            Set<Pair> unique = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            for (ScoreTerm term : t.terms()) {
                if (term.match() && unique.add(term.pair())) {
                    admissible.add(term.pair());
                    pairCounts.computeIfAbsent(menteeIndex.get(term.pair().getMentee()), k -> new int[2])[1]++;
                }
            }
            trace.addAll(t.trace());
        }

        List<AssignmentProblem.Mentee> classes = new ArrayList<>(mentees.size());
        for (int i = 0; i < mentees.size(); i++) {
            List<MenteeClass> own = classesOf.getOrDefault(i, List.of());
            classes.add(new AssignmentProblem.Mentee(has(own, MenteeClass.LOW_RESULTS), has(own, MenteeClass.DIFFICULT_SOCIAL),
                    has(own, MenteeClass.YOUNG_SPECIALIST)));
        }
        List<AssignmentProblem.Pair> pairs = new ArrayList<>(admissible.size());
        Map<Long, Pair> pairOf = new HashMap<>();
        for (Pair pair : admissible) {
            int mentor = mentorIndex.get(pair.getMentor());
            int mentee = menteeIndex.get(pair.getMentee());
            long key = (long) mentor * mentees.size() + mentee;
            if (pairOf.putIfAbsent(key, pair) == null) {
                pairs.add(new AssignmentProblem.Pair(mentor, mentee, score(termsOf.getOrDefault(pair, List.of()))));
            }
        }
        long solving = System.nanoTime();
        AssignmentProblem problem = new AssignmentProblem(classes, capacities, pairs);
        OptimalAssignment.Assignment solution = OptimalAssignment.solve(problem);
        long solverNanos = System.nanoTime() - solving;

        List<Assignment> assignments = new ArrayList<>();
        List<Unassigned> unassigned = new ArrayList<>();
        int[] mentorOf = solution.mentorOfMentee();
        for (int i = 0; i < mentees.size(); i++) {
            Mentee mentee = mentees.get(i);
            List<Reason> classReasons = classesOf.getOrDefault(i, List.of()).stream()
                    .sorted(Comparator.comparing(MenteeClass::code))
                    .map(c -> new Reason(c.code(), ReasonStatus.MET, c.message())).toList();
            if (mentorOf[i] >= 0) {
                Pair pair = pairOf.get((long) mentorOf[i] * mentees.size() + i);
                List<ScoreTerm> terms = termsOf.getOrDefault(pair, List.of());
                List<Reason> reasons = new ArrayList<>();
                reasons.add(new Reason(pair.getTerritory(), ReasonStatus.MET, pair.getMessage()));
                terms.stream().sorted(Comparator.comparing(ScoreTerm::code))
                        .forEach(t -> reasons.add(new Reason(t.code(), ReasonStatus.MET, t.message() + " (+" + t.points() + ")")));
                MentorLimit limit = limitOf.get(mentorOf[i]);
                if (limit != null) {
                    reasons.add(new Reason("CAPACITY", ReasonStatus.MET, limit.message()));
                }
                reasons.addAll(classReasons);
                assignments.add(new Assignment(mentee.id(), pair.getMentor().id(), score(terms), reasons));
            } else {
                int[] counts = pairCounts.getOrDefault(i, new int[2]);
                List<Reason> reasons = new ArrayList<>();
                if (counts[0] == 0) {
                    reasons.add(new Reason("TERRITORY", ReasonStatus.NOT_MET, "Нет наставника с согласием на той же территории"
                            + place(mentee) + ", которому правила территории разрешают наставлять этого педагога"));
                } else if (counts[1] == 0) {
                    reasons.add(new Reason("MATCH", ReasonStatus.NOT_MET, "Наставники той же территории (" + counts[0]
                            + ") не преподают тот же предмет, и их сильные стороны не закрывают дефициты педагога"));
                } else {
                    reasons.add(new Reason("CAPACITY", ReasonStatus.NOT_MET, "Все подходящие наставники (" + counts[1]
                            + ") заняты: при лучшем распределении их места отданы наставляемым с более высоким приоритетом "
                            + "(низкие результаты школы, сложные социальные условия, молодые специалисты) или большим баллом пары"));
                }
                reasons.addAll(classReasons);
                unassigned.add(new Unassigned(mentee.id(), reasons));
            }
        }
        var objective = solution.objective();
        return new MentoringOutcome(assignments, unassigned, new Objective(objective.lowResults(), objective.difficultSocial(),
                objective.youngSpecialists(), objective.assigned(), objective.totalScore()), List.copyOf(trace), ruleNanos,
                solverNanos, pairs.size());
    }

    private Told tell(List<Object> facts, DecisionContext context) {
        List<Object> input = new ArrayList<>(facts);
        input.add(context);
        RuleRunner.Run run = runner.run(input);
        return new Told(run.all(Pair.class), run.all(ScoreTerm.class), run.all(MenteeClass.class),
                run.all(MentorLimit.class), run.trace());
    }

    private static boolean has(List<MenteeClass> classes, String code) {
        return classes.stream().anyMatch(c -> c.code().equals(code));
    }

    private static int score(List<ScoreTerm> terms) {
        return terms.stream().mapToInt(ScoreTerm::points).sum();
    }

    private static String place(Mentee mentee) {
        List<String> parts = new ArrayList<>();
        if (mentee.municipality() != null) {
            parts.add(mentee.municipality());
        }
        if (mentee.okrug() != null) {
            parts.add("округ «" + mentee.okrug() + "»");
        }
        return parts.isEmpty() ? " (территория педагога не указана)" : " (" + String.join(", ", parts) + ")";
    }

    /**
     * Mentors and mentees split into groups that share no municipality and no okrug (union–find over both), each
     * group a list of facts for one session. People with neither go alone: nobody can be paired with them.
     */
    static List<List<Object>> territories(List<Mentor> mentors, List<Mentee> mentees) {
        Map<String, String> parent = new HashMap<>();
        List<Object> people = new ArrayList<>(mentors.size() + mentees.size());
        people.addAll(mentors);
        people.addAll(mentees);
        List<String> keys = new ArrayList<>(people.size());
        for (int i = 0; i < people.size(); i++) {
            Object person = people.get(i);
            String municipality = person instanceof Mentor m ? m.municipality() : ((Mentee) person).municipality();
            String okrug = person instanceof Mentor m ? m.okrug() : ((Mentee) person).okrug();
            String own = "#" + i;
            String key = municipality != null ? "m:" + municipality : okrug != null ? "o:" + okrug : own;
            parent.putIfAbsent(key, key);
            if (municipality != null && okrug != null) {
                parent.putIfAbsent("o:" + okrug, "o:" + okrug);
                union(parent, key, "o:" + okrug);
            }
            keys.add(key);
        }
        Map<String, List<Object>> groups = new LinkedHashMap<>();
        for (int i = 0; i < people.size(); i++) {
            groups.computeIfAbsent(find(parent, keys.get(i)), k -> new ArrayList<>()).add(people.get(i));
        }
        return new ArrayList<>(groups.values());
    }

    private static String find(Map<String, String> parent, String key) {
        String root = key;
        while (!parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        String node = key;
        while (!node.equals(root)) {
            String next = parent.get(node);
            parent.put(node, root);
            node = next;
        }
        return root;
    }

    private static void union(Map<String, String> parent, String a, String b) {
        String ra = find(parent, a);
        String rb = find(parent, b);
        if (!ra.equals(rb)) {
            parent.put(ra, rb);
        }
    }

}
