package ru.edu.decisions.rules.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drools.core.impl.InternalRuleBase;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
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
    /**
     * The base is immutable (see {@link DecisionType#immutableBase()}): Drools drops a fact no pattern can match from
     * working memory, so what a run leaves is read from the inserts and deletes seen during the run instead.
     */
    private final boolean immutable;
    /**
     * Each rule's trace entry, built once: its name and {@code @clause}. Null for a rule whose clause is a manifest
     * parameter ({@link RuleFunctions#FROM_MANIFEST}), which is resolved from the facts it fired with.
     */
    private final Map<Rule, FiredRule> entries;
    /**
     * The rules of the shared fact layer ({@link FactLayer}): they derive facts the kind's rules use, and a decision's
     * trace names the kind's rule that used the fact (with its clause), not the derivation, so they are not traced.
     */
    private final Set<Rule> untraced;

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
        this.immutable = base instanceof InternalRuleBase internal && !internal.getKieBaseConfiguration().isMutabilityEnabled();
        Map<Rule, FiredRule> entries = new IdentityHashMap<>();
        Set<Rule> untraced = Collections.newSetFromMap(new IdentityHashMap<>());
        for (KiePackage kiePackage : base.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                if (FactLayer.PACKAGE.equals(kiePackage.getName())) {
                    untraced.add(rule);
                }
                String clause = RuleFunctions.clauseOf(rule);
                entries.put(rule, clause != null && clause.startsWith(RuleFunctions.FROM_MANIFEST) ? null
                        : new FiredRule(rule.getName(), clause));
            }
        }
        this.entries = entries;
        this.untraced = untraced;
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
        TraceListener trace = new TraceListener(everyFiring, entries, untraced);
        session.addEventListener(trace);
        WorkingMemory memory = immutable ? new WorkingMemory() : null;
        if (memory != null) {
            session.addEventListener(memory);
        }
        try {
            for (Object fact : facts) {
                session.insert(fact);
            }
            int fired = session.fireAllRules(maxFirings);
            if (fired >= maxFirings) {
                throw new RuleEvaluationException("Правила сработали более " + maxFirings
                        + " раз и были остановлены: вероятно, они зациклились");
            }
            return new Run(memory != null ? memory.objects() : new ArrayList<>(session.getObjects()), trace.fired);
        } catch (RuleEvaluationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw RuleEvaluationException.from(e);
        } finally {
            session.removeEventListener(trace);
            if (memory != null) {
                session.removeEventListener(memory);
            }
            session.dispose();
        }
    }

    /** The objects in working memory as the inserts, updates and deletes of a run leave them, in insertion order. */
    private static final class WorkingMemory implements RuleRuntimeEventListener {
        private final List<Object> inserted = new ArrayList<>();
        private int deleted;

        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            inserted.add(event.getObject());
        }

        @Override
        public void objectUpdated(ObjectUpdatedEvent event) {
            if (event.getOldObject() != event.getObject()) {
                remove(event.getOldObject());
                inserted.add(event.getObject());
            }
        }

        @Override
        public void objectDeleted(ObjectDeletedEvent event) {
            remove(event.getOldObject());
        }

        private void remove(Object object) {
            for (int i = inserted.size() - 1; i >= 0; i--) {
                if (inserted.get(i) == object) {
                    inserted.set(i, null);
                    deleted++;
                    return;
                }
            }
        }

        List<Object> objects() {
            if (deleted == 0) {
                return inserted;
            }
            List<Object> present = new ArrayList<>(inserted.size() - deleted);
            for (Object object : inserted) {
                if (object != null) {
                    present.add(object);
                }
            }
            return present;
        }
    }

    private static final class TraceListener extends DefaultAgendaEventListener {
        private final List<FiredRule> fired = new ArrayList<>();
        private final boolean everyFiring;
        private final Map<Rule, FiredRule> entries;
        private final Set<Rule> untraced;
        private final Set<Rule> seen = Collections.newSetFromMap(new IdentityHashMap<>());

        TraceListener(boolean everyFiring, Map<Rule, FiredRule> entries, Set<Rule> untraced) {
            this.everyFiring = everyFiring;
            this.entries = entries;
            this.untraced = untraced;
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            Rule rule = event.getMatch().getRule();
            if (untraced.contains(rule)) {
                return;
            }
            if (everyFiring || seen.add(rule)) {
                FiredRule entry = entries.get(rule);
                fired.add(entry != null ? entry
                        : new FiredRule(rule.getName(), RuleFunctions.clauseOf(rule, event.getMatch().getObjects())));
            }
        }
    }
}
