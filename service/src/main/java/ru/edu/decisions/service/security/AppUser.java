package ru.edu.decisions.service.security;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A person who signs in. The password is kept only as a BCrypt hash; a user who signed in through OpenID Connect is
 * bound to the identity provider's account ({@code oidcIssuer} + {@code oidcSubject}) from the first time on. A
 * password someone else chose (a generated first-administrator password, a reset in the workspace) is one-time:
 * {@code passwordChangeRequired} until the person sets their own.
 */
@Table
public record AppUser(
        @Id UUID id,
        @Version @Nullable Long version,
        String username,
        @Nullable String passwordHash,
        String roles,
        String jurisdictions,
        boolean enabled,
        Instant createdAt,
        @Nullable String createdBy,
        Instant updatedAt,
        @Nullable String oidcIssuer,
        @Nullable String oidcSubject,
        boolean passwordChangeRequired) {

    public Set<Role> roleSet() {
        return Lists.enums(roles, Role.class);
    }

    public Set<String> jurisdictionSet() {
        return Lists.strings(jurisdictions);
    }

    /**
     * What the user may do now. {@code ADMIN} counts only together with every jurisdiction ({@code *}): an
     * administrator manages users, keys and the access log of all jurisdictions, so a record stored with ADMIN for
     * fewer jurisdictions (possible only before this rule) grants nothing of it.
     */
    public Actor actor() {
        Set<Role> granted = roleSet();
        Set<String> scope = jurisdictionSet();
        if (!scope.contains(Actor.ALL_JURISDICTIONS)) {
            granted.remove(Role.ADMIN);
        }
        return new Actor(username, Actor.Kind.USER, granted, scope, Set.of());
    }

    AppUser withAccess(Set<Role> newRoles, Set<String> newJurisdictions, boolean isEnabled, Instant now) {
        return new AppUser(id, version, username, passwordHash, Lists.join(newRoles), Lists.join(newJurisdictions), isEnabled,
                createdAt, createdBy, now, oidcIssuer, oidcSubject, passwordChangeRequired);
    }

    /** A new password; {@code oneTime}: chosen by someone else, so the person must replace it at the next sign-in. */
    AppUser withPasswordHash(String hash, boolean oneTime, Instant now) {
        return new AppUser(id, version, username, hash, roles, jurisdictions, enabled, createdAt, createdBy, now,
                oidcIssuer, oidcSubject, oneTime);
    }
}
