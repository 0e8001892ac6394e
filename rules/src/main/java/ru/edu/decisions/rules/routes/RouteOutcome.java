package ru.edu.decisions.rules.routes;

import java.util.List;
import ru.edu.decisions.model.FiredRule;
import ru.edu.decisions.model.Reason;
import ru.edu.decisions.model.routes.Deficit;
import ru.edu.decisions.model.routes.Route;

/** What the route rules decided: the deficits, the scheduled route, the reasons, and the rules that fired. */
public record RouteOutcome(List<Deficit> deficits, Route route, List<Reason> reasons, List<FiredRule> trace) {
}
