package ru.edu.decisions.rules.engine;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import ru.edu.decisions.model.DecisionKind;
import ru.edu.decisions.model.RuleSetRef;
import ru.edu.decisions.rules.eligibility.EligibilityRules;
import ru.edu.decisions.rules.indicators.IndicatorRules;
import ru.edu.decisions.rules.mentoring.MentoringRules;
import ru.edu.decisions.rules.regulation.RegulationText;
import ru.edu.decisions.rules.routes.RouteRules;

/**
 * One jurisdiction's compiled rule set: its manifest, its exact version (the manifest's version and a hash of every
 * file it was compiled from), and a compiled rule base per decision its files provide.
 */
public record JurisdictionRules(
        Manifest manifest,
        String version,
        List<String> files,
        @Nullable EligibilityRules eligibilityRules,
        @Nullable RouteRules routeRules,
        @Nullable MentoringRules mentoringRules,
        @Nullable RegulationText regulationText,
        @Nullable IndicatorRules indicatorRules) {

    public JurisdictionRules(Manifest manifest, String version, List<String> files,
                             @Nullable EligibilityRules eligibilityRules, @Nullable RouteRules routeRules,
                             @Nullable MentoringRules mentoringRules) {
        this(manifest, version, files, eligibilityRules, routeRules, mentoringRules, null, null);
    }

    public JurisdictionRules(Manifest manifest, String version, List<String> files,
                             @Nullable EligibilityRules eligibilityRules, @Nullable RouteRules routeRules,
                             @Nullable MentoringRules mentoringRules, @Nullable RegulationText regulationText) {
        this(manifest, version, files, eligibilityRules, routeRules, mentoringRules, regulationText, null);
    }

    public Optional<IndicatorRules> indicators() {
        return Optional.ofNullable(indicatorRules);
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

    public Optional<EligibilityRules> eligibility() {
        return Optional.ofNullable(eligibilityRules);
    }

    public Optional<RouteRules> routes() {
        return Optional.ofNullable(routeRules);
    }

    public Optional<MentoringRules> mentoring() {
        return Optional.ofNullable(mentoringRules);
    }

    /** The decisions this jurisdiction's rules can make. */
    public Set<DecisionKind> decisions() {
        EnumSet<DecisionKind> kinds = EnumSet.noneOf(DecisionKind.class);
        if (eligibilityRules != null) {
            kinds.add(DecisionKind.ELIGIBILITY);
        }
        if (routeRules != null) {
            kinds.add(DecisionKind.ROUTES);
        }
        if (mentoringRules != null) {
            kinds.add(DecisionKind.MENTORING);
        }
        if (indicatorRules != null) {
            kinds.add(DecisionKind.INDICATORS);
        }
        return kinds;
    }
}
