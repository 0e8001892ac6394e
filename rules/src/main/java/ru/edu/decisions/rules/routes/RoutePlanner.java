package ru.edu.decisions.rules.routes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import ru.edu.decisions.model.Reason;
import ru.edu.decisions.model.ReasonStatus;
import ru.edu.decisions.model.routes.CompetenceArea;
import ru.edu.decisions.model.routes.Route;
import ru.edu.decisions.model.routes.RouteItem;

/**
 * Turns the needs the rules found, the catalogue options they admitted and the planning criteria they declared
 * ({@code rules/common/routes-choice.drl}: {@link PlanningCriterion}, {@link OptionRank}) into a route. The policy —
 * which need chooses first, which option it takes, in what order the hours cap takes the chosen items and whether
 * strictly by priority, how the year's items are listed — is the rules'; this class only applies it: one activity per
 * need, chosen greedily in the rules' order, the criteria of each step compared level by level (a remaining tie broken
 * by the activity's code, so equal input gives an equal route).
 *
 * <p>The route is planned into the rest of the school year after {@code asOf}; when that rest is too short for its
 * activities (by their dates) and the whole next school year is not, and the rules declared {@link NextSchoolYearStart},
 * into the next school year (the route's reasons say so). The yearly hours cap takes the items in the rules' order (with strict priority, an item of a lower
 * priority only when every item of the higher ones is in); whatever the cap or the dates leave out is deferred to the
 * following school years, each under the same cap, and its needs say where it went.
 */
final class RoutePlanner {

    /** The order of needs in the reasons and in an item's reason; total, so equal input always gives equal text. */
    private static final Comparator<Need> NEED_ORDER = Comparator.comparingInt(Need::priority)
            .thenComparingInt(RoutePlanner::areaOrder)
            .thenComparing(Need::code)
            .thenComparing(Need::message)
            .thenComparing(Need::rule)
            .thenComparing(n -> n.types().toString());

    /** Ties of every rule-declared order are broken by the activity's code: no policy, only a fixed order. */
    private static final Comparator<Item> BY_CODE = Comparator.comparing((Item i) -> i.activity.id());

    /** Reason code of the note that the route starts in the next school year. */
    static final String NEXT_SCHOOL_YEAR = "NEXT_SCHOOL_YEAR";

    private final @Nullable Integer maxHoursPerYear;
    private final List<PlanningCriterion> choice;
    private final Comparator<Need> needTurn;
    private final Comparator<Item> capOrder;
    private final Comparator<Item> routeOrder;
    /** The rules' criterion of strict priority under the hours cap, if they declared one. */
    private final @Nullable PlanningCriterion strict;

    /** Whether the rules declared {@link NextSchoolYearStart}. */
    private final boolean nextYearWhenRestTooShort;

    /**
     * A planner applying the criteria the rules declared ({@link RouteRules#criteria()}) and, when
     * {@code nextYearWhenRestTooShort} (the rules declared {@link NextSchoolYearStart}), moving a route too long for the
     * rest of the school year into the next one.
     */
    RoutePlanner(@Nullable Integer maxHoursPerYear, List<PlanningCriterion> criteria, boolean nextYearWhenRestTooShort) {
        this.maxHoursPerYear = maxHoursPerYear;
        this.nextYearWhenRestTooShort = nextYearWhenRestTooShort;
        Map<PlanningStep, List<PlanningCriterion>> steps = new EnumMap<>(PlanningStep.class);
        criteria.stream().sorted(Comparator.comparingInt(PlanningCriterion::level).thenComparing(PlanningCriterion::orderBy))
                .forEach(c -> steps.computeIfAbsent(c.step(), s -> new ArrayList<>()).add(c));
        this.choice = List.copyOf(steps.getOrDefault(PlanningStep.ACTIVITY_CHOICE, List.of()));
        this.needTurn = needTurn(steps.getOrDefault(PlanningStep.NEED_TURN, List.of()));
        List<PlanningCriterion> cap = steps.getOrDefault(PlanningStep.CAP_ORDER, List.of());
        this.capOrder = itemOrder(cap);
        this.routeOrder = itemOrder(steps.getOrDefault(PlanningStep.ROUTE_ORDER, List.of()));
        this.strict = cap.stream().filter(c -> c.orderBy() == OrderBy.STRICT_PRIORITY).findFirst().orElse(null);
        // A criterion at a step it cannot order is an error of the rules, found when they are loaded.
        choiceOrder(choice, Map.of(), Set.of());
    }

    /** The route, the reasons about its needs, and how many needs nothing in it (now or deferred) meets. */
    record Plan(Route route, List<Reason> reasons, int unmetNeeds) {
    }

    private static final class Item {
        final Activity activity;
        final List<Need> needs = new ArrayList<>();

        Item(Activity activity) {
            this.activity = activity;
        }

        int priority() {
            return needs.stream().mapToInt(Need::priority).min().orElse(Integer.MAX_VALUE);
        }

        int line() {
            return activity.line();
        }
    }

    /** Why an item is not in the route's school year. */
    private enum Cause { HOURS, PRIORITY, DATES }

    /** What one school year takes of the items offered to it (in cap order), and why it leaves out the rest. */
    private record Selection(SchoolYear year, List<Item> kept, Map<Item, Cause> left) {

        long leftByDates() {
            return left.values().stream().filter(c -> c == Cause.DATES).count();
        }
    }

    Plan plan(List<Need> needs, List<Option> options, List<Gap> gaps, List<OptionRank> ranks, LocalDate asOf) {
        Map<Need, List<Option>> fitting = new HashMap<>();
        for (Option option : options) {
            if (option.formatFits()) {
                fitting.computeIfAbsent(option.need(), n -> new ArrayList<>()).add(option);
            }
        }
        Map<Option, Map<Integer, Integer>> rankOf = new IdentityHashMap<>();
        for (OptionRank rank : ranks) {
            rankOf.computeIfAbsent(rank.option(), o -> new TreeMap<>()).merge(rank.level(), rank.value(), Integer::sum);
        }
        Map<Activity, Item> chosen = new LinkedHashMap<>();
        Comparator<Option> choiceOrder = choiceOrder(choice, rankOf, chosen.keySet());
        for (Need need : needs.stream().sorted(needTurn).toList()) {
            fitting.getOrDefault(need, List.of()).stream().min(choiceOrder)
                    .ifPresent(option -> chosen.computeIfAbsent(option.activity(), Item::new).needs.add(need));
        }
        List<Item> ranked = chosen.values().stream().sorted(capOrder).toList();

        // The rest of the current school year — unless it is too short and the rules say to move such a route: the
        // route's activities do not fit into it by their dates but do fit into the whole next school year. (A route too
        // long even for a whole year starts now, and what does not fit waits.)
        SchoolYear current = SchoolYear.after(asOf);
        Selection selection = select(ranked, current, strict != null);
        boolean nextYear = false;
        if (nextYearWhenRestTooShort && selection.leftByDates() > 0 && !current.whole()) {
            Selection next = select(ranked, current.next(), strict != null);
            if (next.leftByDates() == 0) {
                selection = next;
                nextYear = true;
            }
        }
        SchoolYear year = selection.year();
        List<Item> kept = selection.kept().stream().sorted(routeOrder).toList();
        List<RouteItem> items = items(kept, year);
        int hours = kept.stream().mapToInt(i -> i.activity.hours()).sum();

        // What is left waits for the following school years, each under the same cap.
        List<RouteItem> later = new ArrayList<>();
        Map<Item, SchoolYear> deferredTo = new HashMap<>();
        List<Item> pending = new ArrayList<>(selection.left().keySet());
        SchoolYear following = year;
        while (!pending.isEmpty()) {
            following = following.next();
            Selection then = select(pending, following, strict != null);
            // An item over the cap on its own still gets a year of its own rather than none.
            List<Item> placed = then.kept().isEmpty() ? List.of(pending.get(0)) : then.kept();
            later.addAll(items(placed.stream().sorted(routeOrder).toList(), following));
            for (Item item : placed) {
                deferredTo.put(item, following);
            }
            pending.removeAll(placed);
        }

        List<Reason> reasons = new ArrayList<>();
        Map<Need, Item> itemOf = new HashMap<>();
        chosen.values().forEach(item -> item.needs.forEach(need -> itemOf.put(need, item)));
        Map<Need, Gap> gapOf = new HashMap<>();
        gaps.forEach(gap -> gapOf.putIfAbsent(gap.need(), gap));
        int unmet = 0;
        for (Need need : needs.stream().sorted(NEED_ORDER).toList()) {
            Item item = itemOf.get(need);
            if (item == null) {
                unmet++;
                Gap gap = gapOf.get(need);
                reasons.add(new Reason(need.code(), gap == null ? ReasonStatus.NOT_MET : gap.status(),
                        need.message() + ": " + (gap == null ? "в каталоге нет подходящего мероприятия" : gap.message())));
            } else if (deferredTo.containsKey(item)) {
                reasons.add(new Reason(need.code(), ReasonStatus.NOT_MET, need.message() + ": мероприятие " + item.activity
                        + " отложено на " + deferredTo.get(item).label() + " — " + why(selection.left().get(item), year)));
            } else {
                reasons.add(new Reason(need.code(), ReasonStatus.MET, need.message() + ": " + item.activity));
            }
        }
        if (nextYear) {
            reasons.add(new Reason(NEXT_SCHOOL_YEAR, ReasonStatus.MET, "Маршрут запланирован на " + year.label()
                    + ": в оставшейся части " + current.labelGenitive() + " (с " + current.start() + " по " + current.end()
                    + ") его мероприятия не помещаются по срокам"));
        }
        // The contract's route holds every item, this school year's first; those planned for later years are also
        // named in `deferred`, so every deficit is addressed by an item and the cap holds for each school year.
        List<RouteItem> all = new ArrayList<>(items);
        all.addAll(later);
        int laterHours = later.stream().mapToInt(RouteItem::hours).sum();
        return new Plan(new Route(all, hours + laterHours, year.followUpDiagnostics(), later), reasons, unmet);
    }

    /**
     * The items (offered in the rules' cap order) {@code year} takes: while the hours cap leaves room — when the rules
     * say {@code strictPriority}, once an item of some priority is over the cap, nothing of a lower priority is taken —
     * and when the item fits into the year by its dates.
     */
    private Selection select(List<Item> offered, SchoolYear year, boolean strictPriority) {
        List<Item> kept = new ArrayList<>();
        Map<Item, Cause> left = new LinkedHashMap<>();
        int hours = 0;
        long sequentialDays = 0;
        int blockedBelow = Integer.MAX_VALUE;
        for (Item item : offered) {
            Activity activity = item.activity;
            if (item.priority() > blockedBelow) {
                left.put(item, Cause.PRIORITY);
            } else if (maxHoursPerYear != null && hours + activity.hours() > maxHoursPerYear) {
                left.put(item, Cause.HOURS);
                if (strictPriority) {
                    blockedBelow = Math.min(blockedBelow, item.priority());
                }
            } else if (!year.fits(activity, sequentialDays)) {
                left.put(item, Cause.DATES);
            } else {
                kept.add(item);
                hours += activity.hours();
                if (SchoolYear.sequential(activity.type())) {
                    sequentialDays += 7L * activity.weeks();
                }
            }
        }
        return new Selection(year, kept, left);
    }

    /** Why an item waits; for a priority wait, what the rule of strict priority adds. */
    private String why(Cause cause, SchoolYear year) {
        return switch (cause) {
            case HOURS -> "превышен предел " + maxHoursPerYear + " ч в учебный год";
            case PRIORITY -> "превышен предел " + maxHoursPerYear + " ч в учебный год"
                    + (strict == null || strict.note().isEmpty() ? "" : ": " + strict.note());
            case DATES -> "не помещается по срокам в " + year.label();
        };
    }

    /**
     * The order needs choose in: the rules' criteria of {@link PlanningStep#NEED_TURN}, then the order the reasons list
     * needs in (total, so the greedy choice is deterministic).
     */
    private static Comparator<Need> needTurn(List<PlanningCriterion> criteria) {
        Comparator<Need> order = (a, b) -> 0;
        for (PlanningCriterion criterion : criteria) {
            order = order.thenComparing(switch (criterion.orderBy()) {
                case FEWER_KINDS_FIRST -> Comparator.comparingInt((Need n) -> n.types().size());
                case PRIORITY, STRICT_PRIORITY -> Comparator.comparingInt(Need::priority);
                default -> throw unsupported(criterion);
            });
        }
        return order.thenComparing(NEED_ORDER);
    }

    /**
     * The order of a need's options, the first chosen: level by level (the rules' criteria of
     * {@link PlanningStep#ACTIVITY_CHOICE} and their {@link OptionRank}s, each at its level; without a rank an option has
     * 0 at a level), then the activity's code. {@code inRoute} is read at each comparison: it grows as needs choose.
     */
    private static Comparator<Option> choiceOrder(List<PlanningCriterion> criteria, Map<Option, Map<Integer, Integer>> rankOf,
                                                  Set<Activity> inRoute) {
        java.util.SortedSet<Integer> levels = new java.util.TreeSet<>();
        criteria.forEach(c -> levels.add(c.level()));
        rankOf.values().forEach(r -> levels.addAll(r.keySet()));
        Comparator<Option> order = (a, b) -> 0;
        for (int level : levels) {
            for (PlanningCriterion criterion : criteria) {
                if (criterion.level() == level) {
                    order = order.thenComparing(switch (criterion.orderBy()) {
                        case ALREADY_CHOSEN_FIRST -> Comparator.comparing((Option o) -> !inRoute.contains(o.activity()));
                        case KIND_NAMED_FIRST -> Comparator.comparingInt(Option::kindPosition);
                        case CATALOGUE_ORDER -> Comparator.comparingInt((Option o) -> o.activity().line());
                        default -> throw unsupported(criterion);
                    });
                }
            }
            order = order.thenComparingInt(o -> {
                Map<Integer, Integer> rank = rankOf.get(o);
                return rank == null ? 0 : rank.getOrDefault(level, 0);
            });
        }
        return order.thenComparing(o -> o.activity().id());
    }

    /** The order of items by the rules' criteria of one step ({@link PlanningStep#CAP_ORDER}, {@link PlanningStep#ROUTE_ORDER}). */
    private static Comparator<Item> itemOrder(List<PlanningCriterion> criteria) {
        Comparator<Item> order = (a, b) -> 0;
        for (PlanningCriterion criterion : criteria) {
            order = order.thenComparing(switch (criterion.orderBy()) {
                case PRIORITY, STRICT_PRIORITY -> Comparator.comparingInt(Item::priority);
                case MORE_NEEDS_FIRST -> Comparator.comparingInt((Item i) -> -i.needs.size());
                case CATALOGUE_ORDER -> Comparator.comparingInt(Item::line);
                default -> throw unsupported(criterion);
            });
        }
        return order.thenComparing(BY_CODE);
    }

    private static IllegalStateException unsupported(PlanningCriterion criterion) {
        return new IllegalStateException("Правило «" + criterion.rule() + "»: критерий " + criterion.orderBy()
                + " не применим к шагу " + criterion.step());
    }

    /**
     * The route items of {@code items} scheduled in {@code year}. An item's areas are the deficit areas of the needs it
     * serves — none for an item that answers only a circumstance (a young specialist, a school with low results), whose
     * reason names it.
     */
    private static List<RouteItem> items(List<Item> items, SchoolYear year) {
        List<LocalDate[]> dates = year.schedule(items.stream().map(i -> i.activity).toList());
        List<RouteItem> result = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            Activity activity = item.activity;
            List<Need> needs = item.needs.stream().sorted(NEED_ORDER).toList();
            List<CompetenceArea> areas = needs.stream().map(Need::area).filter(a -> a != null).distinct().sorted().toList();
            result.add(new RouteItem(activity.id(), activity.type(), activity.title(), areas, activity.hours(),
                    activity.format(), activity.federalRegistry(), dates.get(i)[0], dates.get(i)[1], activity.evidence(),
                    needs.stream().map(Need::message).distinct().collect(Collectors.joining("; ")),
                    needs.get(0).code(), activity.provider()));
        }
        return result;
    }

    private static int areaOrder(Need need) {
        return need.area() == null ? Integer.MAX_VALUE : need.area().ordinal();
    }
}
