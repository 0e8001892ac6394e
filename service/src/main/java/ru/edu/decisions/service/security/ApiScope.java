package ru.edu.decisions.service.security;

import ru.edu.decisions.model.DecisionKind;

/** What an API key may ask for: one of the stateless decisions. */
public enum ApiScope {
    ELIGIBILITY, ROUTES, MENTORING;

    public static ApiScope of(DecisionKind kind) {
        return valueOf(kind.name());
    }
}
