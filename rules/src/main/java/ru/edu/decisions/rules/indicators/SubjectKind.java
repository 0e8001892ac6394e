package ru.edu.decisions.rules.indicators;

/** What an indicator counts: teachers (by the id of their record) or schools (by name). */
public enum SubjectKind {
    TEACHER, SCHOOL
}
