package ru.edu.decisions.rules.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An immutable, compiled snapshot of the whole rule base: what a request decides with, from start to finish.
 * {@code jurisdictions} holds each jurisdiction's latest rule set (the last one published, or the rule directory's);
 * {@code timelines} the rule sets of a jurisdiction with the dates they are in force from, in the order they were
 * published: a decision as of a date uses the last one in force on that date ({@link #jurisdiction(String, LocalDate)}).
 */
public record RuleBase(String location, Instant compiledAt, Map<String, JurisdictionRules> jurisdictions,
                       Map<String, List<InForce>> timelines) {

    /**
     * A rule set in force from {@code from} (null: from the beginning) until a later one takes over. {@code versionId}:
     * the published rule-set version it comes from, null for the rule directory (or the shipped rule base).
     */
    public record InForce(@Nullable LocalDate from, JurisdictionRules rules, @Nullable UUID versionId) {

        public boolean inForceOn(LocalDate date) {
            return from == null || !from.isAfter(date);
        }
    }

    public RuleBase {
        jurisdictions = Map.copyOf(jurisdictions);
        timelines = Map.copyOf(timelines);
    }

    public RuleBase(String location, Instant compiledAt, Map<String, JurisdictionRules> jurisdictions) {
        this(location, compiledAt, jurisdictions, Map.of());
    }

    public Optional<JurisdictionRules> jurisdiction(String code) {
        return Optional.ofNullable(jurisdictions.get(code));
    }

    /**
     * The jurisdiction's rule set in force on {@code date}: the last published one whose date has come; before the
     * first one's date, the first one (nothing older is known).
     */
    public Optional<JurisdictionRules> jurisdiction(String code, LocalDate date) {
        return inForce(code, date).map(InForce::rules).or(() -> jurisdiction(code));
    }

    /** The entry of the jurisdiction's timeline in force on {@code date} (see {@link #jurisdiction(String, LocalDate)}). */
    public Optional<InForce> inForce(String code, LocalDate date) {
        List<InForce> timeline = timelines.get(code);
        if (timeline == null || timeline.isEmpty()) {
            return Optional.empty();
        }
        for (int i = timeline.size() - 1; i >= 0; i--) {
            if (timeline.get(i).inForceOn(date)) {
                return Optional.of(timeline.get(i));
            }
        }
        return Optional.of(timeline.get(0));
    }

    /** The jurisdiction's rule sets with their dates, in publication order (empty when it has only its own folder). */
    public List<InForce> timeline(String code) {
        return timelines.getOrDefault(code, List.of());
    }

    /** The jurisdictions sorted by code. */
    public Collection<JurisdictionRules> all() {
        return new TreeMap<>(jurisdictions).values();
    }
}
