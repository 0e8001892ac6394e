package ru.edu.decisions.model;

/** Role in a membership. */
public enum MembershipRole implements Labelled {
    CHAIR("председатель"),
    HEAD("руководитель"),
    MEMBER("член"),
    PARTICIPANT("участник");

    private final String label;

    MembershipRole(String label) { this.label = label; }

    @Override public String label() { return label; }
}
