package ru.edu.decisions.model;

/** Level of education (уровень образования). */
public enum EducationLevel implements Labelled {
    HIGHER("высшее"),
    SECONDARY_VOCATIONAL("среднее профессиональное"),
    OTHER("иное");

    private final String label;

    EducationLevel(String label) { this.label = label; }

    @Override public String label() { return label; }
}
