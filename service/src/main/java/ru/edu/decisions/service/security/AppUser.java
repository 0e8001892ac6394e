package ru.edu.decisions.service.security;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A person who signs in. The password is kept only as a BCrypt hash. */
@Table
public record AppUser(
        @Id UUID id,
        @Version @Nullable Long version,
        String username,
        @Nullable String passwordHash,
        String roles,
        String jurisdictions,
        boolean enabled,
        int failedLogins,
        @Nullable Instant lockedUntil,
        Instant createdAt,
        @Nullable String createdBy,
        Instant updatedAt) {

    public Set<Role> roleSet() {
        return Lists.enums(roles, Role.class);
    }

    public Set<String> jurisdictionSet() {
        return Lists.strings(jurisdictions);
    }

    public Actor actor() {
        return new Actor(username, Actor.Kind.USER, roleSet(), jurisdictionSet(), Set.of());
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    AppUser withLogins(int failed, @Nullable Instant locked, Instant now) {
        return new AppUser(id, version, username, passwordHash, roles, jurisdictions, enabled, failed, locked, createdAt, createdBy, now);
    }

    AppUser withAccess(Set<Role> newRoles, Set<String> newJurisdictions, boolean isEnabled, Instant now) {
        return new AppUser(id, version, username, passwordHash, Lists.join(newRoles), Lists.join(newJurisdictions), isEnabled,
                failedLogins, lockedUntil, createdAt, createdBy, now);
    }

    AppUser withPasswordHash(String hash, Instant now) {
        return new AppUser(id, version, username, hash, roles, jurisdictions, enabled, 0, null, createdAt, createdBy, now);
    }
}
