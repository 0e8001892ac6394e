package ru.edu.decisions.service.teachers;

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
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.edu.decisions.model.Position;
import ru.edu.decisions.model.QualificationCategory;
import ru.edu.decisions.service.common.ApiException;
import ru.edu.decisions.service.routes.RouteService;
import ru.edu.decisions.service.security.CurrentActor;
import ru.edu.decisions.service.teachers.TeacherViews.Details;
import ru.edu.decisions.service.workspace.CurrentJurisdiction;

/**
 * The teachers of the jurisdiction the person works in: the list with search, registration, and a teacher's page
 * with their school and routes (the routes' own pages are {@code RoutePageController}'s).
 */
@Controller
class TeacherPageController {

    static final int PAGE_SIZE = 20;

    private final TeacherService teachers;
    private final SchoolDirectory schools;
    private final RouteService routes;
    private final CurrentJurisdiction jurisdiction;
    private final CurrentActor current;
    private final Clock clock;

    TeacherPageController(TeacherService teachers, SchoolDirectory schools, RouteService routes,
                          CurrentJurisdiction jurisdiction, CurrentActor current, Clock clock) {
        this.teachers = teachers;
        this.schools = schools;
        this.routes = routes;
        this.jurisdiction = jurisdiction;
        this.current = current;
        this.clock = clock;
    }

    @GetMapping("/teachers")
    String list(@RequestParam(required = false) @Nullable String name, @RequestParam(required = false) @Nullable String school,
                @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("teachers", teachers.search(jurisdiction.code(), name, school, Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("name", name);
        model.addAttribute("school", school);
        model.addAttribute("searching", !TeacherForm.blank(name) || !TeacherForm.blank(school));
        return "teachers/list";
    }

    @GetMapping("/teachers/new")
    String form(Model model) {
        return form(TeacherForm.empty(), Map.of(), model);
    }

    @PostMapping("/teachers")
    String register(@ModelAttribute TeacherForm form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        String code = jurisdiction.code();
        current.requireWrite(code);
        Map<String, String> errors = form.errors(LocalDate.now(clock));
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(form, errors, model);
        }
        Details details = teachers.register(form.registration(code), current.name());
        redirect.addFlashAttribute("notice", "Педагог " + details.teacher().fullName() + " записан(а)");
        return "redirect:/teachers/" + details.id();
    }

    private String form(TeacherForm form, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("schools", schools.list(jurisdiction.code()));
        model.addAttribute("positions", Position.values());
        model.addAttribute("categories", QualificationCategory.values());
        return "teachers/form";
    }

    @GetMapping("/teachers/{id}")
    String teacher(@PathVariable UUID id, Model model) {
        Teacher teacher = teachers.find(id);
        if (!teacher.jurisdiction().equals(jurisdiction.code())) {
            throw ApiException.notFound(TeacherService.notFound(id));
        }
        Details details = teachers.details(id);
        model.addAttribute("teacher", details);
        model.addAttribute("routes", routes.forTeacher(id));
        model.addAttribute("reference", schools.find(teacher.jurisdiction(),
                details.school() == null ? null : details.school().name()).orElse(null));
        return "teachers/teacher";
    }
}
