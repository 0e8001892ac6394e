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

    RuleRunner(KieBase base) {
        this.base = base;
        this.pool = base.newKieSessionsPool(Runtime.getRuntime().availableProcessors());
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
        TraceListener trace = new TraceListener();
        session.addEventListener(trace);
        try {
            facts.forEach(session::insert);
            int fired = session.fireAllRules(MAX_FIRINGS);
            if (fired >= MAX_FIRINGS) {
                throw new RuleEvaluationException("Правила сработали более " + MAX_FIRINGS
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

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            fired.add(new FiredRule(event.getMatch().getRule().getName(), RuleFunctions.clauseOf(event.getMatch().getRule())));
        }
    }
}
