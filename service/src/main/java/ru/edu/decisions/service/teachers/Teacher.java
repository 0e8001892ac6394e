package ru.edu.decisions.service.teachers;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A teacher whose profile the service holds (candidates, asset members, mentees are all teachers). The profile is
 * the contract's teacher profile as JSON; it holds personal data and is only read by those allowed to. Where the
 * teacher works — municipality, okrug and school with its flags — is what routes and mentoring decide by.
 */
@Table
public record Teacher(
        @Id UUID id,
        @Version @Nullable Long version,
        String jurisdiction,
        @Nullable String externalId,
        String profile,
        @Nullable String municipality,
        @Nullable String okrug,
        @Nullable String school,
        Instant createdAt,
        Instant updatedAt) {

    public Teacher withProfile(String profile, Instant now) {
        return new Teacher(id, version, jurisdiction, externalId, profile, municipality, okrug, school, createdAt, now);
    }

    public Teacher withPlacement(@Nullable String municipality, @Nullable String okrug, @Nullable String school, Instant now) {
        return new Teacher(id, version, jurisdiction, externalId, profile, municipality, okrug, school, createdAt, now);
    }
}
