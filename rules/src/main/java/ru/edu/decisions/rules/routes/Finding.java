package ru.edu.decisions.rules.routes;

import org.jspecify.annotations.Nullable;
import ru.edu.decisions.model.routes.CompetenceArea;

/**
 * What the route rules found about a teacher and a route answers: a deficit ({@code SEVERE_DEFICIT},
 * {@code PARTIAL_DEFICIT}, with its area) or a circumstance ({@code YOUNG_SPECIALIST}, {@code LOW_RESULTS_SCHOOL}, no
 * area). A jurisdiction's table of needs ({@code routes.drl.csv}) turns the findings that hold into needs.
 */
public interface Finding {

    String code();

    /** The deficit's area; null for a circumstance. */
    @Nullable CompetenceArea area();

    /** The finding's reason text, which starts the reason of every need made from it. */
    String message();

    /** Whether it holds (a deficit always does; a circumstance only when established, not when unknown or not). */
    boolean holds();
}
