package ru.edu.decisions.model;

/** Kind of additional professional education. */
public enum TrainingKind implements Labelled {
    QUALIFICATION_UPGRADE("повышение квалификации"),
    RETRAINING("профессиональная переподготовка");

    private final String label;

    TrainingKind(String label) { this.label = label; }

    @Override public String label() { return label; }
}
