package ru.edu.decisions.service.mentoring;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
import ru.edu.decisions.model.DecisionKind;
import ru.edu.decisions.model.routes.CompetenceArea;
import ru.edu.decisions.service.common.ApiException;
import ru.edu.decisions.service.mentoring.MentoringRecords.MentoringPair;
import ru.edu.decisions.service.mentoring.MentoringViews.MentorOffer;
import ru.edu.decisions.service.mentoring.MentoringViews.RunView;
import ru.edu.decisions.service.security.CurrentActor;
import ru.edu.decisions.service.workspace.BackgroundTasks;
import ru.edu.decisions.service.workspace.CurrentJurisdiction;

/**
 * The IMC's mentoring pages, for the jurisdiction the person works in: the asset's members as mentors and what each
 * offers, the assignment runs, a run's pairs with their reasons (confirmed or ended here) and the mentees left
 * without a mentor. They call the same workflow as the API; a run is a long action of {@link BackgroundTasks}.
 */
@Controller
class MentoringPageController {

    /** The mentor offer form as typed: kept when it is shown again with errors. */
    record OfferForm(@Nullable Boolean consent, String capacity, List<CompetenceArea> strengths) {

        public boolean has(CompetenceArea area) {
            return strengths.contains(area);
        }
    }

    private final MentoringWorkflow workflow;
    private final MentoringOverview overview;
    private final CurrentJurisdiction jurisdiction;
    private final CurrentActor current;
    private final BackgroundTasks tasks;
    private final ru.edu.decisions.service.regulations.Regulations regulations;

    MentoringPageController(MentoringWorkflow workflow, MentoringOverview overview, CurrentJurisdiction jurisdiction,
                            CurrentActor current, BackgroundTasks tasks,
                            ru.edu.decisions.service.regulations.Regulations regulations) {
        this.regulations = regulations;
        this.workflow = workflow;
        this.overview = overview;
        this.jurisdiction = jurisdiction;
        this.current = current;
        this.tasks = tasks;
    }

    @GetMapping("/mentoring")
    String index(Model model) {
        return index(model, null, "");
    }

    private String index(Model model, @Nullable String asOfError, String asOf) {
        String code = jurisdiction.code();
        current.requireRead(code);
        boolean enabled = jurisdiction.rules().decisions().contains(DecisionKind.MENTORING);
        model.addAttribute("mentoringEnabled", enabled);
        model.addAttribute("asOf", asOf);
        model.addAttribute("asOfError", asOfError);
        if (enabled) {
            model.addAttribute("mentors", overview.mentors(code));
            model.addAttribute("runs", overview.runs(code));
            model.addAttribute("defaultCapacity", overview.defaultCapacity(code));
        }
        return "mentoring/index";
    }

    @GetMapping("/mentoring/mentors/{memberId}")
    String mentor(@PathVariable UUID memberId, Model model) {
        String code = jurisdiction.code();
        current.requireRead(code);
        MentoringOverview.MentorEdit edit = overview.mentor(code, memberId);
        model.addAttribute("edit", edit);
        model.addAttribute("form", new OfferForm(edit.consent(), edit.capacity() == null ? "" : edit.capacity().toString(),
                edit.strengths()));
        model.addAttribute("areas", CompetenceArea.values());
        model.addAttribute("errors", Map.of());
        return "mentoring/mentor";
    }

    @PostMapping("/mentoring/mentors/{memberId}")
    String offer(@PathVariable UUID memberId, @RequestParam(required = false) @Nullable String consent,
                 @RequestParam(defaultValue = "") String capacity, @RequestParam(required = false) @Nullable List<String> strengths,
                 Model model, HttpServletResponse response, RedirectAttributes redirect) {
        String code = jurisdiction.code();
        current.requireWrite(code);
        Map<String, String> errors = new LinkedHashMap<>();
        Boolean agreed = "true".equals(consent) ? Boolean.TRUE : "false".equals(consent) ? Boolean.FALSE : null;
        if (agreed == null) {
            errors.put("consent", "Укажите, согласен ли член актива быть наставником");
        }
        Integer places = null;
        if (!capacity.isBlank()) {
            try {
                places = Integer.valueOf(capacity.strip());
                if (places < 0 || places > 1000) {
                    errors.put("capacity", "Укажите целое число от 0 до 1000 или оставьте поле пустым");
                }
            } catch (NumberFormatException e) {
                errors.put("capacity", "Укажите целое число от 0 до 1000 или оставьте поле пустым");
            }
        }
        List<CompetenceArea> areas = new ArrayList<>();
        for (String s : strengths == null ? List.<String>of() : strengths) {
            try {
                CompetenceArea area = CompetenceArea.valueOf(s);
                if (!areas.contains(area)) {
                    areas.add(area);
                }
            } catch (IllegalArgumentException e) {
                errors.put("strengths", "Неизвестная область компетенций; выберите из списка");
            }
        }
        if (errors.isEmpty()) {
            try {
                workflow.offer(code, memberId, new MentorOffer(agreed, places, areas), current.name());
                redirect.addFlashAttribute("notice", "Сведения о наставнике сохранены");
                return "redirect:/mentoring";
            } catch (ApiException e) {
                if (e.status() != HttpStatus.BAD_REQUEST) {
                    throw e;
                }
                e.errors().forEach(error -> errors.put(error.field(), error.message()));
                errors.putIfAbsent("consent", e.getMessage());
            }
        }
        model.addAttribute("edit", overview.mentor(code, memberId));
        model.addAttribute("form", new OfferForm(agreed, capacity, areas));
        model.addAttribute("areas", CompetenceArea.values());
        model.addAttribute("errors", errors);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return "mentoring/mentor";
    }

    /** Starts an assignment run in the background; the person follows it on the task's page. */
    @PostMapping("/mentoring/runs")
    String run(@RequestParam(defaultValue = "") String asOf, Model model, HttpServletResponse response) {
        String code = jurisdiction.code();
        current.requireWrite(code);
        LocalDate date = null;
        if (!asOf.isBlank()) {
            try {
                date = LocalDate.parse(asOf.strip());
            } catch (DateTimeParseException e) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                return index(model, "Укажите дату в формате дд.мм.гггг или оставьте поле пустым (сегодня)", asOf);
            }
        }
        LocalDate on = date;
        String user = current.name();
        UUID task = tasks.start("Подбор наставников", progress -> {
            progress.total(1);
            RunView run = workflow.run(code, on, user);
            progress.advance(1);
            return "/mentoring/runs/" + run.id();
        });
        return "redirect:/tasks/" + task;
    }

    @GetMapping("/mentoring/runs/{id}")
    String run(@PathVariable UUID id, Model model) {
        String code = jurisdiction.code();
        String notFound = "Распределение наставников " + id + " не найдено";
        current.requireRecord(workflow.find(id).jurisdiction(), notFound);
        if (!workflow.find(id).jurisdiction().equals(code)) {
            throw ApiException.notFound(notFound + " на территории, с которой вы работаете; переключите территорию");
        }
        MentoringOverview.RunPage page = overview.run(code, id);
        model.addAttribute("page", page);
        model.addAttribute("jurisdictionCode", code);
        java.util.List<String> codes = new java.util.ArrayList<>();
        page.run().pairs().forEach(pair -> pair.reasons().forEach(r -> codes.add(r.code())));
        page.run().unassigned().forEach(u -> u.reasons().forEach(r -> codes.add(r.code())));
        model.addAttribute("clauseLinks", regulations.links(codes));
        return "mentoring/run";
    }

    @PostMapping("/mentoring/pairs/{id}/confirmation")
    String confirm(@PathVariable UUID id, RedirectAttributes redirect) {
        MentoringPair pair = workflow.pair(id);
        current.requireWrite(pair.jurisdiction());
        try {
            workflow.confirm(id, current.name());
            redirect.addFlashAttribute("notice", "Пара подтверждена");
        } catch (ApiException e) {
            if (e.status() != HttpStatus.CONFLICT) {
                throw e;
            }
            redirect.addFlashAttribute("refusal", e.getMessage());
        }
        return "redirect:/mentoring/runs/" + pair.runId() + "#pair-" + id;
    }

    @PostMapping("/mentoring/pairs/{id}/ending")
    String end(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        MentoringPair pair = workflow.pair(id);
        current.requireWrite(pair.jurisdiction());
        String why = reason.strip();
        if (why.isEmpty() || why.length() > 2000) {
            redirect.addFlashAttribute("endingError", why.isEmpty() ? "Укажите причину завершения пары"
                    : "Причина — не длиннее 2000 символов");
            redirect.addFlashAttribute("endingPair", id);
            redirect.addFlashAttribute("endingReason", reason);
            return "redirect:/mentoring/runs/" + pair.runId() + "#pair-" + id;
        }
        try {
            workflow.end(id, why, current.name());
            redirect.addFlashAttribute("notice", "Пара завершена");
        } catch (ApiException e) {
            if (e.status() != HttpStatus.CONFLICT) {
                throw e;
            }
            redirect.addFlashAttribute("refusal", e.getMessage());
        }
        return "redirect:/mentoring/runs/" + pair.runId() + "#pair-" + id;
    }
}
