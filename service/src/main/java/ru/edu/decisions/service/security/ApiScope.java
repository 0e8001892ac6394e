package ru.edu.decisions.service.security;

import ru.edu.decisions.model.DecisionKind;
import ru.edu.decisions.model.Labelled;

/** What an API key may ask for: one of the stateless decisions. */
public enum ApiScope implements Labelled {
    ELIGIBILITY, ROUTES, MENTORING;

    /** The decision's Russian name, as the workspace shows it. */
    @Override
    public String label() {
        return switch (this) {
            case ELIGIBILITY -> "Включение в методический актив";
            case ROUTES -> "Образовательные маршруты (ИОМ)";
            case MENTORING -> "Закрепление наставников";
        };
    }

    public static ApiScope of(DecisionKind kind) {
        return valueOf(kind.name());
    }
}
