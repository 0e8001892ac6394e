package ru.edu.decisions.model.routes;

import ru.edu.decisions.model.Labelled;

/** How an activity is attended. */
public enum ActivityFormat implements Labelled {
    IN_PERSON("очно"),
    DISTANCE("дистанционно"),
    BLENDED("смешанно");

    private final String label;

    ActivityFormat(String label) { this.label = label; }

    @Override public String label() { return label; }
}
