package ru.edu.decisions.service.mentoring;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

interface MentoringPairRepository extends ListCrudRepository<MentoringRecords.MentoringPair, UUID> {

    List<MentoringRecords.MentoringPair> findByRunId(UUID runId);

    List<MentoringRecords.MentoringPair> findByJurisdictionAndStatus(String jurisdiction, MentoringRecords.PairStatus status);

    long countByMentorMemberIdAndStatus(UUID mentorMemberId, MentoringRecords.PairStatus status);
}
