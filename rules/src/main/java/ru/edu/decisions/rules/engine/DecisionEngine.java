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
            active.set(compiled);
            log.info("Rule base reloaded from {}: {}", source.location(), compiled.all().stream()
                    .map(j -> j.code() + " " + j.version()).toList());
            return new Reload(true, compiled, List.of());
        } catch (RuleBaseCompilationException e) {
            log.warn("Rule base reload from {} rejected, active rules kept:\n{}", source.location(), e.getMessage());
            return new Reload(false, active.get(), e.problems());
        }
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
