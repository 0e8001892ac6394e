package ru.edu.decisions.service.imports;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import ru.edu.decisions.model.eligibility.Verdict;

/** The answer of the candidate form import, as the contract defines it. */
public final class ImportViews {

    private ImportViews() {
    }

    public enum RowStatus { IMPORTED, REJECTED, DUPLICATE }

    /** A cell that could not be read: its address («C9»), the profile field and a Russian message. */
    public record CellProblem(@Nullable String cell, String field, String message) {
    }

    public record RowResult(int row, RowStatus status, @Nullable UUID candidateId, @Nullable Verdict verdict,
                            List<String> missing, List<CellProblem> problems) {
    }

    public record ImportResult(UUID importId, String jurisdiction, boolean dryRun, List<RowResult> rows) {
    }
}
