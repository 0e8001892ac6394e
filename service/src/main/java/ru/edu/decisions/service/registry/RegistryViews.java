package ru.edu.decisions.service.registry;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import ru.edu.decisions.model.Labelled;

/** Request and response shapes of the municipal registry. */
public final class RegistryViews {

    private RegistryViews() {
    }

    /** Include a candidate whose latest verdict is ELIGIBLE. */
    public record Inclusion(@NotNull UUID candidateId) {
    }

    /** Exclude a member, saying why. */
    public record Exclusion(@NotBlank @Size(max = 2000) String reason) {
    }

    /** Which memberships to list. */
    public enum Status implements Labelled {
        ACTIVE("действующие"), EXCLUDED("исключённые"), ALL("все");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** A registry membership with the member's name, place of work and subjects. */
    public record Member(
            UUID id,
            String jurisdiction,
            UUID teacherId,
            UUID candidateId,
            @Nullable String fullName,
            @Nullable String organization,
            List<String> subjects,
            UUID basisDecisionId,
            boolean active,
            Instant includedAt,
            @Nullable String includedBy,
            @Nullable Instant excludedAt,
            @Nullable String excludedBy,
            @Nullable String exclusionReason) {
    }
}
