package ru.edu.decisions.rules.dsl;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

/**
 * Functions the rule files call (imported with {@code import static ru.edu.decisions.rules.dsl.RuleFunctions.*}).
 * They only build facts; which fact holds is decided by the rules. The clause of a fact or criterion is always the
 * {@code @clause} metadata of the rule that created it, so no clause text lives in Java.
 */
public final class RuleFunctions {

    private static final Map<Class<?>, Map<String, RecordComponent>> COMPONENTS = new ConcurrentHashMap<>();

    private RuleFunctions() {
    }

    /** The fact {@code name} holds; {@code message} quotes the data it was derived from. */
    public static Fact yes(Object drools, String name, String message) {
        return fact(drools, name, Tri.YES, null, message, List.of());
    }

    /** A valued fact that is known (e.g. years of experience). */
    public static Fact value(Object drools, String name, Object value, String message) {
        return fact(drools, name, Tri.YES, value, message, List.of());
    }

    /** The fact {@code name} does not hold. */
    public static Fact no(Object drools, String name, String message) {
        return fact(drools, name, Tri.NO, null, message, List.of());
    }

    /** Whether {@code name} holds cannot be told: the fields at {@code missing} (JSON paths) are absent. */
    public static Fact unknown(Object drools, String name, String message, Collection<String> missing) {
        return fact(drools, name, Tri.UNKNOWN, null, message, List.copyOf(missing));
    }

    public static Fact unknown(Object drools, String name, String message, String missing) {
        return unknown(drools, name, message, List.of(missing));
    }

    /** A mandatory requirement of the regulation: met when the named fact holds. */
    public static Criterion requirement(Object drools, String fact) {
        return criterion(drools, CriterionKind.REQUIREMENT, fact);
    }

    /** An inclusion ground of the regulation: met when the named fact holds. */
    public static Criterion ground(Object drools, String fact) {
        return criterion(drools, CriterionKind.GROUND, fact);
    }

    /** A fact that holds when all the named parts hold (see {@link AllOf}). */
    public static AllOf allOf(Object drools, String name, String... parts) {
        return new AllOf(name, List.of(parts), context(drools).getRule().getName(), clauseOf(drools));
    }

    /** The name of the rule that is firing. */
    public static String ruleNameOf(Object drools) {
        return context(drools).getRule().getName();
    }

    /** The clause ({@code @clause} metadata) of the rule that is firing. */
    public static @Nullable String clauseOf(Object drools) {
        RuleContext context = context(drools);
        String clause = clauseOf(context.getRule());
        return clause != null && clause.startsWith(FROM_MANIFEST) ? fromManifest(clause, context.getMatch().getObjects()) : clause;
    }

    /**
     * Prefix of the clause of a rule shared by every jurisdiction ({@code rules/common}) that each jurisdiction cites
     * by its own regulation: {@code @clause("manifest:deficitClause")} — the clause is the value of the manifest's
     * parameter {@code deficitClause}. Such a rule matches the {@link DecisionContext}, which carries the parameters.
     */
    public static final String FROM_MANIFEST = "manifest:";

    /** The clause of a rule that fired with {@code matched} facts: its metadata, or the manifest's parameter it names. */
    public static @Nullable String clauseOf(Rule rule, List<?> matched) {
        String clause = clauseOf(rule);
        return clause != null && clause.startsWith(FROM_MANIFEST) ? fromManifest(clause, matched) : clause;
    }

    private static String fromManifest(String clause, List<?> matched) {
        String parameter = clause.substring(FROM_MANIFEST.length());
        for (Object fact : matched) {
            if (fact instanceof DecisionContext context) {
                return context.params().stringValue(parameter);
            }
        }
        throw new IllegalStateException("Правило берёт пункт Положения из параметра «" + parameter
                + "» manifest.yaml, но не сопоставляет DecisionContext");
    }

    /**
     * The rule context behind the {@code drools} variable of a consequence: the executable model passes a
     * {@code org.drools.model.Drools} that is also a {@link RuleContext} at run time.
     */
    private static RuleContext context(Object drools) {
        if (drools instanceof RuleContext context) {
            return context;
        }
        if (drools instanceof org.drools.model.Drools model) {
            return model.getContext(RuleContext.class);
        }
        throw new IllegalArgumentException("Ожидался контекст правила (drools), получено: " + drools);
    }

    public static @Nullable String clauseOf(Rule rule) {
        Object raw = rule.getMetaData().get("clause");
        if (raw == null) {
            return null;
        }
        String clause = raw.toString();
        int last = clause.length() - 1;
        return last > 0 && clause.charAt(0) == '"' && clause.charAt(last) == '"' ? clause.substring(1, last) : clause;
    }

    /**
     * JSON paths of the absent fields among {@code fields} of the given list entries, e.g.
     * {@code memberships[1].level}: what an unknown fact needs to become known.
     */
    public static List<String> absentFields(String listPath, List<?> list, Collection<?> entries, String... fields) {
        List<String> paths = new ArrayList<>();
        for (Object entry : entries) {
            int index = indexOf(list, entry);
            for (String field : fields) {
                if (component(entry, field) == null) {
                    paths.add(listPath + "[" + index + "]." + field);
                }
            }
        }
        return paths;
    }

    private static int indexOf(List<?> list, Object entry) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == entry) {
                return i;
            }
        }
        return list.indexOf(entry);
    }

    private static @Nullable Object component(Object record, String field) {
        RecordComponent component = COMPONENTS.computeIfAbsent(record.getClass(), RuleFunctions::componentsOf).get(field);
        if (component == null) {
            throw new IllegalArgumentException("Нет поля «" + field + "» у " + record.getClass().getSimpleName());
        }
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, RecordComponent> componentsOf(Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getSimpleName() + " is not a record");
        }
        Map<String, RecordComponent> byName = new ConcurrentHashMap<>();
        Arrays.stream(type.getRecordComponents()).forEach(c -> byName.put(c.getName(), c));
        return byName;
    }

    private static Fact fact(Object drools, String name, Tri status, @Nullable Object value, String message,
                             List<String> missing) {
        return new Fact(name, status, value, message, missing, context(drools).getRule().getName(), clauseOf(drools));
    }

    private static Criterion criterion(Object drools, CriterionKind kind, String fact) {
        String code = clauseOf(drools);
        if (code == null) {
            throw new IllegalStateException("Правило «" + context(drools).getRule().getName() + "» объявляет требование без @clause");
        }
        return new Criterion(kind, code, context(drools).getRule().getName(), fact);
    }
}
