package ru.edu.decisions.model;

/** Qualification category (квалификационная категория). */
public enum QualificationCategory implements Labelled {
    NONE("без категории"),
    FIRST("первая"),
    HIGHEST("высшая");

    private final String label;

    QualificationCategory(String label) { this.label = label; }

    @Override public String label() { return label; }
}
