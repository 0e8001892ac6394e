package ru.edu.decisions.model;

/** Kind of the organisation of the main place of work. */
public enum OrganizationKind implements Labelled {
    SCHOOL("общеобразовательная организация"),
    KINDERGARTEN("дошкольная образовательная организация"),
    ADDITIONAL_EDUCATION("организация дополнительного образования"),
    IMC("ИМЦ / муниципальная методическая служба"),
    OTHER("иная организация");

    private final String label;

    OrganizationKind(String label) { this.label = label; }

    @Override public String label() { return label; }
}
