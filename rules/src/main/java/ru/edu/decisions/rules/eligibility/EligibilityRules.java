package ru.edu.decisions.rules.eligibility;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.ArrayList;
import org.jspecify.annotations.Nullable;
import ru.edu.decisions.model.FiredRule;
import ru.edu.decisions.rules.dsl.EligibilityTerms;
import ru.edu.decisions.model.Reason;
import ru.edu.decisions.model.ReasonStatus;
import ru.edu.decisions.model.TeacherProfile;
import ru.edu.decisions.rules.dsl.Criterion;
import ru.edu.decisions.rules.dsl.CriterionKind;
import ru.edu.decisions.rules.dsl.DecisionContext;
import ru.edu.decisions.rules.dsl.EligibilityVerdict;
import ru.edu.decisions.rules.dsl.Evaluation;
import ru.edu.decisions.rules.dsl.Fact;
import ru.edu.decisions.rules.dsl.Parameters;
import ru.edu.decisions.rules.dsl.ProfileFacts;
import ru.edu.decisions.rules.engine.RuleEvaluationException;
import ru.edu.decisions.rules.engine.RuleRunner;

/**
 * A jurisdiction's compiled eligibility rules. Inserts the candidate and the decision context, lets the rules decide,
 * and reads the verdict and the evaluated requirements and grounds back: the reasons are the evaluations the rules
 * made, each built from the facts and the clause metadata of the rules that fired.
 */
public final class EligibilityRules {

    private static final Comparator<Evaluation> REASON_ORDER = Comparator
            .comparing(Evaluation::kind)
            .thenComparing(Evaluation::code)
            .thenComparing(e -> e.criterion().title())
            .thenComparing(Evaluation::message);

    private final RuleRunner runner;
    private final Parameters parameters;
    /** The requirements, grounds and combined conditions of the jurisdiction's table, declared once per rule base. */
    private final List<Object> declared;
    private final EligibilityTerms terms;
    /** The table's requirements and grounds, shown first in every decision's trace (as the rules they are). */
    private final List<FiredRule> declarations;

    public EligibilityRules(RuleRunner runner, Parameters parameters) {
        this(runner, parameters, null);
    }

    /**
     * @param table what the jurisdiction's eligibility table declares (null: its rule files declare the requirements
     *              and grounds themselves)
     */
    public EligibilityRules(RuleRunner runner, Parameters parameters, EligibilityTable.@Nullable Compiled table) {
        this.runner = runner;
        this.parameters = parameters;
        List<Object> declared = new ArrayList<>();
        if (table != null) {
            declared.addAll(table.criteria());
            declared.addAll(table.combinations());
            declared.add(table.terms());
        }
        this.declared = List.copyOf(declared);
        this.terms = table == null ? EligibilityTerms.NONE : table.terms();
        this.declarations = table == null ? List.of()
                : table.criteria().stream().map(c -> new FiredRule(c.title(), c.code())).toList();
    }

    /** How many requirements and grounds the table declares (they lead every decision's trace). */
    public int declarations() {
        return declarations.size();
    }

    public EligibilityOutcome evaluate(TeacherProfile candidate, LocalDate asOf) {
        List<Object> input = ProfileFacts.of(candidate);
        input.add(new DecisionContext(asOf, parameters));
        input.addAll(declared);
        RuleRunner.Run run = runner.run(input);
        List<EligibilityVerdict> verdicts = run.all(EligibilityVerdict.class);
        if (verdicts.size() != 1) {
            throw new RuleEvaluationException("Правила вынесли " + verdicts.size()
                    + " решений вместо одного: " + verdicts.stream().map(v -> v.verdict().name()).toList());
        }
        EligibilityVerdict verdict = verdicts.get(0);
        List<Evaluation> evaluations = run.all(Evaluation.class).stream().sorted(REASON_ORDER).toList();
        requireConsistent(evaluations);
        List<String> grounds = evaluations.stream()
                .filter(e -> e.kind() == CriterionKind.GROUND && e.status() == ReasonStatus.MET)
                .map(Evaluation::code)
                .distinct()
                .sorted()
                .toList();
        List<Reason> reasons = evaluations.stream().map(Evaluation::toReason).toList();
        List<Fact> facts = run.all(Fact.class).stream()
                .map(this::cited)
                .sorted(Comparator.comparing(Fact::name).thenComparing(Fact::status).thenComparing(Fact::message)).toList();
        List<FiredRule> trace = run.trace();
        if (!declarations.isEmpty()) {
            trace = new ArrayList<>(declarations);
            trace.addAll(run.trace());
        }
        return new EligibilityOutcome(verdict.verdict(), grounds, reasons, verdict.missing(), facts, trace);
    }

    /** A shared fact cited under the clause of the jurisdiction's regulation its table names for it. */
    private Fact cited(Fact fact) {
        String clause = terms.clauseOf(fact.name());
        return clause == null || clause.equals(fact.clause()) ? fact
                : new Fact(fact.name(), fact.status(), fact.value(), fact.message(), fact.missing(), fact.rule(), clause);
    }

    /** Two rules deriving one fact both YES and NO is a defect of the rule set, never a decision. */
    private static void requireConsistent(List<Evaluation> evaluations) {
        Map<Criterion, Set<ReasonStatus>> statuses = new HashMap<>();
        for (Evaluation evaluation : evaluations) {
            statuses.computeIfAbsent(evaluation.criterion(), c -> EnumSet.noneOf(ReasonStatus.class)).add(evaluation.status());
        }
        statuses.forEach((criterion, found) -> {
            if (found.size() > 1) {
                throw new RuleEvaluationException("Признак «" + criterion.fact() + "» выведен противоречиво: " + found
                        + " — проверьте правила, которые его выводят");
            }
        });
    }
}
