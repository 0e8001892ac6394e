package ru.edu.decisions.rules.routes;

import java.util.List;
import org.jspecify.annotations.Nullable;
import ru.edu.decisions.model.routes.ActivityType;
import ru.edu.decisions.model.routes.CompetenceArea;

/**
 * What the route must contain, as a rule decided it: an activity of one of {@code types}, earlier ones preferred (from the federal registry
 * when {@code federalOnly}) that covers {@code area} (any area when null). {@code priority} orders the needs when
 * the yearly hours cap does not leave room for all (1 comes first); {@code message} is the item's reason.
 */
public record Need(String code, @Nullable CompetenceArea area, List<ActivityType> types, boolean federalOnly,
                   int priority, String message, String rule, @Nullable String clause) {

    public Need {
        types = List.copyOf(types);
    }

    public boolean accepts(ActivityType type) {
        return types.contains(type);
    }
}
