package ru.edu.decisions.model.routes;

/** How severe a professional deficit is. */
public enum DeficitLevel {
    SEVERE, PARTIAL
}
