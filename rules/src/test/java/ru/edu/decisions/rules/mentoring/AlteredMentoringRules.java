package ru.edu.decisions.rules.mentoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import ru.edu.decisions.rules.engine.RuleBaseSource;
import ru.edu.decisions.rules.engine.RuleSetCompiler;
import ru.edu.decisions.rules.engine.ShippedRuleBase;

/**
 * The shipped mentoring rules of one jurisdiction (every {@code common/mentoring*.drl}, the shared fact layer
 * {@code common/teacher-facts.drl}, and its own
 * {@code mentoring.drl} and manifest) with some rule files changed or left out, compiled through the real compiler: to
 * show that a policy lives in the rules, change the rule and watch the decision change.
 */
final class AlteredMentoringRules {

    private AlteredMentoringRules() {
    }

    /**
     * @param edits   rule file (e.g. {@code common/mentoring-unassigned.drl}) → text to replace → replacement; each
     *                text must be in the file
     * @param omitted rule files left out
     */
    static MentoringRules compile(Path dir, String jurisdiction, Map<String, Map<String, String>> edits, List<String> omitted) {
        try {
            Files.createDirectories(dir.resolve("common"));
            Files.createDirectories(dir.resolve(jurisdiction));
            try (Stream<Path> common = Files.list(Path.of("common"))) {
                for (Path file : common.filter(f -> f.getFileName().toString().startsWith("mentoring")
                        || f.getFileName().toString().equals("teacher-facts.drl")).toList()) {
                    copy(file, dir.resolve("common").resolve(file.getFileName()), "common/" + file.getFileName(), edits, omitted);
                }
            }
            for (String file : List.of("mentoring.drl", "manifest.yaml")) {
                copy(Path.of(jurisdiction, file), dir.resolve(jurisdiction).resolve(file), jurisdiction + "/" + file, edits, omitted);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RuleSetCompiler(ShippedRuleBase.CLOCK).compile(RuleBaseSource.fromDirectory(dir)).jurisdiction(jurisdiction)
                .orElseThrow().decision(MentoringRules.class).orElseThrow();
    }

    private static void copy(Path from, Path to, String name, Map<String, Map<String, String>> edits, List<String> omitted)
            throws IOException {
        if (omitted.contains(name)) {
            return;
        }
        String text = Files.readString(from);
        for (Map.Entry<String, String> edit : edits.getOrDefault(name, Map.of()).entrySet()) {
            if (!text.contains(edit.getKey())) {
                throw new IllegalArgumentException(name + " has no «" + edit.getKey() + "»");
            }
            text = text.replace(edit.getKey(), edit.getValue());
        }
        Files.writeString(to, text);
    }
}
