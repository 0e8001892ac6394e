package ru.edu.decisions.service.teachers;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

public interface TeacherRepository extends ListCrudRepository<Teacher, UUID> {

    Optional<Teacher> findByJurisdictionAndExternalId(String jurisdiction, String externalId);
}
