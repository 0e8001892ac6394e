package ru.edu.decisions.model.eligibility;

/** Verdict on inclusion into the methodological asset. */
public enum Verdict {
    ELIGIBLE, NOT_ELIGIBLE, INSUFFICIENT_DATA
}
