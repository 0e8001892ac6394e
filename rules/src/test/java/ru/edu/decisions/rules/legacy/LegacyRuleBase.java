package ru.edu.decisions.rules.legacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import ru.edu.decisions.rules.engine.JurisdictionRules;
import ru.edu.decisions.rules.engine.RuleBaseSource;
import ru.edu.decisions.rules.engine.RuleSetCompiler;
import ru.edu.decisions.rules.engine.ShippedRuleBase;

/**
 * The route and mentoring rules as they were before the shared rules and the jurisdictions' tables: each
 * jurisdiction's own {@code routes.drl} and {@code mentoring.drl} (kept in {@code src/test/resources/legacy}) with the
 * current common catalogue matching rules, the shipped manifest and catalogue (and the mentoring rules that replaced Java: refusals, who needs a mentor, the priority order, why a teacher got no mentor). What the property tests compare against.
 */
final class LegacyRuleBase {

    private static final Path LEGACY = Path.of("src/test/resources/legacy");

    private LegacyRuleBase() {
    }

    static JurisdictionRules compile(Path dir, String jurisdiction) {
        try {
            Files.createDirectories(dir.resolve("common"));
            Files.createDirectories(dir.resolve(jurisdiction));
            // The catalogue matching was shared before too; the current one (which asks the catalogue fact rather than
            // matching activities inserted one by one) is compared in, the old one is kept for reference.
            Files.copy(Path.of("common/routes.drl"), dir.resolve("common/routes.drl"));
            // The choice and deferral rules replaced Java (the planner's tie-breaks), not a rule file: compared in too.
            Files.copy(Path.of("common/routes-choice.drl"), dir.resolve("common/routes-choice.drl"));
            // The refusal rules replaced Java, not a rule file: the old rules are compared with them in (see
            // SharedMentoringRulesAgreeWithLegacyTest, which checks their reasons against the old Java's).
            Files.copy(Path.of("common/mentoring-refusals.drl"), dir.resolve("common/mentoring-refusals.drl"));
            Files.copy(Path.of("common/mentoring-mentees.drl"), dir.resolve("common/mentoring-mentees.drl"));
            // So did the priority order of the classes and the reasons a teacher is left without a mentor (issue 12).
            Files.copy(Path.of("common/mentoring-priorities.drl"), dir.resolve("common/mentoring-priorities.drl"));
            Files.copy(Path.of("common/mentoring-unassigned.drl"), dir.resolve("common/mentoring-unassigned.drl"));
            for (String file : List.of("routes.drl", "mentoring.drl")) {
                Files.copy(LEGACY.resolve(jurisdiction).resolve(file), dir.resolve(jurisdiction).resolve(file));
            }
            for (String file : List.of("manifest.yaml", "catalogue.csv")) {
                Files.copy(Path.of(jurisdiction).resolve(file), dir.resolve(jurisdiction).resolve(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RuleSetCompiler(ShippedRuleBase.CLOCK).compile(RuleBaseSource.fromDirectory(dir))
                .jurisdiction(jurisdiction).orElseThrow();
    }
}
