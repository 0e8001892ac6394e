package ru.edu.decisions.rules.mentoring.assignment;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An assignment problem as the mentoring rules left it: the mentees with their priority classes, each mentor's
 * capacity, and the admissible pairs with their scores. Indices are positions in the lists.
 */
public record AssignmentProblem(List<Mentee> mentees, int[] capacities, List<Pair> pairs) {

    /**
     * The objective's counted criteria a mentee counts in (a mentee may count in several): the first
     * ({@code lowResults}), the second ({@code difficultSocial}), the third ({@code youngSpecialist}) — named after the
     * contract's objective fields; who counts where, the rules tell ({@code MenteePriority}).
     */
    public record Mentee(boolean lowResults, boolean difficultSocial, boolean youngSpecialist) {

        /**
         * 0–7: the lexicographic order of the criteria, 7 = all three, 0 = none — the contract's objective order
         * (first, then second, then third counter), defined here once for the optimiser and the unassigned-reason rules
         * alike.
         */
        public int tier() {
            return (lowResults ? 4 : 0) + (difficultSocial ? 2 : 0) + (youngSpecialist ? 1 : 0);
        }
    }

    /** An admissible pair and its score (≥ 0). */
    public record Pair(int mentor, int mentee, int score) {
    }

    public AssignmentProblem {
        mentees = List.copyOf(mentees);
        capacities = capacities.clone();
        pairs = List.copyOf(pairs);
        for (int capacity : capacities) {
            if (capacity < 0) {
                throw new IllegalArgumentException("Отрицательная ёмкость наставника: " + capacity);
            }
        }
        Set<Long> seen = new HashSet<>();
        for (Pair pair : pairs) {
            if (pair.mentor() < 0 || pair.mentor() >= capacities.length || pair.mentee() < 0 || pair.mentee() >= mentees.size()) {
                throw new IllegalArgumentException("Пара вне задачи: " + pair);
            }
            if (pair.score() < 0) {
                throw new IllegalArgumentException("Отрицательный балл пары: " + pair);
            }
            if (!seen.add((long) pair.mentor() * mentees.size() + pair.mentee())) {
                throw new IllegalArgumentException("Пара повторяется: " + pair);
            }
        }
    }
}
