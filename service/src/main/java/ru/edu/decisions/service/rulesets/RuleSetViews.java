package ru.edu.decisions.service.rulesets;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import ru.edu.decisions.model.eligibility.Verdict;
import ru.edu.decisions.rules.engine.CompileProblem;

/** Request and response shapes of rule-set drafts and publications. */
public final class RuleSetViews {

    private RuleSetViews() {
    }

    /** A draft: the files that change (by name, e.g. {@code eligibility.drl}, {@code manifest.yaml}) and why. */
    public record NewDraft(@NotEmpty @Size(max = 20) Map<String, @Size(max = 2_000_000) String> files,
                           @Nullable @Size(max = 2000) String comment) {
    }

    /** A draft or published version. {@code files} holds the contents when one version is asked for. */
    public record Draft(UUID id, String jurisdiction, RuleSetVersion.Status status, List<String> fileNames,
                        @Nullable Map<String, String> files, @Nullable String comment, String author, Instant createdAt,
                        boolean compiles, List<CompileProblem> problems, @Nullable String approver,
                        @Nullable Instant publishedAt, @Nullable Instant rolledBackAt, @Nullable String rolledBackBy) {
    }

    /** The rule files in effect for a jurisdiction and the version they make. */
    public record Files(String jurisdiction, String version, Map<String, String> files) {
    }

    /** What publishing a draft would change for the stored candidates: verdicts before and after. */
    public record Simulation(String jurisdiction, String activeVersion, String draftVersion, int candidates, int changed,
                             Map<Verdict, Long> before, Map<Verdict, Long> after, List<Change> changes) {
    }

    public record Change(UUID candidateId, @Nullable Verdict before, Verdict after) {
    }
}
