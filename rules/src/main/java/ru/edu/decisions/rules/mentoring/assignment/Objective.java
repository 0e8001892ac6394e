package ru.edu.decisions.rules.mentoring.assignment;

import java.util.Comparator;

/** The contract's objective, compared in its order: the greater, the better. */
public record Objective(int lowResults, int difficultSocial, int youngSpecialists, int assigned, long totalScore)
        implements Comparable<Objective> {

    private static final Comparator<Objective> ORDER = Comparator.comparingInt(Objective::lowResults)
            .thenComparingInt(Objective::difficultSocial)
            .thenComparingInt(Objective::youngSpecialists)
            .thenComparingInt(Objective::assigned)
            .thenComparingLong(Objective::totalScore);

    @Override
    public int compareTo(Objective other) {
        return ORDER.compare(this, other);
    }

    /** The objective an assignment reaches ({@code mentorOfMentee[i]} = mentor index, or -1). */
    public static Objective of(AssignmentProblem problem, int[] mentorOfMentee) {
        int low = 0;
        int difficult = 0;
        int young = 0;
        int assigned = 0;
        long score = 0;
        java.util.Map<Long, Integer> scores = new java.util.HashMap<>();
        for (AssignmentProblem.Pair pair : problem.pairs()) {
            scores.put((long) pair.mentor() * problem.mentees().size() + pair.mentee(), pair.score());
        }
        for (int i = 0; i < mentorOfMentee.length; i++) {
            if (mentorOfMentee[i] < 0) {
                continue;
            }
            AssignmentProblem.Mentee mentee = problem.mentees().get(i);
            low += mentee.lowResults() ? 1 : 0;
            difficult += mentee.difficultSocial() ? 1 : 0;
            young += mentee.youngSpecialist() ? 1 : 0;
            assigned++;
            Integer pairScore = scores.get((long) mentorOfMentee[i] * problem.mentees().size() + i);
            if (pairScore == null) {
                throw new IllegalArgumentException("Наставляемый " + i + " закреплён за наставником " + mentorOfMentee[i]
                        + " без допустимой пары");
            }
            score += pairScore;
        }
        return new Objective(low, difficult, young, assigned, score);
    }
}
