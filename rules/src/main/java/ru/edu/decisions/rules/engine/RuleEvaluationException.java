package ru.edu.decisions.rules.engine;

import org.kie.api.runtime.rule.ConsequenceException;

/** The rules failed while deciding (a defect of the rule set, not of the input). */
public class RuleEvaluationException extends RuntimeException {

    public RuleEvaluationException(String message) {
        super(message);
    }

    public RuleEvaluationException(String message, Throwable cause) {
        super(message, cause);
    }

    static RuleEvaluationException from(RuntimeException e) {
        if (e instanceof ConsequenceException ce && ce.getRule() != null) {
            Throwable cause = ce.getCause() == null ? ce : ce.getCause();
            return new RuleEvaluationException("Ошибка в правиле «" + ce.getRule().getName() + "»: " + cause.getMessage(), e);
        }
        return new RuleEvaluationException("Ошибка при вычислении правил: " + e.getMessage(), e);
    }
}
