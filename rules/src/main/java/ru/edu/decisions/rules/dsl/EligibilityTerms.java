package ru.edu.decisions.rules.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a jurisdiction's eligibility table says about the shared facts (sheet «Общие признаки»): which of the facts
 * defined once in {@code common/eligibility-facts.drl} its rules use, the clause of its regulation each is cited
 * under, and a note some add to their explanation. Built once per rule base and given to every decision: the shared
 * rules derive only the facts the jurisdiction uses.
 */
public record EligibilityTerms(Set<String> used, Map<String, String> clauses, Map<String, String> notes) {

    public static final EligibilityTerms NONE = new EligibilityTerms(Set.of(), Map.of(), Map.of());

    public EligibilityTerms {
        used = Set.copyOf(used);
        clauses = Map.copyOf(clauses);
        notes = Map.copyOf(notes);
    }

    public boolean uses(String fact) {
        return used.contains(fact);
    }

    /** Of the named facts, those the jurisdiction uses, in the given order. */
    public List<String> usedOf(String... facts) {
        List<String> found = new ArrayList<>(facts.length);
        for (String fact : facts) {
            if (used.contains(fact)) {
                found.add(fact);
            }
        }
        return found;
    }

    /** «; note» to add inside an explanation of {@code fact}, or nothing. */
    public String note(String fact) {
        String note = notes.get(fact);
        return note == null || note.isBlank() ? "" : "; " + note;
    }

    /** The clause the jurisdiction cites a shared fact under, if its table names one. */
    public @Nullable String clauseOf(String fact) {
        return clauses.get(fact);
    }
}
