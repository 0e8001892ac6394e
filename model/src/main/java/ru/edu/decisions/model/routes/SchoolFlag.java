package ru.edu.decisions.model.routes;

import ru.edu.decisions.model.Labelled;

/** Circumstances of a school that the rules take into account. */
public enum SchoolFlag implements Labelled {
    LOW_RESULTS("школа с низкими образовательными результатами («500+»)"),
    DIFFICULT_SOCIAL("школа, функционирующая в сложных социальных условиях");

    private final String label;

    SchoolFlag(String label) { this.label = label; }

    @Override public String label() { return label; }
}
