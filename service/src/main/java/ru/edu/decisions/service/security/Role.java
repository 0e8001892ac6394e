package ru.edu.decisions.service.security;

/** What a user or key may do. Each is also scoped to jurisdictions. */
public enum Role {
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

    public String authority() {
        return "ROLE_" + name();
    }
}
