package ru.edu.decisions.rules.engine;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * The shared fact layer: the DRL files of {@code common/} whose names start with no decision kind's prefix (e.g.
 * {@code common/teacher-facts.drl}) declare {@code package facts;} and are compiled into the rule base of EVERY decision
 * kind, next to the kind's own package. They derive facts every kind uses (e.g. {@code YoungSpecialist} from the
 * {@code Person} each kind's glue inserts), so a definition lives in one place; they never decide. A decision's trace
 * names the kind's rules that used a derived fact (with their clauses), not the derivation itself: {@link RuleRunner}
 * does not trace the layer's rules, so adding a derived fact to the layer leaves every trace as it was.
 * The layer's files are part of each jurisdiction's digest, compiled-module key and rule-set version like any file.
 */
public final class FactLayer {

    /** The DRL package of the shared fact layer. */
    public static final String PACKAGE = "facts";

    private FactLayer() {
    }

    /** Whether a {@code common/} file belongs to the shared fact layer: a DRL file of no decision kind. */
    public static boolean isShared(RuleFile file) {
        return file.name().endsWith(".drl") && DecisionTypes.ofFile(file.name()) == null;
    }

    /**
     * The fact types the layer derives (in {@code ru.edu.decisions.rules.dsl}): a kind's rule that matches one in a rule
     * base without the layer would silently never fire, so such a rule base is refused (see {@link #missingLayer}).
     */
    static final List<String> DERIVED = List.of("YoungSpecialist");

    /** The first derived fact type a rule file matches (comments and strings aside), or null. */
    static @Nullable String derivedTypeUsed(RuleFile file) {
        String code = RuleFilePolicy.codeOnly(file.text());
        return DERIVED.stream().filter(type -> java.util.regex.Pattern.compile("\\b" + type + "\\s*\\(").matcher(code).find())
                .findFirst().orElse(null);
    }

    /**
     * Problems of compiled files that use a derived fact while the rule base has no shared layer (no DRL file of
     * {@code common/} without a kind's prefix): nothing would derive the fact.
     */
    static List<CompileProblem> missingLayer(List<RuleFile> compiled, java.util.function.Predicate<RuleFile> shared) {
        if (compiled.stream().anyMatch(shared)) {
            return List.of();
        }
        List<CompileProblem> problems = new java.util.ArrayList<>();
        for (RuleFile file : compiled) {
            String type = derivedTypeUsed(file);
            if (type != null) {
                problems.add(new CompileProblem(file.path(), null, null, "Правила используют факт " + type
                        + " из общих сведений о педагоге, но в rules/common нет файла общих сведений (например, "
                        + "teacher-facts.drl, пакет " + PACKAGE + ") — этот факт никто не выведет"));
            }
        }
        return problems;
    }

    /** The names of the layer's rules in a kind's rule base (none when the rule base has no shared files). */
    static Set<String> ruleNames(KieBase base) {
        KiePackage facts = base.getKiePackage(PACKAGE);
        return facts == null ? Set.of() : facts.getRules().stream().map(Rule::getName).collect(Collectors.toUnmodifiableSet());
    }

    /** A rule of a kind's own package named like a rule of the layer (its firings would vanish from the trace), or null. */
    static @Nullable String clash(KieBase base, String kindPackage) {
        Set<String> shared = ruleNames(base);
        KiePackage own = base.getKiePackage(kindPackage);
        if (shared.isEmpty() || own == null) {
            return null;
        }
        return own.getRules().stream().map(Rule::getName).filter(shared::contains).findFirst().orElse(null);
    }
}
