package ru.edu.decisions.rules.dsl;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import ru.edu.decisions.model.eligibility.Verdict;

/** The verdict the common eligibility rules reach, with the absent fields that keep it open. */
public record EligibilityVerdict(Verdict verdict, List<String> missing) {

    public static EligibilityVerdict of(Verdict verdict) {
        return new EligibilityVerdict(verdict, List.of());
    }

    /** {@code INSUFFICIENT_DATA}: the absent fields of the given unknown evaluations, sorted. */
    public static EligibilityVerdict insufficient(Collection<Evaluation> unknown) {
        TreeSet<String> paths = new TreeSet<>();
        unknown.forEach(e -> paths.addAll(e.missing()));
        return new EligibilityVerdict(Verdict.INSUFFICIENT_DATA, List.copyOf(paths));
    }
}
