package ru.edu.decisions.rules.engine;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import ru.edu.decisions.rules.dsl.Parameters;

/**
 * A jurisdiction's {@code manifest.yaml}: which regulation its rules implement, the rule-set version, and the
 * parameters a policy officer may change (read by the rules through {@code DecisionContext.intParam(...)}).
 */
public record Manifest(
        String code,
        String name,
        Regulation regulation,
        String ruleSetVersion,
        @Nullable Map<String, Parameter> parameters) {

    /**
     * The regulation (Положение) and the order that approved it; {@code text} names the file of the rule set's folder
     * that holds the regulation's own text, {@code clauses} the clause index that points the rules' clause codes at
     * its paragraphs (default {@code clauses.csv}).
     */
    public record Regulation(
            String title,
            @Nullable String issuer,
            @Nullable String number,
            @Nullable LocalDate date,
            @Nullable String source,
            @Nullable String text,
            @Nullable String clauses) {

        public Regulation(String title, @Nullable String issuer, @Nullable String number, @Nullable LocalDate date,
                          @Nullable String source) {
            this(title, issuer, number, date, source, null, null);
        }

        /** «Положение … (приказ № 03/1 от 10.01.2023)». */
        public String citation() {
            StringBuilder text = new StringBuilder(title);
            if (number != null || date != null) {
                text.append(" (приказ");
                if (number != null) {
                    text.append(" № ").append(number);
                }
                if (date != null) {
                    text.append(" от ").append(date.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")));
                }
                text.append(')');
            }
            return text.toString();
        }
    }

    /** A parameter with the value the rules read and a Russian description of what it means. */
    public record Parameter(Object value, @Nullable String description) {
    }

    public Map<String, Parameter> parameterSpecs() {
        return parameters == null ? Map.of() : parameters;
    }

    public Parameters toParameters() {
        Map<String, Object> values = new LinkedHashMap<>();
        parameterSpecs().forEach((name, p) -> values.put(name, p.value()));
        return new Parameters(values);
    }
}
