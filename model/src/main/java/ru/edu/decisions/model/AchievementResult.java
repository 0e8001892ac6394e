package ru.edu.decisions.model;

/** Result in a professional competition. */
public enum AchievementResult implements Labelled {
    WINNER("победитель"),
    PRIZEWINNER("призёр"),
    PARTICIPANT("участник");

    private final String label;

    AchievementResult(String label) { this.label = label; }

    @Override public String label() { return label; }
}
