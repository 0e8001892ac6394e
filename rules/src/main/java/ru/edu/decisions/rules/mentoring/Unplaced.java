package ru.edu.decisions.rules.mentoring;

import ru.edu.decisions.model.mentoring.Mentee;

/**
 * A teacher the best assignment left without a mentor: {@code mentee} is its position in the request, {@code tier}
 * its place in the objective's order (0–7: the priority criteria it counts in, read as a 3-bit number — the greater,
 * the sooner the optimiser serves it). A fact for the rules that say why (rules/common/mentoring-unassigned.drl).
 */
public record Unplaced(int mentee, Mentee teacher, int tier) {
}
