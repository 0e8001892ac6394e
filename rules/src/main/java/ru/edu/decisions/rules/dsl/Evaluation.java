package ru.edu.decisions.rules.dsl;

import java.util.List;
import ru.edu.decisions.model.Reason;
import ru.edu.decisions.model.ReasonStatus;

/** The outcome of one {@link Criterion} for one decision: the status and explanation of the fact it rests on. */
public record Evaluation(Criterion criterion, ReasonStatus status, String message, List<String> missing) {

    /** The criterion and status only (equal evaluations still agree on them): see {@link Fact#hashCode()}. */
    @Override
    public int hashCode() {
        return 31 * criterion.hashCode() + status.ordinal();
    }

    public static Evaluation of(Criterion criterion, Fact fact) {
        return new Evaluation(criterion, fact.status().asReasonStatus(), fact.message(),
                fact.status() == Tri.UNKNOWN ? fact.missing() : List.of());
    }

    /** A criterion whose fact no rule derived: a gap in the rule set shows in the decision instead of passing silently. */
    public static Evaluation notDerived(Criterion criterion) {
        return new Evaluation(criterion, ReasonStatus.UNKNOWN,
                "Признак «" + criterion.fact() + "» не выведен ни одним правилом набора", List.of());
    }

    public CriterionKind kind() {
        return criterion.kind();
    }

    public String code() {
        return criterion.code();
    }

    public Reason toReason() {
        return new Reason(code(), status, message,
                kind() == CriterionKind.REQUIREMENT ? Reason.Kind.REQUIREMENT : Reason.Kind.GROUND);
    }
}
