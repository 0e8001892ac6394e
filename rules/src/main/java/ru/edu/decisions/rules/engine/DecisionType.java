package ru.edu.decisions.rules.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.kie.api.KieBase;
import ru.edu.decisions.model.DecisionKind;
import ru.edu.decisions.rules.dsl.Parameters;

/**
 * One kind of decision the rule base makes (eligibility, routes, mentoring…): everything the engine needs to know of
 * it, in one place. A kind's package implements this interface and is listed once in
 * {@code META-INF/services/ru.edu.decisions.rules.engine.DecisionType}; the engine finds the kinds there
 * ({@link DecisionTypes}) and never names a kind's classes, so the kinds depend on the engine and not the reverse.
 * Adding a kind is this implementation and that one line (plus its constant in the contract's {@link DecisionKind}).
 *
 * @param <R> the kind's compiled rules, what a request decides with (e.g. {@code EligibilityRules})
 */
public interface DecisionType<R> {

    /** The decision, as the contract and the decision log name it. */
    DecisionKind kind();

    /** The type of the kind's compiled rules, by which {@link JurisdictionRules#decision(Class)} finds them. */
    Class<R> rulesType();

    /** The file-name prefix of the kind's rule files and their DRL package (e.g. {@code eligibility}). */
    default String prefix() {
        return kind().name().toLowerCase(Locale.ROOT);
    }

    /** More firings than this for one decision means the rules loop. */
    default int maxFirings() {
        return RuleRunner.MAX_FIRINGS;
    }

    /** Record every firing in the trace (true), or each rule once, in the order it first fired (runs with very many firings). */
    default boolean everyFiring() {
        return true;
    }

    /**
     * Compile the kind's rule base immutable (Drools' {@code KieBaseMutabilityOption.DISABLED}): its sessions keep their
     * facts in one identity map instead of a store per class, which is faster, but drop from working memory at once
     * any fact no rule's pattern can match; {@link RuleRunner} then reads what a run leaves from the inserts and
     * deletes it saw, in insertion order (a mutable base: from working memory, in Drools' order).
     */
    default boolean immutableBase() {
        return false;
    }

    /**
     * The kind's decision tables in a jurisdiction folder turned into rules: none by default. Problems (a cell that
     * cannot be read) are added to {@code problems}, located by file, sheet, row and column.
     */
    default @Nullable Tables readTables(String jurisdiction, List<RuleFile> files, List<RuleFile> common, List<CompileProblem> problems) {
        return null;
    }

    /**
     * The kind's rules over its compiled rule base, or null with the problems that keep them from being built (e.g. a
     * file the kind needs is missing from the folder).
     */
    @Nullable R rules(Build build, List<CompileProblem> problems);

    /** Decides the kind's sample input with freshly compiled rules; what throws is a defect of the rule set. */
    void trySamples(R rules, LocalDate today);

    /** The Russian words before the failure of {@link #trySamples}, e.g. «Пробное решение по образцу кандидата не получилось: ». */
    String samplesFailed();

    /** What the engine compiled for the kind in one jurisdiction. */
    record Build(String jurisdiction, KieBase base, RuleRunner runner, Parameters parameters, List<RuleFile> files,
                 @Nullable Tables tables) {
    }

    /**
     * Rules generated from a jurisdiction's tables: the generated rule files (compiled and checked like any rule file),
     * what the tables declare for the kind's rules ({@code declarations}, built once per rule base), the shared sources
     * they were generated with (part of the rule set's version), and how a problem in a generated file is told in the
     * table's terms (file, sheet, row, column).
     */
    record Tables(List<RuleFile> generated, Object declarations, List<RuleFile> sources, UnaryOperator<CompileProblem> locate) {
    }
}
