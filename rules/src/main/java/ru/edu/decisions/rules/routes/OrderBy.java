package ru.edu.decisions.rules.routes;

/** What a {@link PlanningCriterion} compares; what comes first. */
public enum OrderBy {
    /** Needs: the need admitting fewer kinds of activity. */
    FEWER_KINDS_FIRST,
    /** Options: an activity already chosen for another need (so no activity is twice in a route). */
    ALREADY_CHOSEN_FIRST,
    /** Options: an activity of the kind the need's row of the table names earlier («Виды мероприятий», first preferred). */
    KIND_NAMED_FIRST,
    /** Needs, items: the higher priority of the table of needs (1); an item has the highest of its needs'. */
    PRIORITY,
    /**
     * Items under the hours cap: as {@link #PRIORITY}, and strictly — once an item of some priority is over the cap, no
     * item of a lower priority is taken into that school year.
     */
    STRICT_PRIORITY,
    /** Items: the item serving more needs. */
    MORE_NEEDS_FIRST,
    /** Options, items: the activity listed higher in the catalogue. */
    CATALOGUE_ORDER
}
