package ru.edu.decisions.service.rulesets;

import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import ru.edu.decisions.model.DecisionKind;
import ru.edu.decisions.rules.engine.DecisionEngine;
import ru.edu.decisions.rules.engine.JurisdictionRules;
import ru.edu.decisions.rules.engine.RuleBase;
import ru.edu.decisions.service.common.ApiException;

/** The active rule sets, looked up by jurisdiction and decision, with the contract's 404 for either one missing. */
@Service
public class RuleSets {

    private static final Map<DecisionKind, String> DECISION_NAMES = Map.of(
            DecisionKind.ELIGIBILITY, "о включении в методический актив",
            DecisionKind.ROUTES, "об индивидуальном образовательном маршруте",
            DecisionKind.MENTORING, "о закреплении наставников",
            DecisionKind.INDICATORS, "о показателях методической службы");

    private final DecisionEngine engine;
    private final java.time.Clock clock;

    public RuleSets(DecisionEngine engine, java.time.Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    /** Today in the service's zone: the date a request without {@code asOf} decides on. */
    public java.time.LocalDate today() {
        return java.time.LocalDate.now(clock);
    }

    /** The jurisdiction's rule set in force on {@code asOf} (see {@link RuleBase#jurisdiction(String, java.time.LocalDate)}). */
    public JurisdictionRules jurisdiction(RuleBase base, String code, java.time.LocalDate asOf) {
        jurisdiction(base, code);
        return base.jurisdiction(code, asOf).orElseThrow();
    }

    /** The jurisdiction's rules for a decision in force on {@code asOf}; 404 as {@link #requireDecision(RuleBase, String, DecisionKind)}. */
    public JurisdictionRules requireDecision(RuleBase base, String code, DecisionKind kind, java.time.LocalDate asOf) {
        requireDecision(base, code, kind);
        JurisdictionRules rules = base.jurisdiction(code, asOf).orElseThrow();
        if (!rules.decisions().contains(kind)) {
            return requireDecision(new RuleBase(base.location(), base.compiledAt(), java.util.Map.of(code, rules)), code, kind);
        }
        return rules;
    }

    /** The snapshot a request decides with from start to end. */
    public RuleBase current() {
        return engine.current();
    }

    public JurisdictionRules jurisdiction(RuleBase base, String code) {
        return base.jurisdiction(code).orElseThrow(() -> ApiException.notFound("Территория «" + code
                + "» не найдена. Известные территории: " + String.join(", ", base.jurisdictions().keySet().stream().sorted().toList())));
    }

    /** The jurisdiction's rules for a decision; a 404 that says so when its regulation sets no such rules. */
    public JurisdictionRules requireDecision(RuleBase base, String code, DecisionKind kind) {
        JurisdictionRules rules = jurisdiction(base, code);
        if (!rules.decisions().contains(kind)) {
            throw ApiException.notFound("Для территории «" + rules.manifest().name() + "» (" + code + ") нет правил решения "
                    + DECISION_NAMES.getOrDefault(kind, kind.name().toLowerCase(Locale.ROOT))
                    + ": её Положение («" + rules.manifest().regulation().title() + "») таких критериев не устанавливает");
        }
        return rules;
    }
}
