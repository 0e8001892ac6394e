package ru.edu.decisions.rules.routes;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.jspecify.annotations.Nullable;
import ru.edu.decisions.model.ReasonStatus;
import ru.edu.decisions.model.routes.ActivityType;
import ru.edu.decisions.model.routes.CompetenceArea;
import ru.edu.decisions.model.routes.DeficitLevel;
import ru.edu.decisions.rules.dsl.RuleFunctions;
import ru.edu.decisions.rules.dsl.Tri;

/** Functions the route rules call in their consequences; each records the rule and clause that made the fact. */
public final class RouteFunctions {

    private RouteFunctions() {
    }

    public static DeficitFinding deficit(Object drools, Score score, DeficitLevel level, String message) {
        return new DeficitFinding(score.area(), score.score(), level, message, ruleName(drools), RuleFunctions.clauseOf(drools));
    }

    public static Circumstance circumstance(Object drools, String code, Tri status, String message, String... missing) {
        return new Circumstance(code, status, message, List.of(missing), ruleName(drools), RuleFunctions.clauseOf(drools));
    }

    /** A need for an activity of one of {@code types} (earlier ones preferred) covering {@code area} (null: any area). */
    public static Need need(Object drools, String code, @Nullable CompetenceArea area, int priority, String message,
                            ActivityType... types) {
        return new Need(code, area, List.of(types), false, priority, message, ruleName(drools), RuleFunctions.clauseOf(drools));
    }

    /** A need stated by a row of the jurisdiction's table of needs, answering {@code finding} (see {@link NeedDraft}). */
    public static NeedDraft need(Object drools, Finding finding, String code) {
        return new NeedDraft(finding, code, ruleName(drools), RuleFunctions.clauseOf(drools));
    }

    /** A need for a course of the federal registry covering {@code area}. */
    public static Need federalCourse(Object drools, String code, CompetenceArea area, int priority, String message) {
        return new Need(code, area, List.of(ActivityType.COURSE), true, priority, message, ruleName(drools),
                RuleFunctions.clauseOf(drools));
    }

    public static Gap gap(Object drools, Need need, ReasonStatus status, String message) {
        return new Gap(need, status, message, ruleName(drools), RuleFunctions.clauseOf(drools));
    }

    /** A criterion of planning the route (see {@link PlanningCriterion}), recording the rule that declared it. */
    public static PlanningCriterion criterion(Object drools, PlanningStep step, int level, OrderBy orderBy) {
        return criterion(drools, step, level, orderBy, "");
    }

    /** As {@link #criterion(Object, PlanningStep, int, OrderBy)}, with what it adds to the reason of a need it defers. */
    public static PlanningCriterion criterion(Object drools, PlanningStep step, int level, OrderBy orderBy, String note) {
        return new PlanningCriterion(step, level, orderBy, note, ruleName(drools), RuleFunctions.clauseOf(drools));
    }

    /** The rule's declaration that a route too long for the rest of the school year starts in the next one. */
    public static NextSchoolYearStart nextSchoolYearStart(Object drools) {
        return new NextSchoolYearStart(ruleName(drools), RuleFunctions.clauseOf(drools));
    }

    /** Full years of age on {@code asOf}. */
    public static int age(LocalDate birthDate, LocalDate asOf) {
        return Period.between(birthDate, asOf).getYears();
    }

    /**
     * The area's competences in Russian: «методические компетенции» for the areas named by an adjective,
     * «компетенции в области «обучение детей с ОВЗ»» for those named by a noun phrase.
     */
    public static String areaName(CompetenceArea area) {
        String label = area.label();
        return label.endsWith("ые") || label.endsWith("ие") ? label + " компетенции" : "компетенции в области «" + label + "»";
    }

    /** «41 %». */
    public static String percent(int score) {
        return score + " %";
    }

    private static String ruleName(Object drools) {
        return RuleFunctions.ruleNameOf(drools);
    }
}
