package ru.edu.decisions.service.eligibility;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/eligibility/batch}. Candidates are read one by one, so one malformed candidate gets an error
 * of its own and does not fail the batch.
 */
record EligibilityBatchRequest(
        @NotBlank @Size(max = 64) String jurisdiction,
        @Nullable LocalDate asOf,
        @NotNull List<JsonNode> candidates) {
}
