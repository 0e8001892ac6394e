package ru.edu.decisions.service.mentoring;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.edu.decisions.model.DecisionKind;
import ru.edu.decisions.model.mentoring.MentoringDecision;
import ru.edu.decisions.model.mentoring.MentoringRequest;
import ru.edu.decisions.service.decisionlog.DecisionRecord;
import ru.edu.decisions.service.mentoring.MentoringViews.Ending;
import ru.edu.decisions.service.mentoring.MentoringViews.MentorOffer;
import ru.edu.decisions.service.mentoring.MentoringViews.MentorView;
import ru.edu.decisions.service.mentoring.MentoringViews.PairView;
import ru.edu.decisions.service.mentoring.MentoringViews.RunRequest;
import ru.edu.decisions.service.mentoring.MentoringViews.RunSummary;
import ru.edu.decisions.service.mentoring.MentoringViews.RunView;
import ru.edu.decisions.service.security.CurrentActor;

@RestController
class MentoringController {

    private final MentoringService mentoring;
    private final MentoringWorkflow workflow;
    private final CurrentActor current;

    MentoringController(MentoringService mentoring, MentoringWorkflow workflow, CurrentActor current) {
        this.mentoring = mentoring;
        this.workflow = workflow;
        this.current = current;
    }

    @PostMapping("/api/v1/mentoring/decisions")
    @Tag(name = "Решения: закрепление наставников")
    @Operation(summary = "Оптимальное закрепление наставников за педагогами по правилам территории, с объяснением каждой пары "
            + "и причин, по которым кто-то остался без наставника")
    MentoringDecision decide(@Valid @RequestBody MentoringRequest request,
                             @Parameter(description = "Включить в ответ список сработавших правил")
                             @RequestParam(defaultValue = "true") boolean trace) {
        mentoring.rules(request.jurisdiction());
        current.requireDecision(request.jurisdiction(), DecisionKind.MENTORING);
        return mentoring.decide(request.jurisdiction(), request.asOf(), request.mentors(), request.mentees(),
                DecisionRecord.Source.API, null, trace);
    }

    @PutMapping("/api/v1/mentoring/mentors/{jurisdiction}/{memberId}")
    @Tag(name = "ИМЦ: наставничество")
    @Operation(summary = "Член методического актива как наставник: согласие, сколько наставляемых, сильные стороны")
    MentorView offer(@PathVariable String jurisdiction, @PathVariable UUID memberId, @Valid @RequestBody MentorOffer offer) {
        current.requireWrite(jurisdiction);
        return workflow.offer(jurisdiction, memberId, offer, current.name());
    }

    @GetMapping("/api/v1/mentoring/mentors/{jurisdiction}/{memberId}")
    @Tag(name = "ИМЦ: наставничество")
    @Operation(summary = "Что член методического актива предлагает как наставник")
    MentorView mentor(@PathVariable String jurisdiction, @PathVariable UUID memberId) {
        current.requireRead(jurisdiction);
        return workflow.mentor(jurisdiction, memberId);
    }

    @PostMapping("/api/v1/mentoring/runs")
    @Tag(name = "ИМЦ: наставничество")
    @Operation(summary = "Распределить наставников территории: члены актива × педагоги, которым нужен наставник; "
            + "решение и предложенные пары сохраняются, подтверждённые пары прежних распределений сохраняются")
    ResponseEntity<RunView> run(@Valid @RequestBody RunRequest request) {
        current.requireWrite(request.jurisdiction());
        RunView run = workflow.run(request.jurisdiction(), request.asOf(), current.name());
        return ResponseEntity.created(URI.create("/api/v1/mentoring/runs/" + run.id())).body(run);
    }

    @GetMapping("/api/v1/mentoring/runs")
    @Tag(name = "ИМЦ: наставничество")
    @Operation(summary = "Распределения наставников территории, новые сначала")
    List<RunSummary> runs(@RequestParam String jurisdiction) {
        current.requireRead(jurisdiction);
        return workflow.list(jurisdiction);
    }

    @GetMapping("/api/v1/mentoring/runs/{id}")
    @Tag(name = "ИМЦ: наставничество")
    @Operation(summary = "Распределение: пары с объяснением и состоянием, оставшиеся без наставника — с причинами")
    RunView get(@PathVariable UUID id) {
        String jurisdiction = workflow.find(id).jurisdiction();
        current.requireRecord(jurisdiction, "Распределение наставников " + id + " не найдено");
        return workflow.get(jurisdiction, id);
    }

    @PostMapping("/api/v1/mentoring/pairs/{id}/confirmation")
    @Tag(name = "ИМЦ: наставничество")
    @Operation(summary = "Подтвердить предложенную пару")
    PairView confirm(@PathVariable UUID id) {
        current.requireWrite(workflow.pair(id).jurisdiction());
        return workflow.confirm(id, current.name());
    }

    @PostMapping("/api/v1/mentoring/pairs/{id}/ending")
    @Tag(name = "ИМЦ: наставничество")
    @Operation(summary = "Завершить пару (или отклонить предложенную) с причиной")
    PairView end(@PathVariable UUID id, @Valid @RequestBody Ending ending) {
        current.requireWrite(workflow.pair(id).jurisdiction());
        return workflow.end(id, ending.reason(), current.name());
    }
}
