package ru.edu.decisions.rules.routes;

import ru.edu.decisions.model.routes.CompetenceArea;

/** The diagnosed score of one competence area, in percent of the maximum: an input fact of the route rules. */
public record Score(CompetenceArea area, int score) {
}
