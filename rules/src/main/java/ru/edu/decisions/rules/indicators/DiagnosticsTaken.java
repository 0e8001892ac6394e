package ru.edu.decisions.rules.indicators;

import java.time.LocalDate;

/** Diagnostics of a teacher's professional competences, with the date they were taken. */
public record DiagnosticsTaken(String teacherId, LocalDate date) {
}
