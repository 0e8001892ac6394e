package ru.edu.decisions.model;

/** Position held at the main place of work. */
public enum Position implements Labelled {
    TEACHER("педагогический работник"),
    HEAD("руководитель образовательной организации"),
    DEPUTY_HEAD("заместитель руководителя образовательной организации"),
    METHODIST("методист"),
    OTHER("иная должность");

    private final String label;

    Position(String label) { this.label = label; }

    @Override public String label() { return label; }
}
