package ru.edu.decisions.service.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Roles, scopes and jurisdictions are stored as comma-separated lists. */
final class Lists {

    private Lists() {
    }

    static String join(Collection<?> values) {
        return values.stream().map(Object::toString).sorted().collect(Collectors.joining(","));
    }

    static Set<String> strings(String stored) {
        return Arrays.stream(stored.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static <E extends Enum<E>> Set<E> enums(String stored, Class<E> type) {
        EnumSet<E> values = EnumSet.noneOf(type);
        strings(stored).forEach(s -> values.add(Enum.valueOf(type, s)));
        return values;
    }
}
