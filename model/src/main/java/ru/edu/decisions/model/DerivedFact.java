package ru.edu.decisions.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A classification fact the rules derived from the person's data before deciding — e.g. «педагогическое образование»:
 * {@code YES}, quoting the data — with the rule and clause that derived it and, when {@code UNKNOWN}, the JSON paths
 * of the absent fields. The facts behind a verdict, for the decision's audit trail.
 */
public record DerivedFact(String name, Status status, String message, List<String> missing, String rule,
                          @Nullable String clause) {

    /** Three-valued: unknown is not false. */
    public enum Status { YES, NO, UNKNOWN }
}
