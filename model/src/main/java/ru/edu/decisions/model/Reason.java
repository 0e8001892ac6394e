package ru.edu.decisions.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * One explained requirement, ground or circumstance of a decision: the clause, its status and a Russian message.
 * {@code kind} is an addition to the contract, given by eligibility decisions: whether the clause is a mandatory
 * requirement or an inclusion ground (absent elsewhere).
 */
public record Reason(String code, ReasonStatus status, String message,
                     @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Kind kind) {

    public Reason(String code, ReasonStatus status, String message) {
        this(code, status, message, null);
    }

    /** What an eligibility clause is to the decision. */
    public enum Kind { REQUIREMENT, GROUND }
}
