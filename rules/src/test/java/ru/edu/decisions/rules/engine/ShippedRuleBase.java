package ru.edu.decisions.rules.engine;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The shipped rule base ({@code rules/<jurisdiction>/…}, the tests' working directory), compiled once through the real
 * compiler and shared by the tests of this module, which only read it.
 */
public final class ShippedRuleBase {

    /** The clock of the tests: the date every scenario table is written for. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);

    private static RuleBase compiled;

    private ShippedRuleBase() {
    }

    public static synchronized RuleBase get() {
        if (compiled == null) {
            compiled = new RuleSetCompiler(CLOCK).compile(RuleBaseSource.fromDirectory(Path.of(".")));
        }
        return compiled;
    }
}
