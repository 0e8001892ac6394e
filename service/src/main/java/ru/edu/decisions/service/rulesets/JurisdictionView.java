package ru.edu.decisions.service.rulesets;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import ru.edu.decisions.model.DecisionKind;
import ru.edu.decisions.model.RuleSetRef;
import ru.edu.decisions.rules.engine.JurisdictionRules;
import ru.edu.decisions.rules.engine.Manifest;

/** A jurisdiction as {@code GET /api/v1/jurisdictions} shows it: regulation, rule-set version, decisions, parameters. */
public record JurisdictionView(
        String code,
        String name,
        Regulation regulation,
        RuleSetRef ruleSet,
        List<DecisionKind> decisions,
        Map<String, Manifest.Parameter> parameters,
        List<String> files,
        List<RuleSetViews.InForce> versions) {

    public record Regulation(String title, @Nullable String issuer, @Nullable String number, @Nullable LocalDate date,
                             @Nullable String source, String citation) {
    }

    /** {@code versions}: the rule sets with the dates they are in force from, in publication order (the last ones may be scheduled). */
    static JurisdictionView of(JurisdictionRules rules, List<RuleSetViews.InForce> versions) {
        Manifest manifest = rules.manifest();
        Manifest.Regulation regulation = manifest.regulation();
        return new JurisdictionView(manifest.code(), manifest.name(),
                new Regulation(regulation.title(), regulation.issuer(), regulation.number(), regulation.date(),
                        regulation.source(), regulation.citation()),
                rules.ref(), rules.decisions().stream().sorted().toList(),
                new LinkedHashMap<>(manifest.parameterSpecs()), rules.files(), versions);
    }
}
