package ru.edu.decisions.model.routes;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import ru.edu.decisions.model.FiredRule;
import ru.edu.decisions.model.Reason;
import ru.edu.decisions.model.RuleSetRef;

/** An explained route decision, as the contract defines it ({@code asOf} and {@code trace} are additions). */
public record RouteDecision(
        UUID decisionId,
        String jurisdiction,
        RuleSetRef ruleSet,
        LocalDate asOf,
        List<Deficit> deficits,
        Route route,
        List<Reason> reasons,
        List<FiredRule> trace) {
}
