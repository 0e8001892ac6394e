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
import ru.edu.decisions.model.routes.ActivityType;
import ru.edu.decisions.rules.dsl.DecisionContext;
import ru.edu.decisions.rules.dsl.Person;
import ru.edu.decisions.rules.dsl.Parameters;
import ru.edu.decisions.rules.engine.RuleRunner;
import ru.edu.decisions.rules.mentoring.assignment.AssignmentProblem;
import ru.edu.decisions.rules.mentoring.assignment.OptimalAssignment;

/**
 * A jurisdiction's compiled mentoring rules. The rules tell which mentor–mentee pairs are admissible and what each
 * scores, how many mentees each mentor may take, which priority classes each mentee belongs to and which of the
 * objective's counted criteria (1–3) each class counts in ({@link MenteePriority}); the optimiser then finds an
 * assignment that is optimal for the contract's objective. After it, the rules are asked once more, over the facts of
 * the solution, why each teacher left without a mentor got none ({@link UnassignedReason}). Java gathers the facts and
 * copies what the rules said; it decides no policy. Mentors and mentees are split into territories that share no
 * municipality and no okrug (the rules only pair people of one municipality or one okrug), and each territory is
 * decided in a session of its own, side by side.
 */
public final class MentoringRules {

    private static final ForkJoinPool SESSIONS = new ForkJoinPool(Runtime.getRuntime().availableProcessors(), pool -> {
        ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        thread.setName("mentoring-rules-" + thread.getPoolIndex());
        thread.setContextClassLoader(MentoringRules.class.getClassLoader());
        thread.setDaemon(true);
        return thread;
    }, null, false);

    /** Of two limits told for one mentor the smaller counts; equal ones are told apart by their text. */
    private static final Comparator<MentorLimit> LIMIT_ORDER = Comparator.comparingInt(MentorLimit::capacity)
            .thenComparing(MentorLimit::message).thenComparing(MentorLimit::rule);
    private static final Comparator<ScoreTerm> TERM_ORDER = Comparator.comparing(ScoreTerm::code)
            .thenComparing(ScoreTerm::message).thenComparingInt(ScoreTerm::points).thenComparing(ScoreTerm::rule);
    private static final Comparator<UnassignedReason> UNASSIGNED_ORDER = Comparator.comparing(UnassignedReason::code)
            .thenComparing(UnassignedReason::message).thenComparing(UnassignedReason::rule);
    private static final Comparator<MenteeClass> CLASS_ORDER = Comparator.comparing(MenteeClass::code)
            .thenComparing(MenteeClass::message).thenComparing(MenteeClass::rule);

    private final RuleRunner runner;
    private final Parameters parameters;

    public MentoringRules(RuleRunner runner, Parameters parameters) {
        this.runner = runner;
        this.parameters = parameters;
    }

    /** What the rules told about one territory. */
    private record Told(List<ScoreTerm> terms, List<MenteeClass> classes, List<MenteePriority> priorities,
                        List<MentorLimit> limits, List<Refusal> refusals, List<FiredRule> trace) {
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
        Map<Integer, List<Refusal>> refusalsOf = new HashMap<>();
        Map<Integer, boolean[]> criteriaOf = new HashMap<>();
        List<Pair> admissible = new ArrayList<>();
        Set<FiredRule> trace = new LinkedHashSet<>();
        for (Told t : told) {
            for (MentorLimit limit : t.limits()) {
                int index = mentorIndex.get(limit.mentor());
                MentorLimit previous = limitOf.get(index);
                if (previous == null || LIMIT_ORDER.compare(limit, previous) < 0) {
                    limitOf.put(index, limit);
                    capacities[index] = limit.capacity();
                }
            }
            t.classes().forEach(c -> classesOf.computeIfAbsent(menteeIndex.get(c.mentee()), k -> new ArrayList<>()).add(c));
            t.terms().forEach(term -> termsOf.computeIfAbsent(term.pair(), k -> new ArrayList<>()).add(term));
            t.refusals().forEach(r -> refusalsOf.computeIfAbsent(menteeIndex.get(r.mentee()), k -> new ArrayList<>()).add(r));
            for (MenteePriority priority : t.priorities()) {
                criteriaOf.computeIfAbsent(menteeIndex.get(priority.mentee()), k -> new boolean[MenteePriority.COUNTED + 1])
                        [priority.criterion()] = true;
            }
            // A pair is admissible when a rule found a reason the mentor can help: a term the rule marked as a match.
            Set<Pair> unique = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            for (ScoreTerm term : t.terms()) {
                if (term.match() && unique.add(term.pair())) {
                    admissible.add(term.pair());
                }
            }
            trace.addAll(t.trace());
        }
        // The rules leave their facts in no particular order (it changes from run to run); everything below is put in
        // the request's order, so the same input always gives the same decision, ties included.
        termsOf.values().forEach(terms -> terms.sort(TERM_ORDER));
        classesOf.values().forEach(classes -> classes.sort(CLASS_ORDER));

        // The priorities the rules told, as the objective's counters: criterion 1 is its first (lowResults), 2 the second,
        // 3 the third — the contract's order, which is all Java knows of them.
        List<AssignmentProblem.Mentee> classes = new ArrayList<>(mentees.size());
        boolean[] none = new boolean[MenteePriority.COUNTED + 1];
        for (int i = 0; i < mentees.size(); i++) {
            boolean[] criteria = criteriaOf.getOrDefault(i, none);
            classes.add(new AssignmentProblem.Mentee(criteria[1], criteria[2], criteria[3]));
        }
        // One pair per mentor and mentee (two territory rules may both pair them: the better scoring one counts), in the
        // canonical order: by the mentor's position in the request, then the mentee's.
        Map<Long, Pair> pairOf = new HashMap<>();
        for (Pair pair : admissible) {
            long key = (long) mentorIndex.get(pair.getMentor()) * mentees.size() + menteeIndex.get(pair.getMentee());
            Pair previous = pairOf.get(key);
            if (previous == null || comparePairs(pair, previous, termsOf) < 0) {
                pairOf.put(key, pair);
            }
        }
        List<AssignmentProblem.Pair> pairs = new ArrayList<>(pairOf.size());
        Map<Integer, List<Integer>> admissibleMentors = new HashMap<>(); // mentee → mentors, in the request's order
        for (long key : pairOf.keySet().stream().mapToLong(Long::longValue).sorted().toArray()) {
            int mentor = (int) (key / mentees.size());
            int mentee = (int) (key % mentees.size());
            pairs.add(new AssignmentProblem.Pair(mentor, mentee, score(termsOf.getOrDefault(pairOf.get(key), List.of()))));
            admissibleMentors.computeIfAbsent(mentee, k -> new ArrayList<>()).add(mentor);
        }
        long solving = System.nanoTime();
        AssignmentProblem problem = new AssignmentProblem(classes, capacities, pairs);
        OptimalAssignment.Assignment solution = OptimalAssignment.solve(problem);
        long solverNanos = System.nanoTime() - solving;

        List<Assignment> assignments = new ArrayList<>();
        List<Unassigned> unassigned = new ArrayList<>();
        int[] mentorOf = solution.mentorOfMentee();
        long explaining = System.nanoTime();
        Map<Integer, UnassignedReason> whyUnplaced = whyUnplaced(context, territories, mentors, mentees, mentorOf, classes,
                capacities, admissibleMentors, refusalsOf, trace);
        long unassignedNanos = System.nanoTime() - explaining;
        for (int i = 0; i < mentees.size(); i++) {
            Mentee mentee = mentees.get(i);
            List<Reason> classReasons = classesOf.getOrDefault(i, List.of()).stream()
                    .map(c -> new Reason(c.code(), ReasonStatus.MET, c.message())).distinct().toList();
            if (mentorOf[i] >= 0) {
                Pair pair = pairOf.get((long) mentorOf[i] * mentees.size() + i);
                List<ScoreTerm> terms = termsOf.getOrDefault(pair, List.of());
                List<Reason> reasons = new ArrayList<>();
                reasons.add(new Reason(pair.getTerritory(), ReasonStatus.MET, pair.getMessage()));
                terms.forEach(t -> reasons.add(new Reason(t.code(), ReasonStatus.MET, t.message() + " (+" + t.points() + ")")));
                MentorLimit limit = limitOf.get(mentorOf[i]);
                if (limit != null) {
                    reasons.add(new Reason("CAPACITY", ReasonStatus.MET, limit.message()));
                }
                reasons.addAll(classReasons);
                assignments.add(new Assignment(mentee.id(), pair.getMentor().id(), score(terms), reasons));
            } else {
                List<Reason> reasons = new ArrayList<>();
                // Why: what the rules said after the optimum (rules/common/mentoring-unassigned.drl), copied as it is.
                UnassignedReason why = whyUnplaced.get(i);
                if (why != null) {
                    reasons.add(new Reason(why.code(), ReasonStatus.NOT_MET, why.message()));
                }
                reasons.addAll(classReasons);
                unassigned.add(new Unassigned(mentee.id(), reasons));
            }
        }
        var objective = solution.objective();
        return new MentoringOutcome(assignments, unassigned, new Objective(objective.lowResults(), objective.difficultSocial(),
                objective.youngSpecialists(), objective.assigned(), objective.totalScore()), List.copyOf(trace), ruleNanos,
                solverNanos, unassignedNanos, pairs.size());
    }

    /**
     * Of {@code candidates}, the ids of those the rules say need a mentor on {@code asOf}, in their order: a priority
     * class, or an activity of their active route ({@code activeRouteItems}: the activity types of each teacher's
     * active route, by id) the rules count as support — which types count is the rules' word.
     */
    public List<String> needingMentor(List<Mentee> candidates, Map<String, ? extends java.util.Collection<ActivityType>> activeRouteItems,
                                      LocalDate asOf) {
        List<Object> input = new ArrayList<>(candidates);
        activeRouteItems.forEach((id, types) -> types.forEach(type -> input.add(new RouteActivity(id, type))));
        input.add(new DecisionContext(asOf, parameters));
        candidates.forEach(mentee -> input.add(person(mentee, asOf)));
        Set<String> needing = new java.util.HashSet<>();
        runner.run(input).all(MentorNeeded.class).forEach(n -> needing.add(n.mentee().id()));
        return candidates.stream().map(Mentee::id).filter(needing::contains).toList();
    }

    private Told tell(List<Object> facts, DecisionContext context) {
        List<Object> input = new ArrayList<>(facts);
        input.add(context);
        for (Object fact : facts) {
            if (fact instanceof Mentee mentee) {
                input.add(person(mentee, context.asOf()));
            }
        }
        RuleRunner.Run run = runner.run(input);
        return new Told(run.all(ScoreTerm.class), run.all(MenteeClass.class), run.all(MenteePriority.class),
                run.all(MentorLimit.class), run.all(Refusal.class), run.trace());
    }

    /** The mentee as the shared fact layer sees them (e.g. whether a young specialist), on the decision's date. */
    private static Person person(Mentee mentee, LocalDate asOf) {
        return new Person(mentee, mentee.birthDate(), mentee.pedagogicalExperienceYears(), asOf);
    }

    /**
     * Why each teacher the optimum left without a mentor got none, as the rules say it: the facts of the solution (each
     * unplaced teacher with its tier, its suitable mentors with their capacities, the mentees each mentor took with
     * their tiers, the refusals the pair rules told) go through the same rule base once more, a session per territory
     * side by side (a teacher's suitable mentors and their mentees are all of its territory); of several reasons for
     * one teacher the first by code, text and rule counts. The rules that fired join the trace, in territory order.
     */
    private Map<Integer, UnassignedReason> whyUnplaced(DecisionContext context, List<List<Object>> territories,
                                                       List<Mentor> mentors, List<Mentee> mentees, int[] mentorOf,
                                                       List<AssignmentProblem.Mentee> classes, int[] capacities,
                                                       Map<Integer, List<Integer>> admissibleMentors,
                                                       Map<Integer, List<Refusal>> refusalsOf, Set<FiredRule> trace) {
        Map<Object, Integer> territoryOf = new IdentityHashMap<>();
        for (int k = 0; k < territories.size(); k++) {
            for (Object person : territories.get(k)) {
                territoryOf.put(person, k);
            }
        }
        List<List<Object>> facts = new ArrayList<>(territories.size());
        territories.forEach(t -> facts.add(new ArrayList<>()));
        boolean[] unplaced = new boolean[territories.size()];
        for (int i = 0; i < mentees.size(); i++) {
            int territory = territoryOf.get(mentees.get(i));
            List<Object> own = facts.get(territory);
            if (mentorOf[i] >= 0) {
                own.add(new Placed(mentorOf[i], i, classes.get(i).tier()));
                continue;
            }
            unplaced[territory] = true;
            own.add(new Unplaced(i, mentees.get(i), classes.get(i).tier()));
            for (int m : admissibleMentors.getOrDefault(i, List.of())) {
                own.add(new SuitableMentor(i, m, mentors.get(m).id(), capacities[m]));
            }
            own.addAll(refusalsOf.getOrDefault(i, List.of()));
        }
        List<List<Object>> sessions = new ArrayList<>();
        for (int k = 0; k < territories.size(); k++) {
            if (unplaced[k]) {
                facts.get(k).add(context);
                sessions.add(facts.get(k));
            }
        }
        List<RuleRunner.Run> runs = SESSIONS.submit(() -> sessions.parallelStream().map(runner::run).toList()).join();
        Map<Integer, UnassignedReason> why = new HashMap<>();
        for (RuleRunner.Run run : runs) {
            for (UnassignedReason reason : run.all(UnassignedReason.class)) {
                why.merge(reason.mentee(), reason, (a, b) -> UNASSIGNED_ORDER.compare(a, b) <= 0 ? a : b);
            }
            trace.addAll(run.trace());
        }
        return why;
    }

    /**
     * Of two pair facts for the same mentor and mentee, the one that goes first: the greater score, then by territory,
     * message, rule and terms — never by the order the rules left them in.
     */
    private static int comparePairs(Pair a, Pair b, Map<Pair, List<ScoreTerm>> termsOf) {
        List<ScoreTerm> aTerms = termsOf.getOrDefault(a, List.of());
        List<ScoreTerm> bTerms = termsOf.getOrDefault(b, List.of());
        int order = Integer.compare(score(bTerms), score(aTerms));
        if (order == 0) {
            order = Comparator.comparing(Pair::getTerritory).thenComparing(Pair::getMessage).thenComparing(Pair::getRule)
                    .compare(a, b);
        }
        return order != 0 ? order : describe(aTerms).compareTo(describe(bTerms));
    }

    private static String describe(List<ScoreTerm> terms) {
        return terms.stream().map(t -> t.code() + "|" + t.points() + "|" + t.message() + "|" + t.rule()).toList().toString();
    }

    private static int score(List<ScoreTerm> terms) {
        return terms.stream().mapToInt(ScoreTerm::points).sum();
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
