package ru.edu.decisions.model;

/** Kind of commission, community, site or association a teacher belongs to. */
public enum MembershipKind implements Labelled {
    OLYMPIAD_COMMISSION("предметная комиссия ВсОШ"),
    GIA_COMMISSION("предметная комиссия ГИА"),
    PROFESSIONAL_COMMUNITY("профессиональное предметное сообщество"),
    INNOVATION_SITE("инновационная площадка"),
    PILOT_SITE("пилотная площадка проекта"),
    BASE_SCHOOL("базовая (опорная) школа"),
    SUBJECT_ASSOCIATION("районное предметное объединение"),
    UMO("учебно-методическое объединение"),
    PROJECT_500_PLUS("проект «Адресная методическая помощь «500+»»");

    private final String label;

    MembershipKind(String label) { this.label = label; }

    @Override public String label() { return label; }
}
