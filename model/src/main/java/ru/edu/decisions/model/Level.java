package ru.edu.decisions.model;

/** Level of a membership or achievement, from the school up. */
public enum Level implements Labelled {
    SCHOOL("школьный"),
    MUNICIPAL("муниципальный"),
    REGIONAL("региональный"),
    FEDERAL("федеральный"),
    INTERNATIONAL("международный");

    private final String label;

    Level(String label) { this.label = label; }

    @Override public String label() { return label; }
}
