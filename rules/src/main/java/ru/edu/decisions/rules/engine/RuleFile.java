package ru.edu.decisions.rules.engine;

import java.nio.charset.StandardCharsets;

/** One file of the rule base, by its path relative to the rule base root (e.g. {@code ust-ishim/eligibility.drl}). */
public record RuleFile(String path, byte[] content) {

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    /** The file name without folders. */
    public String name() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
