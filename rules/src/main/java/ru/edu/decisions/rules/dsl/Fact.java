package ru.edu.decisions.rules.dsl;

import java.util.List;
import org.jspecify.annotations.Nullable;
import ru.edu.decisions.model.DerivedFact;

/**
 * A classification fact derived by a rule from the submitted data (e.g. «педагогическое образование»: YES),
 * with the person's own data quoted in {@code message}, the clause and rule that derived it, and — when
 * {@code UNKNOWN} — the JSON paths of the absent fields. Decisions are made from facts, never from raw input.
 * A valued fact (years of experience) carries its {@code value}.
 */
public record Fact(
        String name,
        Tri status,
        @Nullable Object value,
        String message,
        List<String> missing,
        String rule,
        @Nullable String clause) {

    /**
     * The name and status only (equal facts still agree on them): the truth maintenance hashes every fact a rule
     * inserts, and the message — built anew for each decision — is the costly part of the default hash.
     */
    @Override
    public int hashCode() {
        return 31 * name.hashCode() + status.ordinal();
    }

    public boolean isYes() {
        return status == Tri.YES;
    }

    /** The fact as the decision shows it. */
    public DerivedFact toDerivedFact() {
        return new DerivedFact(name, DerivedFact.Status.valueOf(status.name()), message, missing, rule, clause);
    }

    /** The numeric value of a valued fact (e.g. years), or -1 when it has none. */
    public int intValue() {
        return value instanceof Number n ? n.intValue() : -1;
    }
}
