package ru.edu.decisions.rules.routes;

import java.util.List;
import ru.edu.decisions.model.FiredRule;
import ru.edu.decisions.model.Reason;
import ru.edu.decisions.model.routes.Deficit;
import ru.edu.decisions.model.routes.Route;

/**
 * What the route rules decided: the deficits, the scheduled route, the reasons, the rules that fired, and how many of
 * the needs the rules found nothing in the catalogue meets (neither in the route's school year nor deferred).
 */
public record RouteOutcome(List<Deficit> deficits, Route route, List<Reason> reasons, List<FiredRule> trace,
                           int unmetNeeds) {

    /** What kind of route came out. */
    public enum Result {
        /** Items in the route's school year (some needs may still be deferred or unmet: see the reasons). */
        ROUTE,
        /** Every item was deferred to a later school year (the hours cap or the dates leave nothing for this one). */
        ALL_DEFERRED,
        /** The rules found needs, but the catalogue meets none of them. */
        NEEDS_NOT_MET,
        /** No deficits and no circumstances: nothing to do. */
        EMPTY
    }

    public Result result() {
        if (route.items().size() > route.deferred().size()) {
            return Result.ROUTE;
        }
        if (!route.items().isEmpty()) {
            return Result.ALL_DEFERRED;
        }
        return unmetNeeds > 0 ? Result.NEEDS_NOT_MET : Result.EMPTY;
    }
}
