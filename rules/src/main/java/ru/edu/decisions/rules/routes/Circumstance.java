package ru.edu.decisions.rules.routes;

import java.util.List;
import org.jspecify.annotations.Nullable;
import ru.edu.decisions.model.routes.CompetenceArea;
import ru.edu.decisions.rules.dsl.Tri;

/**
 * A circumstance of the teacher that a route answers besides the deficits (young specialist, a school with low
 * results …): whether it holds, told by a rule from the data, and — when unknown — which fields are missing.
 */
public record Circumstance(String code, Tri status, String message, List<String> missing, String rule,
                           @Nullable String clause) implements Finding {

    @Override
    public boolean holds() {
        return status == Tri.YES;
    }

    /** A circumstance concerns no competence area. */
    @Override
    public @Nullable CompetenceArea area() {
        return null;
    }
}
