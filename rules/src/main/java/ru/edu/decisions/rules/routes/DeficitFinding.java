package ru.edu.decisions.rules.routes;

import org.jspecify.annotations.Nullable;
import ru.edu.decisions.model.routes.CompetenceArea;
import ru.edu.decisions.model.routes.Deficit;
import ru.edu.decisions.model.routes.DeficitLevel;

/** A professional deficit the rules found in a score, with the rule and clause that found it. */
public record DeficitFinding(CompetenceArea area, int score, DeficitLevel level, String message, String rule,
                             @Nullable String clause) implements Finding {

    public Deficit toDeficit() {
        return new Deficit(area, score, level);
    }

    @Override
    public String code() {
        return level.name() + "_DEFICIT";
    }

    @Override
    public boolean holds() {
        return true;
    }
}
