package ru.edu.decisions.service.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Request and response shapes of user and key administration. Secrets never appear in a response, except once. */
final class AdminViews {

    private AdminViews() {
    }

    record NewUser(
            @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "латинские буквы, цифры и . _ @ -") String username,
            @Nullable @Size(max = 200) String password,
            @NotEmpty Set<@NotNull Role> roles,
            @NotEmpty Set<@NotBlank @Size(max = 64) String> jurisdictions) {
    }

    record UserAccess(@NotEmpty Set<@NotNull Role> roles, @NotEmpty Set<@NotBlank @Size(max = 64) String> jurisdictions,
                      boolean enabled) {
    }

    record NewPassword(@NotBlank @Size(max = 200) String password) {
    }

    record User(UUID id, String username, List<Role> roles, List<String> jurisdictions, boolean enabled,
                boolean passwordSet, @Nullable Instant lockedUntil, Instant createdAt, @Nullable String createdBy,
                boolean oidcBound) {
        static User of(AppUser u, @Nullable Instant lockedUntil) {
            return new User(u.id(), u.username(), u.roleSet().stream().sorted().toList(),
                    u.jurisdictionSet().stream().sorted().toList(), u.enabled(), u.passwordHash() != null,
                    lockedUntil, u.createdAt(), u.createdBy(), u.oidcSubject() != null);
        }
    }

    record NewApiKey(@NotBlank @Size(max = 200) String name, @NotEmpty Set<@NotNull ApiScope> scopes,
                     @NotEmpty Set<@NotBlank @Size(max = 64) String> jurisdictions) {
    }

    record Key(UUID id, String name, List<ApiScope> scopes, List<String> jurisdictions, boolean active,
               Instant createdAt, @Nullable String createdBy, @Nullable Instant revokedAt, @Nullable String revokedBy,
               @Nullable Instant lastUsedAt) {
        static Key of(ApiKey k) {
            Actor actor = k.actor();
            return new Key(k.id(), k.name(), actor.scopes().stream().sorted().toList(),
                    actor.jurisdictions().stream().sorted().toList(), k.active(), k.createdAt(), k.createdBy(),
                    k.revokedAt(), k.revokedBy(), k.lastUsedAt());
        }
    }

    /** A new key with its secret: shown this once, never again. */
    record CreatedKey(Key key, String secret, String header) {
    }
}
