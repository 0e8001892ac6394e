package ru.edu.decisions.model;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Membership in a commission, community, association or innovation site. */
public record Membership(
        @Nullable MembershipKind kind,
        @Nullable MembershipRole role,
        @Nullable Level level,
        @Nullable @Size(max = 500) String title) {
}
