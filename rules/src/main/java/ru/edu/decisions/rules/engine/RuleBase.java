package ru.edu.decisions.rules.engine;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** An immutable, compiled snapshot of the whole rule base: what a request decides with, from start to finish. */
public record RuleBase(String location, Instant compiledAt, Map<String, JurisdictionRules> jurisdictions) {

    public RuleBase {
        jurisdictions = Map.copyOf(jurisdictions);
    }

    public Optional<JurisdictionRules> jurisdiction(String code) {
        return Optional.ofNullable(jurisdictions.get(code));
    }

    /** The jurisdictions sorted by code. */
    public Collection<JurisdictionRules> all() {
        return new TreeMap<>(jurisdictions).values();
    }
}
