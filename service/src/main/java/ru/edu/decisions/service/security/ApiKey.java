package ru.edu.decisions.service.security;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A system's API key: a name, scopes, jurisdictions; only the SHA-256 of the secret is kept ({@code keyPrefix} is
 * the first 16 hex digits of it, to find the key by).
 */
@Table
public record ApiKey(
        @Id UUID id,
        @Version @Nullable Long version,
        String name,
        String keyPrefix,
        String secretHash,
        String scopes,
        String jurisdictions,
        Instant createdAt,
        @Nullable String createdBy,
        @Nullable Instant revokedAt,
        @Nullable String revokedBy,
        @Nullable Instant lastUsedAt) {

    public boolean active() {
        return revokedAt == null;
    }

    public Actor actor() {
        return new Actor(name, Actor.Kind.API_KEY, java.util.Set.of(Role.INTEGRATION), Lists.strings(jurisdictions),
                Lists.enums(scopes, ApiScope.class));
    }

    ApiKey revoked(Instant at, @Nullable String by) {
        return new ApiKey(id, version, name, keyPrefix, secretHash, scopes, jurisdictions, createdAt, createdBy, at, by, lastUsedAt);
    }
}
