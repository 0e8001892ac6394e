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

    RuleSetDraftController(RuleSetDrafts drafts, CurrentActor current) {
        this.drafts = drafts;
        this.current = current;
    }

    @GetMapping("/api/v1/rulesets/{jurisdiction}/files")
    @Operation(summary = "Действующие файлы правил территории")
    Files files(@PathVariable String jurisdiction) {
        current.requireRead(jurisdiction);
        return drafts.files(jurisdiction);
    }

    @PostMapping("/api/v1/rulesets/{jurisdiction}/drafts")
    @Operation(summary = "Сохранить черновик изменения правил (файлы по именам); он сразу проверяется компиляцией")
    ResponseEntity<Draft> create(@PathVariable String jurisdiction, @Valid @RequestBody NewDraft draft) {
        current.requireWrite(jurisdiction);
        Draft created = drafts.create(jurisdiction, draft.files(), draft.comment(), current.name());
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
    @Operation(summary = "Что изменит черновик: решения по сохранённым кандидатам до и после (ничего не сохраняется)")
    Simulation simulate(@PathVariable String jurisdiction, @PathVariable UUID id) {
        current.requireRead(jurisdiction);
        return drafts.simulate(jurisdiction, id);
    }

    @PostMapping("/api/v1/rulesets/{jurisdiction}/drafts/{id}/withdrawal")
    @Operation(summary = "Отозвать свой черновик")
    Draft withdraw(@PathVariable String jurisdiction, @PathVariable UUID id) {
        current.requireWrite(jurisdiction);
        return drafts.withdraw(jurisdiction, id, current.name());
    }

    @PostMapping("/api/v1/rulesets/{jurisdiction}/drafts/{id}/publication")
    @Operation(summary = "Опубликовать черновик (только другой специалист, не автор); правила перезагружаются")
    Draft publish(@PathVariable String jurisdiction, @PathVariable UUID id) {
        current.requireWrite(jurisdiction);
        return drafts.publish(jurisdiction, id, current.name());
    }

    @PostMapping("/api/v1/rulesets/{jurisdiction}/rollback")
    @Operation(summary = "Откатить последнюю публикацию: снова действует предыдущая версия")
    Draft rollback(@PathVariable String jurisdiction) {
        current.requireWrite(jurisdiction);
        return drafts.rollback(jurisdiction, current.name());
    }
}
