package ru.edu.decisions.rules.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;
import ru.edu.decisions.model.DecisionKind;

/**
 * The registry of decision kinds: every {@link DecisionType} listed in
 * {@code META-INF/services/ru.edu.decisions.rules.engine.DecisionType}, in the order of {@link DecisionKind}.
 */
public final class DecisionTypes {

    private static final List<DecisionType<?>> ALL = load();

    private DecisionTypes() {
    }

    private static List<DecisionType<?>> load() {
        List<DecisionType<?>> found = new ArrayList<>();
        ServiceLoader.load(DecisionType.class, DecisionTypes.class.getClassLoader()).forEach(found::add);
        found.sort(Comparator.comparing(DecisionType::kind));
        for (int i = 1; i < found.size(); i++) {
            if (found.get(i).kind() == found.get(i - 1).kind()) {
                throw new IllegalStateException("Decision kind " + found.get(i).kind() + " is registered twice");
            }
        }
        return List.copyOf(found);
    }

    public static List<DecisionType<?>> all() {
        return ALL;
    }

    public static DecisionType<?> of(DecisionKind kind) {
        return ALL.stream().filter(t -> t.kind() == kind).findFirst()
                .orElseThrow(() -> new IllegalStateException("Decision kind " + kind + " is not registered"));
    }

    /** The kind a rule file belongs to by its name's prefix (e.g. {@code routes-extra.drl} → routes), or null. */
    public static @Nullable DecisionType<?> ofFile(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return ALL.stream().filter(t -> lower.startsWith(t.prefix())).findFirst().orElse(null);
    }

    /** «eligibility, routes или mentoring». */
    static String prefixes() {
        List<String> prefixes = ALL.stream().map(DecisionType::prefix).toList();
        return prefixes.size() <= 1 ? String.join("", prefixes)
                : String.join(", ", prefixes.subList(0, prefixes.size() - 1)) + " или " + prefixes.get(prefixes.size() - 1);
    }
}
