package ru.edu.decisions.service.security;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface ApiKeyRepository extends ListCrudRepository<ApiKey, UUID> {

    Optional<ApiKey> findByKeyPrefix(String keyPrefix);

    @Modifying
    @Query("UPDATE api_key SET last_used_at = :at WHERE id = :id")
    void touch(UUID id, Instant at);
}
