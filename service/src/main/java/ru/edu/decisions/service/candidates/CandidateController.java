package ru.edu.decisions.service.candidates;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.edu.decisions.model.TeacherProfile;
import ru.edu.decisions.model.eligibility.Verdict;
import ru.edu.decisions.service.candidates.CandidateViews.Details;
import ru.edu.decisions.service.candidates.CandidateViews.Reevaluation;
import ru.edu.decisions.service.candidates.CandidateViews.Submission;
import ru.edu.decisions.service.candidates.CandidateViews.Summary;
import ru.edu.decisions.service.common.ApiException;
import ru.edu.decisions.service.common.DateRange;
import ru.edu.decisions.service.common.PageView;
import ru.edu.decisions.service.security.CurrentActor;

@RestController
@Tag(name = "ИМЦ: кандидаты в методический актив")
class CandidateController {

    private final CandidateService candidates;
    private final CurrentActor current;
    private final CandidateExport export;
    private final DateRange dates;

    CandidateController(CandidateService candidates, CurrentActor current, CandidateExport export, DateRange dates) {
        this.candidates = candidates;
        this.current = current;
        this.export = export;
        this.dates = dates;
    }

    @PostMapping("/api/v1/candidates")
    @Operation(summary = "Принять представление кандидата: сохранить и вынести решение")
    ResponseEntity<Details> submit(@Valid @RequestBody Submission submission) {
        current.requireWrite(submission.jurisdiction());
        CandidateService.Submitted submitted;
        try {
            submitted = candidates.submitOnce(submission.jurisdiction(), submission.asOf(), submission.candidate(), current.name());
        } catch (org.springframework.dao.DuplicateKeyException e) {
            // The same nomination stored by a concurrent request between this one's check and its write.
            throw ApiException.conflict("Этот педагог только что представлен с тем же выдвижением другим запросом; "
                    + "повторите запрос, чтобы получить сохранённого кандидата");
        }
        Details details = submitted.details();
        URI location = URI.create("/api/v1/candidates/" + details.id());
        // A resubmission of a stored nomination: the stored candidate, 200 instead of 201.
        return submitted.created() ? ResponseEntity.created(location).body(details) : ResponseEntity.ok().location(location).body(details);
    }

    @GetMapping("/api/v1/candidates")
    @Operation(summary = "Кандидаты территории, по решению, школе (часть названия) и ФИО (часть), постранично (новые сначала)")
    PageView<Summary> list(@RequestParam String jurisdiction,
                           @RequestParam(required = false) @Nullable Verdict verdict,
                           @RequestParam(required = false) @Nullable @Size(max = 500) String school,
                           @RequestParam(required = false) @Nullable @Size(max = 300) String q,
                           @RequestParam(defaultValue = "0") @Min(0) int page,
                           @RequestParam(defaultValue = "20") @Min(1) @Max(500) int size) {
        current.requireRead(jurisdiction);
        return candidates.list(jurisdiction, new CandidateService.Filter(verdict, school, q), page, size);
    }

    @PutMapping("/api/v1/candidates/{id}/profile")
    @Operation(summary = "Дополнить (исправить) сведения о кандидате и вынести решение заново")
    Details amend(@PathVariable UUID id, @Valid @RequestBody TeacherProfile profile,
                  @RequestParam(required = false) @Nullable LocalDate asOf) {
        current.requireWrite(candidates.find(id).jurisdiction());
        return candidates.amend(id, asOf, profile, current.name());
    }

    @GetMapping("/api/v1/candidates/{id}")
    @Operation(summary = "Кандидат с последним решением и историей решений")
    Details get(@PathVariable UUID id) {
        current.requireRecord(candidates.find(id).jurisdiction(), CandidateService.notFound(id));
        return candidates.details(id);
    }

    @GetMapping("/api/v1/candidates/export")
    @Operation(summary = "Выгрузка кандидатов территории по форме Приложения к Положению (CSV, с персональными данными; "
            + "каждая выгруженная запись фиксируется в журнале доступа)")
    void export(@RequestParam String jurisdiction, HttpServletResponse response) throws java.io.IOException {
        current.requireRead(jurisdiction);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"candidates-" + jurisdiction + ".csv\"");
        export.write(jurisdiction, new java.io.OutputStreamWriter(response.getOutputStream(), java.nio.charset.StandardCharsets.UTF_8));
    }

    @PostMapping("/api/v1/candidates/{id}/evaluations")
    @Operation(summary = "Вынести решение по кандидату заново по действующим правилам")
    Details reevaluate(@PathVariable UUID id, @RequestParam(required = false) @Nullable LocalDate asOf) {
        dates.check("asOf", asOf);
        current.requireWrite(candidates.find(id).jurisdiction());
        return candidates.reevaluate(id, asOf);
    }

    @PostMapping("/api/v1/candidates/evaluations")
    @Operation(summary = "Вынести решения заново по всем кандидатам территории (после изменения правил)")
    Reevaluation reevaluateAll(@RequestParam String jurisdiction,
                               @RequestParam(required = false) @Nullable LocalDate asOf) {
        dates.check("asOf", asOf);
        current.requireWrite(jurisdiction);
        return candidates.reevaluateAll(jurisdiction, asOf);
    }
}
