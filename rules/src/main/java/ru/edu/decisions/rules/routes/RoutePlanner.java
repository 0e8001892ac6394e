package ru.edu.decisions.rules.routes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import ru.edu.decisions.model.Reason;
import ru.edu.decisions.model.ReasonStatus;
import ru.edu.decisions.model.routes.CompetenceArea;
import ru.edu.decisions.model.routes.Route;
import ru.edu.decisions.model.routes.RouteItem;

/**
 * Turns the needs the rules found and the catalogue options they admitted into a route: one activity per need, an
 * activity already in the route reused rather than a second one added (no activity twice), otherwise the kind of
 * activity the rule named first — for a subject deficit, among activities of that kind, one of the teacher's own
 * subject before a general one — and then the activity listed higher in the catalogue.
 *
 * <p>The route is planned into the rest of the school year after {@code asOf}; when that rest is too short for its
 * activities (by their dates) and the whole next school year is not, into the next school year (the route's reasons
 * say so). The yearly hours cap takes the
 * needs in strict priority order (1 first): an item of a lower priority only when every item of the higher ones is in;
 * within a priority the item that serves more needs first (the one mentoring that supports every severe deficit and
 * the young specialist before a course for one deficit), then catalogue order. Whatever the cap or the dates leave
 * out is deferred to the following school years, each under the same cap, and its needs say where it went.
 */
final class RoutePlanner {

    /** The order of needs in the reasons and in an item's reason; total, so equal input always gives equal text. */
    private static final Comparator<Need> NEED_ORDER = Comparator.comparingInt(Need::priority)
            .thenComparingInt(RoutePlanner::areaOrder)
            .thenComparing(Need::code)
            .thenComparing(Need::message)
            .thenComparing(Need::rule)
            .thenComparing(n -> n.types().toString());

    /** Needs that admit fewer kinds of activity choose first, so broader needs can reuse what they chose. */
    private static final Comparator<Need> CHOICE_ORDER = Comparator.comparingInt((Need n) -> n.types().size())
            .thenComparing(NEED_ORDER);

    /** The order the hours cap takes items in: priority, then the item serving more needs, then catalogue order. */
    private static final Comparator<Item> CAP_ORDER = Comparator.comparingInt(Item::priority)
            .thenComparing(Comparator.comparingInt((Item i) -> i.needs.size()).reversed())
            .thenComparingInt(Item::line);

    /** The order a route lists and lays out its items in: priority, then catalogue order. */
    private static final Comparator<Item> ROUTE_ORDER = Comparator.comparingInt(Item::priority).thenComparingInt(Item::line);

    /** Reason code of the note that the route starts in the next school year. */
    static final String NEXT_SCHOOL_YEAR = "NEXT_SCHOOL_YEAR";

    private final @Nullable Integer maxHoursPerYear;

    RoutePlanner(@Nullable Integer maxHoursPerYear) {
        this.maxHoursPerYear = maxHoursPerYear;
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

    Plan plan(List<Need> needs, List<Option> options, List<Gap> gaps, LocalDate asOf) {
        Map<Need, List<Activity>> fitting = new HashMap<>();
        for (Option option : options) {
            if (option.formatFits()) {
                fitting.computeIfAbsent(option.need(), n -> new ArrayList<>()).add(option.activity());
            }
        }
        Map<Activity, Item> chosen = new LinkedHashMap<>();
        for (Need need : needs.stream().sorted(CHOICE_ORDER).toList()) {
            List<Activity> candidates = fitting.getOrDefault(need, List.of());
            candidates.stream().min(preference(need, chosen.keySet()))
                    .ifPresent(activity -> chosen.computeIfAbsent(activity, Item::new).needs.add(need));
        }
        List<Item> ranked = chosen.values().stream().sorted(CAP_ORDER).toList();

        // The rest of the current school year — unless it is too short: the route's activities do not fit into it by
        // their dates but do fit into the whole next school year. (A route too long even for a whole year starts now,
        // and what does not fit waits.)
        SchoolYear current = SchoolYear.after(asOf);
        Selection selection = select(ranked, current);
        boolean nextYear = false;
        if (selection.leftByDates() > 0 && !current.whole()) {
            Selection next = select(ranked, current.next());
            if (next.leftByDates() == 0) {
                selection = next;
                nextYear = true;
            }
        }
        SchoolYear year = selection.year();
        List<Item> kept = selection.kept().stream().sorted(ROUTE_ORDER).toList();
        List<RouteItem> items = items(kept, year);
        int hours = kept.stream().mapToInt(i -> i.activity.hours()).sum();

        // What is left waits for the following school years, each under the same cap.
        List<RouteItem> later = new ArrayList<>();
        Map<Item, SchoolYear> deferredTo = new HashMap<>();
        List<Item> pending = new ArrayList<>(selection.left().keySet());
        SchoolYear following = year;
        while (!pending.isEmpty()) {
            following = following.next();
            Selection then = select(pending, following);
            // An item over the cap on its own still gets a year of its own rather than none.
            List<Item> placed = then.kept().isEmpty() ? List.of(pending.get(0)) : then.kept();
            later.addAll(items(placed.stream().sorted(ROUTE_ORDER).toList(), following));
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
     * The items (offered in cap order) {@code year} takes: while the hours cap leaves room, in strict priority order —
     * once an item of some priority is over the cap, nothing of a lower priority is taken — and when the item fits into
     * the year by its dates.
     */
    private Selection select(List<Item> offered, SchoolYear year) {
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
                blockedBelow = Math.min(blockedBelow, item.priority());
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

    private String why(Cause cause, SchoolYear year) {
        return switch (cause) {
            case HOURS -> "превышен предел " + maxHoursPerYear + " ч в учебный год";
            case PRIORITY -> "превышен предел " + maxHoursPerYear + " ч в учебный год: сначала — мероприятия по потребностям "
                    + "более высокого приоритета";
            case DATES -> "не помещается по срокам в " + year.label();
        };
    }

    /**
     * The activity already in the route first, then the kind the need names first; among activities of that kind, for
     * a subject need, one of the teacher's subject; then catalogue order.
     */
    private static Comparator<Activity> preference(Need need, Set<Activity> inRoute) {
        Comparator<Activity> order = Comparator.comparing((Activity a) -> !inRoute.contains(a))
                .thenComparingInt(a -> need.types().indexOf(a.type()));
        if (need.area() == CompetenceArea.SUBJECT) {
            order = order.thenComparing(a -> !a.subjectSpecific());
        }
        return order.thenComparingInt(Activity::line);
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
