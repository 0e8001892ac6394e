package ru.edu.decisions.rules.dsl;

import ru.edu.decisions.model.ReasonStatus;

/** Three-valued truth of a derived fact: unknown is not false. */
public enum Tri {
    YES, NO, UNKNOWN;

    public ReasonStatus asReasonStatus() {
        return switch (this) {
            case YES -> ReasonStatus.MET;
            case NO -> ReasonStatus.NOT_MET;
            case UNKNOWN -> ReasonStatus.UNKNOWN;
        };
    }
}
