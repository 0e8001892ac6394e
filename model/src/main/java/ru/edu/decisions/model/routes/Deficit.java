package ru.edu.decisions.model.routes;

/** A professional deficit found by the diagnostics. */
public record Deficit(CompetenceArea area, int score, DeficitLevel level) {
}
