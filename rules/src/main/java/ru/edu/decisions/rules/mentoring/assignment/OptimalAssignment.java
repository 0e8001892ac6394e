package ru.edu.decisions.rules.mentoring.assignment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jgrapht.Graph;
import org.jgrapht.alg.flow.PushRelabelMFImpl;
import org.jgrapht.alg.flow.mincost.CapacityScalingMinimumCostFlow;
import org.jgrapht.alg.flow.mincost.MinimumCostFlowProblem;
import org.jgrapht.alg.interfaces.MinimumCostFlowAlgorithm;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;

/**
 * An exact optimum of the contract's lexicographic objective: (1) mentees of LOW_RESULTS schools assigned,
 * (2) of DIFFICULT_SOCIAL schools, (3) young specialists, (4) mentees in all, (5) the total score of the pairs.
 *
 * <p><b>Why it is exact.</b> Which sets of mentees can be assigned together under the mentors' capacities are the
 * independent sets of a matroid (a transversal matroid: copy each mentor as many times as their capacity). Criteria
 * (1)–(4) depend only on the set of assigned mentees: they are its weight for weights that order the mentees by their
 * class tier — (low results, difficult social, young) read as a 3-bit number, higher first — with each tier dominating
 * all lower ones. For a matroid, a basis has maximum weight if and only if, for every tier k, it holds as many mentees
 * of tiers ≥ k as can be assigned together at all: the rank r_k of that prefix (the greedy algorithm's property).
 * So the sets optimal for (1)–(4) are exactly the assignments that put exactly r_k mentees of tiers ≥ k in place, for
 * every k. Criterion (5) is then a minimum-cost flow with those counts as lower and upper bounds on a chain of tier
 * nodes: source → mentor (capacity) → mentee (one, cost = maxScore − score) → its tier node → next tier node (exactly
 * r_k) → … — every feasible flow is an assignment optimal for (1)–(4), and the cheapest is the one with the greatest
 * total score. The ranks are maximum flows. Both are computed with JGraphT (push–relabel maximum flow; capacity
 * scaling minimum-cost flow), all costs small integers, so the double arithmetic of the library is exact.
 *
 * <p>Mentees and mentors that share no admissible pair are independent: the problem is solved per connected component
 * of the pair graph, and the sum of the components' optima is the optimum (the objective is a sum over components and
 * each level's maximum is reached only when every component reaches its own).
 */
public final class OptimalAssignment {

    private OptimalAssignment() {
    }

    /** The assignment ({@code mentorOfMentee[i]}: mentor index or -1) and the objective it reaches. */
    public record Assignment(int[] mentorOfMentee, Objective objective) {
    }

    public static Assignment solve(AssignmentProblem problem) {
        int[] mentorOf = new int[problem.mentees().size()];
        Arrays.fill(mentorOf, -1);
        for (List<AssignmentProblem.Pair> component : components(problem)) {
            solveComponent(problem, component, mentorOf);
        }
        return new Assignment(mentorOf, Objective.of(problem, mentorOf));
    }

    /** The admissible pairs grouped by connected component (mentors with capacity 0 take no part). */
    static List<List<AssignmentProblem.Pair>> components(AssignmentProblem problem) {
        int mentors = problem.capacities().length;
        int[] parent = new int[mentors + problem.mentees().size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        List<AssignmentProblem.Pair> usable = problem.pairs().stream().filter(p -> problem.capacities()[p.mentor()] > 0).toList();
        for (AssignmentProblem.Pair pair : usable) {
            int a = find(parent, pair.mentor());
            int b = find(parent, mentors + pair.mentee());
            if (a != b) {
                parent[a] = b;
            }
        }
        Map<Integer, List<AssignmentProblem.Pair>> groups = new HashMap<>();
        for (AssignmentProblem.Pair pair : usable) {
            groups.computeIfAbsent(find(parent, pair.mentor()), k -> new ArrayList<>()).add(pair);
        }
        return new ArrayList<>(groups.values());
    }

    private static int find(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    private static void solveComponent(AssignmentProblem problem, List<AssignmentProblem.Pair> pairs, int[] mentorOf) {
        // Vertices: 0 source, 1.. mentors, then mentees, then one node per tier present (highest first); the last tier
        // node is the sink of the minimum-cost flow.
        Map<Integer, Integer> mentorVertex = new HashMap<>();
        Map<Integer, Integer> menteeVertex = new HashMap<>();
        TreeSet<Integer> tiersPresent = new TreeSet<>((a, b) -> Integer.compare(b, a));
        int next = 1;
        for (AssignmentProblem.Pair pair : pairs) {
            if (!mentorVertex.containsKey(pair.mentor())) {
                mentorVertex.put(pair.mentor(), next++);
            }
            if (!menteeVertex.containsKey(pair.mentee())) {
                menteeVertex.put(pair.mentee(), next++);
                tiersPresent.add(problem.mentees().get(pair.mentee()).tier());
            }
        }
        List<Integer> tiers = new ArrayList<>(tiersPresent);
        Map<Integer, Integer> tierVertex = new HashMap<>();
        for (int tier : tiers) {
            tierVertex.put(tier, next++);
        }
        int sink = next;
        int maxScore = pairs.stream().mapToInt(AssignmentProblem.Pair::score).max().orElse(0);

        Graph<Integer, DefaultWeightedEdge> graph = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        for (int v = 0; v <= sink; v++) {
            graph.addVertex(v);
        }
        Map<DefaultWeightedEdge, Integer> upper = new HashMap<>();
        Map<DefaultWeightedEdge, Double> cost = new HashMap<>();
        Map<DefaultWeightedEdge, AssignmentProblem.Pair> pairOf = new HashMap<>();
        mentorVertex.forEach((mentor, vertex) -> upper.put(graph.addEdge(0, vertex), problem.capacities()[mentor]));
        for (AssignmentProblem.Pair pair : pairs) {
            DefaultWeightedEdge edge = graph.addEdge(mentorVertex.get(pair.mentor()), menteeVertex.get(pair.mentee()));
            upper.put(edge, 1);
            cost.put(edge, (double) (maxScore - pair.score()));
            pairOf.put(edge, pair);
        }
        menteeVertex.forEach((mentee, vertex) ->
                upper.put(graph.addEdge(vertex, tierVertex.get(problem.mentees().get(mentee).tier())), 1));

        // The ranks: how many mentees of the first k tiers can be assigned together (maximum flows to a sink).
        List<DefaultWeightedEdge> toSink = new ArrayList<>();
        for (int tier : tiers) {
            toSink.add(graph.addEdge(tierVertex.get(tier), sink));
        }
        upper.forEach((edge, capacity) -> graph.setEdgeWeight(edge, capacity));
        int[] rank = new int[tiers.size()];
        for (int k = 0; k < tiers.size(); k++) {
            for (int j = 0; j < tiers.size(); j++) {
                graph.setEdgeWeight(toSink.get(j), j <= k ? menteeVertex.size() : 0);
            }
            rank[k] = (int) Math.round(new PushRelabelMFImpl<>(graph).getMaximumFlowValue(0, sink));
        }
        toSink.forEach(graph::removeEdge);
        graph.removeVertex(sink);

        // The chain of tier nodes: exactly rank[k] units leave the k-th tier node towards the next.
        Map<DefaultWeightedEdge, Integer> lower = new HashMap<>();
        for (int k = 0; k + 1 < tiers.size(); k++) {
            DefaultWeightedEdge edge = graph.addEdge(tierVertex.get(tiers.get(k)), tierVertex.get(tiers.get(k + 1)));
            upper.put(edge, rank[k]);
            lower.put(edge, rank[k]);
        }
        int total = rank[tiers.size() - 1];
        if (total == 0) {
            return;
        }
        int last = tierVertex.get(tiers.get(tiers.size() - 1));
        // The library reads arc costs from the edge weights (which held capacities for the maximum flows above).
        for (DefaultWeightedEdge edge : graph.edgeSet()) {
            graph.setEdgeWeight(edge, cost.getOrDefault(edge, 0.0));
        }
        MinimumCostFlowProblem<Integer, DefaultWeightedEdge> flowProblem = new MinimumCostFlowProblem.MinimumCostFlowProblemImpl<>(
                graph, v -> v == 0 ? total : v == last ? -total : 0, e -> upper.getOrDefault(e, 0),
                e -> lower.getOrDefault(e, 0), e -> cost.getOrDefault(e, 0.0));
        MinimumCostFlowAlgorithm.MinimumCostFlow<DefaultWeightedEdge> flow =
                new CapacityScalingMinimumCostFlow<Integer, DefaultWeightedEdge>().getMinimumCostFlow(flowProblem);
        flow.getFlowMap().forEach((edge, value) -> {
            AssignmentProblem.Pair pair = pairOf.get(edge);
            if (pair != null && value > 0.5) {
                mentorOf[pair.mentee()] = pair.mentor();
            }
        });
    }
}
