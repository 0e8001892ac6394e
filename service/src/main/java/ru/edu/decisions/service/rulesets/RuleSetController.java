package ru.edu.decisions.service.rulesets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.edu.decisions.model.RuleSetRef;
import ru.edu.decisions.rules.engine.CompileProblem;
import ru.edu.decisions.rules.engine.DecisionEngine;
import ru.edu.decisions.rules.engine.JurisdictionRules;
import ru.edu.decisions.rules.engine.RuleBase;
import ru.edu.decisions.service.common.ApiExceptionHandler;

@RestController
@Tag(name = "Территории и наборы правил")
class RuleSetController {

    private final RuleSets ruleSets;
    private final DecisionEngine engine;
    private final RuleBaseLoader loader;
    private final RuleSetTimeline timeline;
    private final RuleSetDrafts drafts;

    RuleSetController(RuleSets ruleSets, DecisionEngine engine, RuleBaseLoader loader, RuleSetTimeline timeline,
                      RuleSetDrafts drafts) {
        this.ruleSets = ruleSets;
        this.engine = engine;
        this.loader = loader;
        this.timeline = timeline;
        this.drafts = drafts;
    }

    @GetMapping("/api/v1/jurisdictions")
    @Operation(summary = "Территории: Положение, версия набора правил в силе сегодня, доступные решения, параметры; "
            + "versions — действующие и запланированные наборы правил с датами вступления в силу")
    List<JurisdictionView> jurisdictions() {
        RuleBase base = ruleSets.current();
        java.time.LocalDate today = ruleSets.today();
        return base.all().stream()
                .map(head -> JurisdictionView.of(base.jurisdiction(head.code(), today).orElse(head), drafts.timeline(base, head.code())))
                .toList();
    }

    /**
     * The state of the active rule base. {@code publishedVersions}: the jurisdictions served by a rule set published
     * through drafts — their files in the directory are not used (an edit there changes nothing) until it is rolled back.
     */
    record RuleBaseStatus(String location, @Nullable String directory, Instant compiledAt, List<RuleSetRef> ruleSets,
                          List<String> publishedVersions) {
        static RuleBaseStatus of(RuleBase base, @Nullable String directory, List<String> published) {
            return new RuleBaseStatus(base.location(), directory, base.compiledAt(),
                    base.all().stream().map(JurisdictionRules::ref).toList(), published);
        }
    }

    private RuleBaseStatus status(RuleBase base) {
        return RuleBaseStatus.of(base, directoryName(), loader.publishedJurisdictions());
    }

    @GetMapping("/api/v1/admin/rules")
    @Operation(summary = "Действующий набор правил: откуда прочитан, когда скомпилирован, версии")
    RuleBaseStatus status() {
        return status(ruleSets.current());
    }

    @PostMapping("/api/v1/admin/rules/reload")
    @Operation(summary = "Перечитать и перекомпилировать правила; при ошибке действуют прежние правила, ответ — 422 с ошибками")
    ResponseEntity<?> reload() {
        DecisionEngine.Reload reload = engine.reload(timeline::build);
        if (reload.applied()) {
            return ResponseEntity.ok(status(reload.active()));
        }
        ProblemDetail problem = ApiExceptionHandler.problem(HttpStatus.UNPROCESSABLE_CONTENT, "rules-compilation",
                "Правила не скомпилированы, действуют прежние правила. " + reload.problems().stream()
                        .map(CompileProblem::describe).findFirst().orElse(""));
        problem.setTitle("Ошибка в правилах");
        problem.setProperty("problems", reload.problems());
        problem.setProperty("active", status(reload.active()));
        return ResponseEntity.unprocessableContent().body(problem);
    }

    private @Nullable String directoryName() {
        var directory = loader.directory();
        return directory == null ? null : directory.toString();
    }
}
