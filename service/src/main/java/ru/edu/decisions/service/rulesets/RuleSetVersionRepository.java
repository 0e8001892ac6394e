package ru.edu.decisions.service.rulesets;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

public interface RuleSetVersionRepository extends ListCrudRepository<RuleSetVersion, UUID> {

    List<RuleSetVersion> findByJurisdictionOrderByCreatedAtDesc(String jurisdiction);

    List<RuleSetVersion> findByStatus(RuleSetVersion.Status status);

    List<RuleSetVersion> findByStatusInOrderByPublishedAtAsc(Collection<RuleSetVersion.Status> statuses);

    List<RuleSetVersion> findByJurisdictionAndStatusOrderByPublishedAtDesc(String jurisdiction, RuleSetVersion.Status status);
}
