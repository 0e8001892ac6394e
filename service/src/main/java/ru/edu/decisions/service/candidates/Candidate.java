package ru.edu.decisions.service.candidates;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;
import ru.edu.decisions.model.eligibility.Verdict;

/**
 * A nomination of a teacher to the methodological asset: the profile as submitted (personal data), and the latest
 * eligibility decision about it. {@code fullNameSearch}, {@code organization} and {@code organizationSearch} are
 * copies of the profile's ФИО and place of work (the search ones normalised by {@link CandidateSearch}) for filtering
 * lists without reading the profile documents.
 */
@Table
public record Candidate(
        @Id UUID id,
        @Version @Nullable Long version,
        UUID teacherId,
        String jurisdiction,
        @Nullable String nominatedBy,
        @Nullable String nominationBasis,
        @Nullable UUID latestDecisionId,
        @Nullable Verdict latestVerdict,
        @Nullable String latestRuleSetVersion,
        @Nullable Instant latestEvaluatedAt,
        Instant submittedAt,
        @Nullable String submittedBy,
        String profile,
        @Nullable String fullNameSearch,
        @Nullable String organization,
        @Nullable String organizationSearch) {

    public Candidate withDecision(UUID decisionId, Verdict verdict, String ruleSetVersion, Instant at) {
        return new Candidate(id, version, teacherId, jurisdiction, nominatedBy, nominationBasis, decisionId, verdict,
                ruleSetVersion, at, submittedAt, submittedBy, profile, fullNameSearch, organization, organizationSearch);
    }

    /** The candidate with an amended profile (the nomination and the search columns follow it). */
    public Candidate withProfile(String profileJson, @Nullable String nominatedBy, @Nullable String nominationBasis,
                                 @Nullable String fullName, @Nullable String organization) {
        return new Candidate(id, version, teacherId, jurisdiction, nominatedBy, nominationBasis, latestDecisionId,
                latestVerdict, latestRuleSetVersion, latestEvaluatedAt, submittedAt, submittedBy, profileJson,
                CandidateSearch.normalize(fullName), organization, CandidateSearch.normalize(organization));
    }
}
