package ru.edu.decisions.rules.routes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
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
 * activity already in the route reused rather than a second one added (no activity twice), for a subject deficit a
 * course of the teacher's own subject before a general one, the kind of activity the rule named first, and
 * otherwise the activity listed higher in the catalogue. Items beyond the yearly hours cap are deferred, the lowest priority first.
 */
final class RoutePlanner {

    /** Needs that admit fewer kinds of activity choose first, so broader needs can reuse what they chose. */
    private static final Comparator<Need> CHOICE_ORDER = Comparator
            .comparingInt((Need n) -> n.types().size())
            .thenComparingInt(Need::priority)
            .thenComparing(n -> n.area() == null ? Integer.MAX_VALUE : n.area().ordinal())
            .thenComparing(Need::code);

    private final @Nullable Integer maxHoursPerYear;

    RoutePlanner(@Nullable Integer maxHoursPerYear) {
        this.maxHoursPerYear = maxHoursPerYear;
    }

    record Plan(Route route, List<Reason> reasons) {
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
        List<Item> ordered = chosen.values().stream()
                .sorted(Comparator.comparingInt(Item::priority).thenComparingInt(i -> i.activity.line())).toList();

        List<Item> kept = new ArrayList<>();
        List<Item> deferred = new ArrayList<>();
        int hours = 0;
        for (Item item : ordered) {
            if (maxHoursPerYear != null && hours + item.activity.hours() > maxHoursPerYear) {
                deferred.add(item);
            } else {
                kept.add(item);
                hours += item.activity.hours();
            }
        }

        SchoolYear year = SchoolYear.after(asOf);
        Set<CompetenceArea> deficitAreas = needs.stream().map(Need::area).filter(a -> a != null)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(CompetenceArea.class)));
        List<RouteItem> items = items(kept, year.schedule(kept.stream().map(i -> i.activity).toList()), deficitAreas);
        SchoolYear next = new SchoolYear(year.followUpDiagnostics(), year.end().plusYears(1));
        List<RouteItem> later = items(deferred, next.schedule(deferred.stream().map(i -> i.activity).toList()), deficitAreas);

        List<Reason> reasons = new ArrayList<>();
        Map<Need, Item> itemOf = new HashMap<>();
        chosen.values().forEach(item -> item.needs.forEach(need -> itemOf.put(need, item)));
        Map<Need, Gap> gapOf = new HashMap<>();
        gaps.forEach(gap -> gapOf.putIfAbsent(gap.need(), gap));
        for (Need need : needs.stream().sorted(Comparator.comparingInt(Need::priority)
                .thenComparing(n -> n.area() == null ? Integer.MAX_VALUE : n.area().ordinal()).thenComparing(Need::code)).toList()) {
            Item item = itemOf.get(need);
            if (item == null) {
                Gap gap = gapOf.get(need);
                reasons.add(new Reason(need.code(), gap == null ? ReasonStatus.NOT_MET : gap.status(),
                        need.message() + ": " + (gap == null ? "в каталоге нет подходящего мероприятия" : gap.message())));
            } else if (deferred.contains(item)) {
                reasons.add(new Reason(need.code(), ReasonStatus.NOT_MET, need.message() + ": мероприятие "
                        + item.activity + " отложено на следующий учебный год — превышен предел " + maxHoursPerYear
                        + " ч в учебный год"));
            } else {
                reasons.add(new Reason(need.code(), ReasonStatus.MET, need.message() + ": " + item.activity));
            }
        }
        return new Plan(new Route(items, hours, year.followUpDiagnostics(), later), reasons);
    }

    /**
     * The activity already in the route first, then one of the teacher's subject for a subject need, then the kind the
     * need names first, then catalogue order.
     */
    private static Comparator<Activity> preference(Need need, Set<Activity> inRoute) {
        Comparator<Activity> order = Comparator.comparing((Activity a) -> !inRoute.contains(a));
        if (need.area() == CompetenceArea.SUBJECT) {
            order = order.thenComparing(a -> !a.subjectSpecific());
        }
        return order.thenComparingInt(a -> need.types().indexOf(a.type())).thenComparingInt(Activity::line);
    }

    private static List<RouteItem> items(List<Item> items, List<LocalDate[]> dates, Set<CompetenceArea> deficitAreas) {
        List<RouteItem> result = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            Activity activity = item.activity;
            List<Need> needs = item.needs.stream().sorted(Comparator.comparingInt(Need::priority)).toList();
            List<CompetenceArea> areas = needs.stream().map(Need::area).filter(a -> a != null).distinct().sorted().toList();
            if (areas.isEmpty()) {
                areas = activity.areas().stream().filter(deficitAreas::contains).sorted().toList();
            }
            if (areas.isEmpty()) {
                areas = activity.areas().stream().sorted().toList();
            }
            result.add(new RouteItem(activity.id(), activity.type(), activity.title(), areas, activity.hours(),
                    activity.format(), activity.federalRegistry(), dates.get(i)[0], dates.get(i)[1], activity.evidence(),
                    needs.stream().map(Need::message).distinct().collect(Collectors.joining("; ")),
                    needs.get(0).code(), activity.provider()));
        }
        return result;
    }
}
