package ru.edu.decisions.service.security;

import ru.edu.decisions.model.Labelled;

/** What a user or key may do. Each is also scoped to jurisdictions. */
public enum Role implements Labelled {
    /** IMC methodists: candidates, registry, routes, mentoring — of their own jurisdictions only. */
    IMC_STAFF,
    /** Drafts of rule sets. */
    POLICY_EDITOR,
    /** Publishes and rolls back rule sets; never approves their own draft. */
    POLICY_APPROVER,
    /** Other systems: the stateless decision endpoints only. */
    INTEGRATION,
    /** Users, API keys, jurisdictions. */
    ADMIN;

    /** The role's Russian name, as the workspace shows it. */
    @Override
    public String label() {
        return switch (this) {
            case IMC_STAFF -> "Методист ИМЦ";
            case POLICY_EDITOR -> "Редактор правил";
            case POLICY_APPROVER -> "Утверждающий правила";
            case INTEGRATION -> "Информационная система";
            case ADMIN -> "Администратор";
        };
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
