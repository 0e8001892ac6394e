package ru.edu.decisions.rules.routes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import ru.edu.decisions.model.routes.ActivityType;

/**
 * A jurisdiction's activity catalogue as one fact of a route decision: the route rules ask it for the activities of
 * the kinds a need accepts ({@code from $catalogue.ofTypes( $need.types() )}) rather than matching every activity
 * inserted as a fact of its own — the catalogue is the same for every decision, so it is not inserted each time.
 */
public final class Catalogue {

    private final List<Activity> activities;
    private final Map<List<ActivityType>, List<Activity>> byTypes = new ConcurrentHashMap<>();

    public Catalogue(List<Activity> activities) {
        this.activities = List.copyOf(activities);
    }

    public List<Activity> activities() {
        return activities;
    }

    /** The activities of any of {@code types}, in catalogue order. */
    public List<Activity> ofTypes(List<ActivityType> types) {
        return byTypes.computeIfAbsent(List.copyOf(types), wanted -> {
            List<Activity> found = new ArrayList<>();
            for (Activity activity : activities) {
                if (wanted.contains(activity.type())) {
                    found.add(activity);
                }
            }
            return List.copyOf(found);
        });
    }

    @Override
    public String toString() {
        return "Каталог (" + activities.size() + " мероприятий)";
    }
}
