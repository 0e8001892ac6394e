package ru.edu.decisions.service.routes;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

interface EducationalRouteRepository extends ListCrudRepository<EducationalRoute, UUID> {

    List<EducationalRoute> findByTeacherIdOrderByCreatedAtDesc(UUID teacherId);

    List<EducationalRoute> findByTeacherIdAndStatus(UUID teacherId, EducationalRoute.Status status);
}
