package ru.edu.decisions.rules.routes;

import java.util.Set;

/** The subjects the teacher teaches (normalised, lower case; empty when not given): an input fact of the route rules. */
public record TeacherSubjects(Set<String> subjects) {

    public boolean known() {
        return !subjects.isEmpty();
    }
}
