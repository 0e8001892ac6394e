package ru.edu.decisions.model;

/** Three-valued outcome of a requirement or ground: unknown is not false. */
public enum ReasonStatus {
    MET, NOT_MET, UNKNOWN
}
