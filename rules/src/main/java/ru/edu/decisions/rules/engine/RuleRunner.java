package ru.edu.decisions.rules.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import ru.edu.decisions.model.FiredRule;
import ru.edu.decisions.rules.dsl.RuleFunctions;

/**
 * Runs one decision in a session taken from a pool and returned (disposed) afterwards: stateless and thread-safe,
 * since every call has a session of its own. Records which rules fired, for the decision's trace.
 */
public final class RuleRunner {

    /** More firings than this for one decision means the rules loop; the decision fails instead of hanging. */
    static final int MAX_FIRINGS = 100_000;

    private final KieBase base;
    private final KieSessionsPool pool;
    private final int maxFirings;
    private final boolean everyFiring;

    RuleRunner(KieBase base) {
        this(base, MAX_FIRINGS, true);
    }

    /**
     * @param maxFirings  more firings than this for one run means the rules loop
     * @param everyFiring record every firing in the trace, or — for runs with very many firings (mentoring over
     *                    thousands of pairs) — each rule that fired once, in the order it first fired
     */
    RuleRunner(KieBase base, int maxFirings, boolean everyFiring) {
        this.base = base;
        this.pool = base.newKieSessionsPool(Runtime.getRuntime().availableProcessors());
        this.maxFirings = maxFirings;
        this.everyFiring = everyFiring;
    }

    public KieBase base() {
        return base;
    }

    /** What a run leaves in working memory, and the rules that fired to get there. */
    public record Run(Collection<?> objects, List<FiredRule> trace) {

        public <T> List<T> all(Class<T> type) {
            List<T> found = new ArrayList<>();
            for (Object object : objects) {
                if (type.isInstance(object)) {
                    found.add(type.cast(object));
                }
            }
            return found;
        }
    }

    public Run run(Collection<?> facts) {
        KieSession session = pool.newKieSession();
        TraceListener trace = new TraceListener(everyFiring);
        session.addEventListener(trace);
        try {
            facts.forEach(session::insert);
            int fired = session.fireAllRules(maxFirings);
            if (fired >= maxFirings) {
                throw new RuleEvaluationException("Правила сработали более " + maxFirings
                        + " раз и были остановлены: вероятно, они зациклились");
            }
            return new Run(new ArrayList<>(session.getObjects()), trace.fired);
        } catch (RuleEvaluationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw RuleEvaluationException.from(e);
        } finally {
            session.removeEventListener(trace);
            session.dispose();
        }
    }

    private static final class TraceListener extends DefaultAgendaEventListener {
        private final List<FiredRule> fired = new ArrayList<>();
        private final boolean everyFiring;
        private final java.util.Set<org.kie.api.definition.rule.Rule> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

        TraceListener(boolean everyFiring) {
            this.everyFiring = everyFiring;
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            org.kie.api.definition.rule.Rule rule = event.getMatch().getRule();
            if (everyFiring || seen.add(rule)) {
                String clause = RuleFunctions.clauseOf(rule);
                if (clause != null && clause.startsWith(RuleFunctions.FROM_MANIFEST)) {
                    clause = RuleFunctions.clauseOf(rule, event.getMatch().getObjects());
                }
                fired.add(new FiredRule(rule.getName(), clause));
            }
        }
    }
}
