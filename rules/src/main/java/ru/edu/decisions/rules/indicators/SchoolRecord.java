package ru.edu.decisions.rules.indicators;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A school (общеобразовательная организация) of the jurisdiction, and since when it is entered as included in the
 * target model of mentoring (none: not entered).
 */
public record SchoolRecord(String name, @Nullable LocalDate mentoringModelSince) {
}
