package ru.edu.decisions.service.rulesets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.RequestParam;
import ru.edu.decisions.service.candidates.CandidateService;
import ru.edu.decisions.service.candidates.CandidateViews.Reevaluation;
import ru.edu.decisions.service.common.ApiException;
import ru.edu.decisions.service.rulesets.RuleSetViews.Publication;
import ru.edu.decisions.service.rulesets.RuleSetViews.Redecision;
import ru.edu.decisions.service.rulesets.RuleSetViews.Rollback;
import ru.edu.decisions.service.security.Role;
import ru.edu.decisions.service.rulesets.RuleSetViews.Draft;
import ru.edu.decisions.service.rulesets.RuleSetViews.Files;
import ru.edu.decisions.service.rulesets.RuleSetViews.NewDraft;
import ru.edu.decisions.service.rulesets.RuleSetViews.Simulation;
import ru.edu.decisions.service.security.CurrentActor;

@RestController
@Tag(name = "Наборы правил: черновики, публикация (четыре глаза), откат")
class RuleSetDraftController {

    private final RuleSetDrafts drafts;
    private final CurrentActor current;
    private final CandidateService candidates;

    RuleSetDraftController(RuleSetDrafts drafts, CurrentActor current, CandidateService candidates) {
        this.drafts = drafts;
        this.current = current;
        this.candidates = candidates;
    }

    /** Publishing, rolling back and re-deciding are the approver's: an editor is told so (not just «forbidden»). */
    private void requireApprover(String action) {
        if (!current.actor().has(Role.POLICY_APPROVER)) {
            throw ApiException.forbidden(action + " может только утверждающий — специалист с ролью POLICY_APPROVER, "
                    + "не автор черновика. Редактор (POLICY_EDITOR) готовит черновик; передайте его утверждающему");
        }
    }

    @GetMapping("/api/v1/rulesets/{jurisdiction}/files")
    @Operation(summary = "Действующие файлы правил территории")
    Files files(@PathVariable String jurisdiction) {
        current.requireRead(jurisdiction);
        return drafts.files(jurisdiction);
    }

    @PostMapping("/api/v1/rulesets/{jurisdiction}/drafts")
    @Operation(summary = "Сохранить черновик изменения правил (файлы по именам, в том числе scenarios/*.csv); он дополняется "
            + "до полного набора из действующей версии (или baseVersionId) и сразу проверяется: компиляция, проверки файлов, "
            + "таблицы сценариев")
    ResponseEntity<Draft> create(@PathVariable String jurisdiction, @Valid @RequestBody NewDraft draft) {
        current.requireWrite(jurisdiction);
        Draft created = drafts.create(jurisdiction, draft.files(), draft.comment(), current.name(), draft.baseVersionId());
        return ResponseEntity.created(URI.create("/api/v1/rulesets/" + jurisdiction + "/drafts/" + created.id())).body(created);
    }

    @GetMapping("/api/v1/rulesets/{jurisdiction}/drafts")
    @Operation(summary = "Черновики и опубликованные версии правил территории")
    List<Draft> list(@PathVariable String jurisdiction) {
        current.requireRead(jurisdiction);
        return drafts.list(jurisdiction);
    }

    @GetMapping("/api/v1/rulesets/{jurisdiction}/drafts/{id}")
    @Operation(summary = "Черновик с файлами и результатом проверки")
    Draft get(@PathVariable String jurisdiction, @PathVariable UUID id) {
        current.requireRead(jurisdiction);
        return drafts.get(jurisdiction, id);
    }

    @PostMapping("/api/v1/rulesets/{jurisdiction}/drafts/{id}/simulation")
    @Operation(summary = "Что изменит черновик: каждый сохранённый кандидат решается заново на дату asOf (по умолчанию сегодня) "
            + "правилами в силе на эту дату и черновиком; число изменений по направлениям и страница изменений с причинами "
            + "(ничего не сохраняется, персональных данных нет)")
    Simulation simulate(@PathVariable String jurisdiction, @PathVariable UUID id,
                        @RequestParam(required = false) @Nullable LocalDate asOf,
                        @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        current.requireRead(jurisdiction);
        return drafts.simulate(jurisdiction, id, asOf, page, size);
    }

    @PostMapping("/api/v1/rulesets/{jurisdiction}/drafts/{id}/withdrawal")
    @Operation(summary = "Отозвать свой черновик")
    Draft withdraw(@PathVariable String jurisdiction, @PathVariable UUID id) {
        current.requireWrite(jurisdiction);
        return drafts.withdraw(jurisdiction, id, current.name());
    }

    @PostMapping("/api/v1/rulesets/{jurisdiction}/drafts/{id}/publication")
    @Operation(summary = "Опубликовать черновик с даты effectiveFrom (по умолчанию сегодня; только утверждающий, не автор). "
            + "Отказ 409, если после основы черновика опубликована другая версия (перенесите изменения — rebase), если он не "
            + "компилируется или не проходит таблицы сценариев. Ответ называет версию, действующую сегодня (inForce)")
    Draft publish(@PathVariable String jurisdiction, @PathVariable UUID id,
                  @RequestBody(required = false) @Nullable Publication publication) {
        current.requireWrite(jurisdiction);
        requireApprover("Опубликовать черновик");
        return drafts.publish(jurisdiction, id, current.name(), publication == null ? null : publication.effectiveFrom());
    }

    @PostMapping("/api/v1/rulesets/{jurisdiction}/rollback")
    @Operation(summary = "Откатить последнюю публикацию с указанием причины (reason, записывается): снова действует предыдущая "
            + "версия; ответ называет версию, действующую сегодня (inForce)")
    Draft rollback(@PathVariable String jurisdiction, @Valid @RequestBody(required = false) @Nullable Rollback rollback) {
        current.requireWrite(jurisdiction);
        requireApprover("Откатить публикацию");
        return drafts.rollback(jurisdiction, current.name(), rollback == null ? null : rollback.reason());
    }

    @PostMapping("/api/v1/rulesets/{jurisdiction}/redecisions")
    @Operation(summary = "После публикации: решить заново по всем сохранённым кандидатам территории на дату asOf (по умолчанию "
            + "сегодня) правилами в силе на эту дату; каждое решение записывается с версией правил, которая его приняла")
    Reevaluation redecide(@PathVariable String jurisdiction, @RequestBody(required = false) @Nullable Redecision redecision) {
        current.requireWrite(jurisdiction);
        requireApprover("Запустить повторное решение по кандидатам");
        return candidates.reevaluateAll(jurisdiction, redecision == null ? null : redecision.asOf());
    }
}
