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
            DecisionKind.MENTORING, "о закреплении наставников");

    private final DecisionEngine engine;

    public RuleSets(DecisionEngine engine) {
        this.engine = engine;
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
