package ru.edu.decisions.rules.indicators;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import ru.edu.decisions.rules.dsl.RuleFunctions;

/** Functions the indicator rules call; each fact they build records the rule and clause that made it. */
public final class IndicatorFunctions {

    private IndicatorFunctions() {
    }

    /** An indicator counted from readings: {@code numerator} and {@code denominator} name them. */
    public static Indicator indicator(Object drools, String code, IndicatorKind kind, String title,
                                      @Nullable String numerator, @Nullable String denominator) {
        return new Indicator(code, kind, title, numerator, denominator, RuleFunctions.ruleNameOf(drools),
                RuleFunctions.clauseOf(drools));
    }

    /** An indicator whose value a rule takes from an entered record (YES_NO, PERCENT). */
    public static Indicator indicator(Object drools, String code, IndicatorKind kind, String title) {
        return indicator(drools, code, kind, title, null, null);
    }

    public static Reading teacher(String name, String teacherId) {
        return new Reading(name, SubjectKind.TEACHER, teacherId);
    }

    public static Reading school(String name, String school) {
        return new Reading(name, SubjectKind.SCHOOL, school);
    }

    public static Entered entered(Object drools, String code, @Nullable BigDecimal value, String note) {
        return new Entered(code, value, note, RuleFunctions.ruleNameOf(drools), RuleFunctions.clauseOf(drools));
    }

    /** Full years of a person born on {@code birthDate} on {@code on}. */
    public static int age(LocalDate birthDate, LocalDate on) {
        return java.time.Period.between(birthDate, on).getYears();
    }

    /** «01.09.2026». */
    public static String date(LocalDate date) {
        return String.format("%02d.%02d.%04d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }
}
