package ru.edu.decisions.rules.eligibility;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
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
    private static final Comparator<Criterion> CRITERION_ORDER = Comparator
            .comparing(Criterion::kind)
            .thenComparing(Criterion::code)
            .thenComparing(Criterion::title);
    private static final Comparator<Fact> FACT_ORDER = (a, b) -> {
        int byName = a.name().compareTo(b.name());
        if (byName != 0) {
            return byName;
        }
        int byStatus = a.status().compareTo(b.status());
        return byStatus != 0 ? byStatus : a.message().compareTo(b.message());
    };

    private final RuleRunner runner;
    private final Parameters parameters;
    /** The requirements, grounds and combined conditions of the jurisdiction's table, declared once per rule base. */
    private final List<Object> declared;
    private final EligibilityTerms terms;
    /** The table's requirements and grounds, shown first in every decision's trace (as the rules they are). */
    private final List<FiredRule> declarations;
    /**
     * Each of the table's criteria (the very objects every decision is given) ranked by kind, code and title, as the
     * reasons are ordered: criteria equal in all three share a rank.
     */
    private final Map<Criterion, Integer> ranks;
    /** The clause each shared fact is cited under, by the fact's name (interned: the rules' names are literals). */
    private final Map<String, String> clauses;

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
        Map<Criterion, Integer> ranks = new IdentityHashMap<>();
        if (table != null) {
            List<Criterion> sorted = new ArrayList<>(table.criteria());
            sorted.sort(CRITERION_ORDER);
            int rank = 0;
            for (int i = 0; i < sorted.size(); i++) {
                if (i > 0 && CRITERION_ORDER.compare(sorted.get(i - 1), sorted.get(i)) != 0) {
                    rank++;
                }
                ranks.put(sorted.get(i), rank);
            }
        }
        this.ranks = ranks;
        Map<String, String> clauses = new HashMap<>();
        terms.clauses().forEach((fact, clause) -> clauses.put(fact.intern(), clause));
        this.clauses = clauses;
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
        List<EligibilityVerdict> verdicts = new ArrayList<>(1);
        List<Evaluation> evaluations = new ArrayList<>();
        List<Fact> facts = new ArrayList<>();
        for (Object object : run.objects()) {
            if (object instanceof Fact fact) {
                facts.add(cited(fact));
            } else if (object instanceof Evaluation evaluation) {
                evaluations.add(evaluation);
            } else if (object instanceof EligibilityVerdict verdict) {
                verdicts.add(verdict);
            }
        }
        if (verdicts.size() != 1) {
            throw new RuleEvaluationException("Правила вынесли " + verdicts.size()
                    + " решений вместо одного: " + verdicts.stream().map(v -> v.verdict().name()).toList());
        }
        EligibilityVerdict verdict = verdicts.get(0);
        evaluations.sort(reasonOrder(evaluations));
        requireConsistent(evaluations);
        List<String> grounds = new ArrayList<>();
        List<Reason> reasons = new ArrayList<>(evaluations.size());
        for (Evaluation evaluation : evaluations) {
            if (evaluation.kind() == CriterionKind.GROUND && evaluation.status() == ReasonStatus.MET
                    && !grounds.contains(evaluation.code())) {
                grounds.add(evaluation.code());
            }
            reasons.add(evaluation.toReason());
        }
        grounds.sort(Comparator.naturalOrder());
        facts.sort(FACT_ORDER);
        List<FiredRule> trace = run.trace();
        if (!declarations.isEmpty()) {
            trace = new ArrayList<>(declarations.size() + run.trace().size());
            trace.addAll(declarations);
            trace.addAll(run.trace());
        }
        return new EligibilityOutcome(verdict.verdict(), Collections.unmodifiableList(grounds),
                Collections.unmodifiableList(reasons), verdict.missing(), Collections.unmodifiableList(facts),
                Collections.unmodifiableList(trace));
    }

    /**
     * {@link #REASON_ORDER}, by the rank of each evaluation's criterion among the table's (its kind, code and title
     * ranked once per rule base) and then the message; the full comparison when a criterion is not the table's.
     */
    private Comparator<Evaluation> reasonOrder(List<Evaluation> evaluations) {
        for (Evaluation evaluation : evaluations) {
            if (!ranks.containsKey(evaluation.criterion())) {
                return REASON_ORDER;
            }
        }
        return (a, b) -> {
            int byCriterion = Integer.compare(ranks.get(a.criterion()), ranks.get(b.criterion()));
            return byCriterion != 0 ? byCriterion : a.message().compareTo(b.message());
        };
    }

    /** A shared fact cited under the clause of the jurisdiction's regulation its table names for it. */
    private Fact cited(Fact fact) {
        String clause = clauses.get(fact.name());
        return clause == null || clause.equals(fact.clause()) ? fact
                : new Fact(fact.name(), fact.status(), fact.value(), fact.message(), fact.missing(), fact.rule(), clause);
    }

    /** Two rules deriving one fact both YES and NO is a defect of the rule set, never a decision. */
    private static void requireConsistent(List<Evaluation> evaluations) {
        boolean consistent = true;
        for (int i = 0; i < evaluations.size() && consistent; i++) {
            for (int j = i + 1; j < evaluations.size() && consistent; j++) {
                consistent = evaluations.get(i).status() == evaluations.get(j).status()
                        || !evaluations.get(i).criterion().equals(evaluations.get(j).criterion());
            }
        }
        if (consistent) {
            return;
        }
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
