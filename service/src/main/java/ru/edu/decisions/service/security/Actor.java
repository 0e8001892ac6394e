package ru.edu.decisions.service.security;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who is making a request: a person (signed in with a session) or a system (an API key), with roles, the
 * jurisdictions they may act in ({@code *} = all) and, for keys, the decisions they may ask for.
 */
public record Actor(String name, Kind kind, Set<Role> roles, Set<String> jurisdictions, Set<ApiScope> scopes)
        implements Serializable {

    public static final String ALL_JURISDICTIONS = "*";

    public enum Kind { USER, API_KEY }

    public Actor {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        jurisdictions = Set.copyOf(new TreeSet<>(jurisdictions));
        scopes = scopes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scopes));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Every jurisdiction, present and future ({@code *}). */
    public boolean coversAll() {
        return jurisdictions.contains(ALL_JURISDICTIONS);
    }

    public boolean covers(String jurisdiction) {
        return jurisdictions.contains(ALL_JURISDICTIONS) || jurisdictions.contains(jurisdiction);
    }

    /** "ivanova" or "ключ API «e-journal»" — what logs and audit records name. */
    public String label() {
        return kind == Kind.USER ? name : "api-key:" + name;
    }
}
