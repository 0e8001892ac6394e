package ru.edu.decisions.rules.engine;

import java.util.List;
import java.util.stream.Collectors;

/** A rule base that does not compile; it never replaces working rules. */
public class RuleBaseCompilationException extends RuntimeException {

    private final transient List<CompileProblem> problems;

    public RuleBaseCompilationException(List<CompileProblem> problems) {
        super("Правила не скомпилированы:\n" + problems.stream().map(CompileProblem::describe).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<CompileProblem> problems() {
        return problems;
    }
}
