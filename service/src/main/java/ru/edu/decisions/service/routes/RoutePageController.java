package ru.edu.decisions.service.routes;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.edu.decisions.model.routes.CompetenceArea;
import ru.edu.decisions.service.common.ApiException;
import ru.edu.decisions.service.routes.EducationalRoute.ItemStatus;
import ru.edu.decisions.service.routes.RouteViews.ItemView;
import ru.edu.decisions.service.routes.RouteViews.ProgressUpdate;
import ru.edu.decisions.service.routes.RouteViews.RouteView;
import ru.edu.decisions.service.security.CurrentActor;
import ru.edu.decisions.service.teachers.Teacher;
import ru.edu.decisions.service.teachers.TeacherService;
import ru.edu.decisions.service.teachers.TeacherViews.Details;
import ru.edu.decisions.service.workspace.CurrentJurisdiction;

/**
 * A teacher's diagnostics and routes (ИОМ) in the workspace: the diagnostics form that makes a route, the route with
 * its items, reasons and history, the progress marks, and the printable route a methodist files and signs.
 */
@Controller
class RoutePageController {

    static final int MAX_EVIDENCE = 2000;

    /** An entry of a route's history with what happened, in Russian. */
    record HistoryRow(EducationalRoute.RouteEvent event, String what) {

        static HistoryRow of(EducationalRoute.RouteEvent event) {
            String what = event.itemNumber() == null
                    ? "Маршрут: " + label(EducationalRoute.Status.class, event.toStatus())
                    : "Мероприятие № " + event.itemNumber() + ": " + label(ItemStatus.class, event.toStatus());
            return new HistoryRow(event, what);
        }

        private static <E extends Enum<E> & ru.edu.decisions.model.Labelled> String label(Class<E> type, String name) {
            try {
                return Enum.valueOf(type, name).label();
            } catch (IllegalArgumentException e) {
                return name;
            }
        }
    }

    private final RouteService routes;
    private final TeacherService teachers;
    private final CurrentJurisdiction jurisdiction;
    private final CurrentActor current;
    private final Clock clock;

    RoutePageController(RouteService routes, TeacherService teachers, CurrentJurisdiction jurisdiction,
                        CurrentActor current, Clock clock) {
        this.routes = routes;
        this.teachers = teachers;
        this.jurisdiction = jurisdiction;
        this.current = current;
        this.clock = clock;
    }

    /** The teacher, if they belong to the jurisdiction the person works in (else not found). */
    private Teacher teacher(UUID id) {
        Teacher teacher = teachers.find(id);
        if (!teacher.jurisdiction().equals(jurisdiction.code())) {
            throw ApiException.notFound(TeacherService.notFound(id));
        }
        return teacher;
    }

    @GetMapping("/teachers/{id}/diagnostics")
    String diagnosticsForm(@PathVariable UUID id, Model model) {
        teacher(id);
        return diagnostics(id, DiagnosticsForm.empty(LocalDate.now(clock)), Map.of(), model);
    }

    @PostMapping("/teachers/{id}/diagnostics")
    String diagnose(@PathVariable UUID id, @RequestParam(required = false) @Nullable String date,
                    @RequestParam Map<String, String> parameters,
                    @RequestParam(defaultValue = "false") boolean distanceOnly,
                    Model model, HttpServletResponse response, RedirectAttributes redirect) {
        current.requireWrite(teacher(id).jurisdiction());
        Map<String, String> scores = new java.util.HashMap<>();
        for (CompetenceArea area : CompetenceArea.values()) {
            String value = parameters.get("score-" + area.name());
            if (value != null) {
                scores.put(area.name(), value);
            }
        }
        DiagnosticsForm form = new DiagnosticsForm(date, scores, distanceOnly);
        Map<String, String> errors = form.errors(LocalDate.now(clock));
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return diagnostics(id, form, errors, model);
        }
        RouteView route = routes.diagnose(id, form.submission(), current.name());
        redirect.addFlashAttribute("notice", switch (route.status()) {
            case ACTIVE -> "Маршрут составлен: мероприятий — " + route.items().size() + ", часов — " + route.totalHours();
            case EMPTY -> "Диагностика не выявила дефицитов — маршрут пуст";
            case UNMET -> "Маршрут не составлен: выявленные потребности не закрыты мероприятиями каталога";
            default -> "Маршрут сохранён";
        });
        return "redirect:/teachers/" + id + "/routes/" + route.id();
    }

    private String diagnostics(UUID id, DiagnosticsForm form, Map<String, String> errors, Model model) {
        model.addAttribute("teacher", teachers.details(id));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("areas", CompetenceArea.values());
        return "routes/diagnostics";
    }

    @GetMapping("/teachers/{id}/routes/{routeId}")
    String route(@PathVariable UUID id, @PathVariable UUID routeId, Model model) {
        return routePage(id, routeId, Map.of(), Map.of(), model);
    }

    private String routePage(UUID id, UUID routeId, Map<Integer, String> evidenceErrors, Map<Integer, String> evidence,
                             Model model) {
        teacher(id);
        Details details = teachers.details(id);
        RouteView route = routes.get(id, routeId);
        model.addAttribute("teacher", details);
        model.addAttribute("route", route);
        model.addAttribute("hoursThisYear", route.items().stream().filter(i -> !i.deferred()).mapToInt(ItemView::hours).sum());
        model.addAttribute("hoursDeferred", route.items().stream().filter(ItemView::deferred).mapToInt(ItemView::hours).sum());
        model.addAttribute("history", route.history().stream().map(HistoryRow::of).toList());
        model.addAttribute("evidenceErrors", evidenceErrors);
        model.addAttribute("evidence", evidence);
        return "routes/route";
    }

    @PostMapping("/teachers/{id}/routes/{routeId}/items/{number}/progress")
    String progress(@PathVariable UUID id, @PathVariable UUID routeId, @PathVariable int number,
                    @RequestParam(name = "status", defaultValue = "") String statusName,
                    @RequestParam(required = false) @Nullable String evidence,
                    Model model, HttpServletResponse response, RedirectAttributes redirect) {
        current.requireWrite(teacher(id).jurisdiction());
        ItemStatus status = java.util.Arrays.stream(ItemStatus.values()).filter(s -> s.name().equals(statusName))
                .findFirst().orElseThrow(() -> ApiException.badRequest("Неизвестная отметка хода выполнения: «" + statusName
                        + "»; возможны «Начато» и «Выполнено»"));
        if (status == ItemStatus.DONE) {
            String error = evidence == null || evidence.isBlank() ? "Укажите подтверждение выполнения"
                    : evidence.strip().length() > MAX_EVIDENCE ? "Не длиннее " + MAX_EVIDENCE + " символов" : null;
            if (error != null) {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                return routePage(id, routeId, Map.of(number, error), Map.of(number, evidence == null ? "" : evidence), model);
            }
        }
        RouteView route = routes.progress(id, routeId, number, new ProgressUpdate(status, evidence), current.name());
        redirect.addFlashAttribute("notice", route.status() == EducationalRoute.Status.COMPLETED
                ? "Все мероприятия выполнены — маршрут завершён"
                : "Мероприятие № " + number + (status == ItemStatus.DONE ? " отмечено выполненным" : " отмечено начатым"));
        return "redirect:/teachers/" + id + "/routes/" + routeId + "#item-" + number;
    }

    @GetMapping("/teachers/{id}/routes/{routeId}/print")
    String print(@PathVariable UUID id, @PathVariable UUID routeId, Model model) {
        routePage(id, routeId, Map.of(), Map.of(), model);
        model.addAttribute("today", LocalDate.now(clock));
        return "routes/print";
    }
}
