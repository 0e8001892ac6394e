package ru.edu.decisions.service.registry;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

public interface RegistryMemberRepository extends ListCrudRepository<RegistryMember, UUID> {

    Optional<RegistryMember> findByActiveTeacherId(UUID teacherId);
}
