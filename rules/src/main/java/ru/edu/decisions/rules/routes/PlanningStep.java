package ru.edu.decisions.rules.routes;

/** A step of planning a route that rules order by declaring {@link PlanningCriterion}s. */
public enum PlanningStep {
    /** The order in which needs choose their activity (a later need may take what an earlier one chose). */
    NEED_TURN,
    /** Which of the options the rules admitted for a need becomes its activity. */
    ACTIVITY_CHOICE,
    /** The order in which the yearly hours cap takes the chosen items (what is left waits for later school years). */
    CAP_ORDER,
    /** The order in which a school year's items are listed and laid out in time. */
    ROUTE_ORDER
}
