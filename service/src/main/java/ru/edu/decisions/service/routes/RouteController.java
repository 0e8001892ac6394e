package ru.edu.decisions.service.routes;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.edu.decisions.model.DecisionKind;
import ru.edu.decisions.model.routes.RouteDecision;
import ru.edu.decisions.model.routes.RouteRequest;
import ru.edu.decisions.service.decisionlog.DecisionRecord;
import ru.edu.decisions.service.routes.RouteViews.DiagnosticsSubmission;
import ru.edu.decisions.service.routes.RouteViews.ProgressUpdate;
import ru.edu.decisions.service.routes.RouteViews.RouteView;
import ru.edu.decisions.service.security.CurrentActor;
import ru.edu.decisions.service.teachers.TeacherService;

@RestController
class RouteController {

    private final RouteService routes;
    private final TeacherService teachers;
    private final CurrentActor current;

    RouteController(RouteService routes, TeacherService teachers, CurrentActor current) {
        this.routes = routes;
        this.teachers = teachers;
        this.current = current;
    }

    @PostMapping("/api/v1/routes/decisions")
    @Tag(name = "Решения: индивидуальный образовательный маршрут")
    @Operation(summary = "Индивидуальный образовательный маршрут по результатам диагностики дефицитов, с причиной каждого пункта")
    RouteDecision decide(@Valid @RequestBody RouteRequest request,
                         @Parameter(description = "Включить в ответ список сработавших правил")
                         @RequestParam(defaultValue = "true") boolean trace) {
        routes.rules(request.jurisdiction());
        current.requireDecision(request.jurisdiction(), DecisionKind.ROUTES);
        return routes.decide(request.jurisdiction(), request.asOf(), request.teacher(), request.school(),
                request.diagnostics(), request.preferences(), DecisionRecord.Source.API, null, trace);
    }

    @PostMapping("/api/v1/teachers/{teacherId}/diagnostics")
    @Tag(name = "ИМЦ: маршруты педагогов")
    @Operation(summary = "Результаты диагностики педагога: составить и сохранить маршрут (действующий маршрут заменяется)")
    ResponseEntity<RouteView> diagnose(@PathVariable UUID teacherId, @Valid @RequestBody DiagnosticsSubmission submission) {
        current.requireWrite(teachers.find(teacherId).jurisdiction());
        RouteView route = routes.diagnose(teacherId, submission, current.name());
        return ResponseEntity.created(URI.create("/api/v1/teachers/" + teacherId + "/routes/" + route.id())).body(route);
    }

    @GetMapping("/api/v1/teachers/{teacherId}/routes")
    @Tag(name = "ИМЦ: маршруты педагогов")
    @Operation(summary = "Маршруты педагога, новые сначала, с ходом выполнения и историей")
    List<RouteView> list(@PathVariable UUID teacherId) {
        current.requireRecord(teachers.find(teacherId).jurisdiction(), TeacherService.notFound(teacherId));
        return routes.forTeacher(teacherId);
    }

    @GetMapping("/api/v1/teachers/{teacherId}/routes/{routeId}")
    @Tag(name = "ИМЦ: маршруты педагогов")
    @Operation(summary = "Маршрут педагога с причинами, ходом выполнения и историей")
    RouteView get(@PathVariable UUID teacherId, @PathVariable UUID routeId) {
        current.requireRecord(teachers.find(teacherId).jurisdiction(), TeacherService.notFound(teacherId));
        return routes.get(teacherId, routeId);
    }

    @PostMapping("/api/v1/teachers/{teacherId}/routes/{routeId}/items/{number}/progress")
    @Tag(name = "ИМЦ: маршруты педагогов")
    @Operation(summary = "Отметить ход мероприятия: начато (IN_PROGRESS), выполнено (DONE, с подтверждением)")
    RouteView progress(@PathVariable UUID teacherId, @PathVariable UUID routeId, @PathVariable @Min(1) int number,
                       @Valid @RequestBody ProgressUpdate update) {
        current.requireWrite(teachers.find(teacherId).jurisdiction());
        return routes.progress(teacherId, routeId, number, update, current.name());
    }
}
