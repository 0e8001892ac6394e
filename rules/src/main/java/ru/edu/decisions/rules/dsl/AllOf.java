package ru.edu.decisions.rules.dsl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A fact that holds when all its parts hold, declared by a rule (e.g. Turochak's first route: stable high results,
 * the highest category, higher pedagogical education and five years in the specialty). The common rules derive
 * the {@link Fact} {@code name} from the parts: YES when all are YES, NO when any is NO, UNKNOWN otherwise.
 */
public record AllOf(String name, List<String> parts, String rule, @Nullable String clause) {

    /** The derived fact, explained by the parts it rests on (all of them, or those that are NO or UNKNOWN). */
    public Fact derive(Tri status, List<Fact> basis) {
        List<Fact> ordered = new ArrayList<>(basis);
        ordered.sort(Comparator.comparingInt(f -> parts.indexOf(f.name())));
        String message = ordered.stream().map(Fact::message).distinct().collect(Collectors.joining("; "));
        LinkedHashSet<String> missing = new LinkedHashSet<>();
        for (String part : parts) {
            boolean derived = basis.stream().anyMatch(f -> f.name().equals(part));
            if (status == Tri.UNKNOWN && !derived) {
                message = (message.isEmpty() ? "" : message + "; ") + "признак «" + part + "» не выведен ни одним правилом";
            }
        }
        ordered.stream().filter(f -> f.status() == Tri.UNKNOWN).forEach(f -> missing.addAll(f.missing()));
        return new Fact(name, status, null, message, List.copyOf(missing), rule, clause);
    }
}
