package ru.edu.decisions.rules.engine;

import org.jspecify.annotations.Nullable;

/**
 * A problem that keeps a rule set from compiling: the file (relative to the rule base root), the line (when it can be
 * told), the rule it is in, and the compiler's message.
 */
public record CompileProblem(String file, @Nullable Integer line, @Nullable String rule, String message) {

    /** «ust-ishim/eligibility.drl, строка 42 (правило «…»): message». */
    public String describe() {
        StringBuilder text = new StringBuilder(file);
        if (line != null) {
            text.append(", строка ").append(line);
        }
        if (rule != null) {
            text.append(" (правило «").append(rule).append("»)");
        }
        return text.append(": ").append(message).toString();
    }
}
