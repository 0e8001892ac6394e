package ru.edu.decisions.rules.indicators;

/**
 * A derived fact about one teacher or school, as a rule read the data: {@code name} is the reading in Russian
 * («педагогический работник», «прошёл диагностику в периоде»…), the name indicator definitions count by.
 */
public record Reading(String name, SubjectKind kind, String subject) {
}
