package ru.edu.decisions.service.candidates;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

public interface CandidateRepository extends ListCrudRepository<Candidate, UUID> {

    List<Candidate> findByJurisdiction(String jurisdiction);
}
