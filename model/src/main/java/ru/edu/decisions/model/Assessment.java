package ru.edu.decisions.model;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A professional assessment the teacher went through. */
public record Assessment(
        @Nullable AssessmentKind kind,
        @Nullable AssessmentResult result,
        @Nullable LocalDate date) {

    /** "Passed" in the contract's reading: {@code PASSED} or {@code HIGH}. */
    public boolean passed() {
        return result == AssessmentResult.PASSED || result == AssessmentResult.HIGH;
    }
}
