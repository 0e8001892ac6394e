package ru.edu.decisions.service.mentoring;

import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

interface MentorProfileRepository extends ListCrudRepository<MentoringRecords.MentorProfile, UUID> {
}
