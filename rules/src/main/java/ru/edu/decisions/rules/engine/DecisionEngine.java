package ru.edu.decisions.rules.engine;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the active rule base and replaces it atomically. A request reads {@link #current()} once and decides with
 * that snapshot to the end, so a reload never changes the rules under a request in flight; a reload that does not
 * compile leaves the active rules in place and reports its problems.
 */
public final class DecisionEngine {

    private static final Logger log = LoggerFactory.getLogger(DecisionEngine.class);

    private final RuleSetCompiler compiler;
    private final AtomicReference<RuleBase> active = new AtomicReference<>();

    /** Compiles {@code source}; a rule base that does not compile stops the start with its problems. */
    public DecisionEngine(RuleSetCompiler compiler, RuleBaseSource source) {
        this.compiler = compiler;
        this.active.set(compiler.compile(source));
    }

    /** Starts with a rule base compiled (and checked) by the caller. */
    public DecisionEngine(RuleSetCompiler compiler, RuleBase compiled) {
        this.compiler = compiler;
        this.active.set(Objects.requireNonNull(compiled));
    }

    /**
     * Builds a rule base with {@code build} (which compiles, e.g. every jurisdiction's rule sets in force) and, only if
     * it compiles and keeps every jurisdiction, makes it the active one.
     */
    public synchronized Reload reload(java.util.function.Supplier<RuleBase> build) {
        try {
            RuleBase compiled = build.get();
            List<CompileProblem> vanished = vanished(active.get(), compiled);
            if (!vanished.isEmpty()) {
                log.warn("Rule base reload from {} rejected, active rules kept: {}", compiled.location(), vanished);
                return new Reload(false, active.get(), vanished);
            }
            active.set(compiled);
            log.info("Rule base reloaded from {}: {}", compiled.location(), compiled.all().stream()
                    .map(j -> j.code() + " " + j.version()).toList());
            return new Reload(true, compiled, List.of());
        } catch (RuleBaseCompilationException e) {
            log.warn("Rule base reload rejected, active rules kept:\n{}", e.getMessage());
            return new Reload(false, active.get(), e.problems());
        }
    }

    public RuleBase current() {
        return active.get();
    }

    /** The outcome of a reload: the rules now active, and the problems that kept a new rule base out (if any). */
    public record Reload(boolean applied, RuleBase active, List<CompileProblem> problems) {
    }

    /** Compiles {@code source} and, only if it compiles, makes it the active rule base. */
    public synchronized Reload reload(RuleBaseSource source) {
        Objects.requireNonNull(source);
        try {
            RuleBase compiled = compiler.compile(source);
            List<CompileProblem> vanished = vanished(active.get(), compiled);
            if (!vanished.isEmpty()) {
                log.warn("Rule base reload from {} rejected, active rules kept: {}", source.location(), vanished);
                return new Reload(false, active.get(), vanished);
            }
            active.set(compiled);
            log.info("Rule base reloaded from {}: {}", source.location(), compiled.all().stream()
                    .map(j -> j.code() + " " + j.version()).toList());
            return new Reload(true, compiled, List.of());
        } catch (RuleBaseCompilationException e) {
            log.warn("Rule base reload from {} rejected, active rules kept:\n{}", source.location(), e.getMessage());
            return new Reload(false, active.get(), e.problems());
        }
    }

    /**
     * A reload never drops a jurisdiction: its candidates, registry and routes would lose their rules without anyone
     * deciding so. A jurisdiction whose folder or manifest went missing is a problem of the new rule base.
     */
    private static List<CompileProblem> vanished(RuleBase before, RuleBase after) {
        return before.all().stream()
                .map(JurisdictionRules::code)
                .filter(code -> after.jurisdiction(code).isEmpty())
                .map(code -> new CompileProblem(code + "/" + RuleBaseSource.MANIFEST, null, null,
                        "Территории «" + code + "» нет в новом наборе правил (нет папки или manifest.yaml), а в действующем она есть: "
                                + "перезагрузка не удаляет территории — верните папку"))
                .toList();
    }

    /** Compiles {@code source} without activating it: a check of an edit before it is published. */
    public List<CompileProblem> check(RuleBaseSource source) {
        try {
            compiler.compile(source);
            return List.of();
        } catch (RuleBaseCompilationException e) {
            return e.problems();
        }
    }
}
