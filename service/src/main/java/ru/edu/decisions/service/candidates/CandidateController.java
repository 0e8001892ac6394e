package ru.edu.decisions.service.candidates;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.edu.decisions.model.eligibility.Verdict;
import ru.edu.decisions.service.candidates.CandidateViews.Details;
import ru.edu.decisions.service.candidates.CandidateViews.Reevaluation;
import ru.edu.decisions.service.candidates.CandidateViews.Submission;
import ru.edu.decisions.service.candidates.CandidateViews.Summary;
import ru.edu.decisions.service.common.PageView;

@RestController
@Tag(name = "ИМЦ: кандидаты в методический актив")
class CandidateController {

    private final CandidateService candidates;

    CandidateController(CandidateService candidates) {
        this.candidates = candidates;
    }

    @PostMapping("/api/v1/candidates")
    @Operation(summary = "Принять представление кандидата: сохранить и вынести решение")
    ResponseEntity<Details> submit(@Valid @RequestBody Submission submission) {
        Details details = candidates.submit(submission.jurisdiction(), submission.asOf(), submission.candidate(), null);
        return ResponseEntity.created(URI.create("/api/v1/candidates/" + details.id())).body(details);
    }

    @GetMapping("/api/v1/candidates")
    @Operation(summary = "Кандидаты территории, по решению, постранично (новые сначала)")
    PageView<Summary> list(@RequestParam String jurisdiction,
                           @RequestParam(required = false) @Nullable Verdict verdict,
                           @RequestParam(defaultValue = "0") @Min(0) int page,
                           @RequestParam(defaultValue = "20") @Min(1) @Max(500) int size) {
        return candidates.list(jurisdiction, verdict, page, size);
    }

    @GetMapping("/api/v1/candidates/{id}")
    @Operation(summary = "Кандидат с последним решением и историей решений")
    Details get(@PathVariable UUID id) {
        return candidates.details(id, null);
    }

    @PostMapping("/api/v1/candidates/{id}/evaluations")
    @Operation(summary = "Вынести решение по кандидату заново по действующим правилам")
    Details reevaluate(@PathVariable UUID id, @RequestParam(required = false) @Nullable LocalDate asOf) {
        return candidates.reevaluate(id, null, asOf);
    }

    @PostMapping("/api/v1/candidates/evaluations")
    @Operation(summary = "Вынести решения заново по всем кандидатам территории (после изменения правил)")
    Reevaluation reevaluateAll(@RequestParam String jurisdiction,
                               @RequestParam(required = false) @Nullable LocalDate asOf) {
        return candidates.reevaluateAll(jurisdiction, asOf);
    }
}
