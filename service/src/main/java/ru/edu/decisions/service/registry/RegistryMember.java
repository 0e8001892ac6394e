package ru.edu.decisions.service.registry;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A membership in the municipal registry of the methodological asset (Ust-Ishim 3.4.5): opened by an inclusion
 * based on an ELIGIBLE decision, closed by an exclusion with a reason; never deleted.
 */
@Table
public record RegistryMember(
        @Id UUID id,
        @Version @Nullable Long version,
        String jurisdiction,
        UUID teacherId,
        UUID candidateId,
        UUID basisDecisionId,
        @Nullable UUID activeTeacherId,
        Instant includedAt,
        @Nullable String includedBy,
        @Nullable Instant excludedAt,
        @Nullable String excludedBy,
        @Nullable String exclusionReason) {

    public boolean active() {
        return excludedAt == null;
    }

    public RegistryMember excluded(Instant at, @Nullable String by, String reason) {
        return new RegistryMember(id, version, jurisdiction, teacherId, candidateId, basisDecisionId, null, includedAt,
                includedBy, at, by, reason);
    }
}
