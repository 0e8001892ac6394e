package ru.edu.decisions.rules.engine;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import ru.edu.decisions.model.DecisionKind;
import ru.edu.decisions.model.RuleSetRef;
import ru.edu.decisions.rules.regulation.RegulationText;

/**
 * One jurisdiction's compiled rule set: its manifest, its exact version (the manifest's version and a hash of every
 * file it was compiled from), and the compiled rules of each decision its files provide, by kind (see
 * {@link DecisionType}): {@code decision(EligibilityRules.class)} and so on.
 */
public record JurisdictionRules(
        Manifest manifest,
        String version,
        List<String> files,
        Map<DecisionKind, Object> rulesByKind,
        @Nullable RegulationText regulationText) {

    public JurisdictionRules {
        EnumMap<DecisionKind, Object> copy = new EnumMap<>(DecisionKind.class);
        rulesByKind.forEach((kind, rules) -> {
            if (rules != null) {
                copy.put(kind, rules);
            }
        });
        rulesByKind = Collections.unmodifiableMap(copy);
    }

    /** A rule set with the compiled rules of each decision kind, in the order of {@link DecisionKind} (null: none). */
    public JurisdictionRules(Manifest manifest, String version, List<String> files, @Nullable Object eligibilityRules,
                             @Nullable Object routeRules, @Nullable Object mentoringRules) {
        this(manifest, version, files, byKind(eligibilityRules, routeRules, mentoringRules), null);
    }

    private static Map<DecisionKind, Object> byKind(@Nullable Object... rules) {
        Map<DecisionKind, Object> byKind = new EnumMap<>(DecisionKind.class);
        for (int i = 0; i < rules.length; i++) {
            if (rules[i] != null) {
                byKind.put(DecisionKind.values()[i], rules[i]);
            }
        }
        return byKind;
    }

    /** The regulation's own text with its clauses, when the rule set ships it. */
    public Optional<RegulationText> regulation() {
        return Optional.ofNullable(regulationText);
    }

    public String code() {
        return manifest.code();
    }

    public RuleSetRef ref() {
        return new RuleSetRef(code(), version, manifest.regulation().citation());
    }

    /** The compiled rules of the decision kind whose rules are of {@code type}, if this rule set provides it. */
    public <R> Optional<R> decision(Class<R> type) {
        for (Object rules : rulesByKind.values()) {
            if (type.isInstance(rules)) {
                return Optional.of(type.cast(rules));
            }
        }
        return Optional.empty();
    }

    /** The decisions this jurisdiction's rules can make. */
    public Set<DecisionKind> decisions() {
        return rulesByKind.isEmpty() ? EnumSet.noneOf(DecisionKind.class) : EnumSet.copyOf(rulesByKind.keySet());
    }
}
