package ru.edu.decisions.service.candidates;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
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
import ru.edu.decisions.model.eligibility.Verdict;
import ru.edu.decisions.service.candidates.CandidateViews.Details;
import ru.edu.decisions.service.candidates.CandidateViews.Reevaluation;
import ru.edu.decisions.service.common.ApiException;
import ru.edu.decisions.service.common.PageView;
import ru.edu.decisions.service.registry.RegistryService;
import ru.edu.decisions.service.regulations.Regulations;
import ru.edu.decisions.service.rulesets.RuleSets;
import ru.edu.decisions.service.security.CurrentActor;
import ru.edu.decisions.service.workspace.BackgroundTasks;
import ru.edu.decisions.service.workspace.CurrentJurisdiction;

/**
 * The IMC's candidate pages: the list with filters, the nomination form (new and to complete), the explained
 * decision with the regulation's clauses beside it, inclusion into the registry and deciding again. Every action
 * goes through the same services as the API.
 */
@Controller
class CandidatePageController {

    static final int PAGE_SIZE = 20;
    private static final String ID = "{id:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}";
    private static final int KEPT_RESULTS = 100;

    /** The choices of the form's drop-downs, by name. */
    static final Map<String, List<? extends Enum<?>>> OPTIONS = Map.ofEntries(
            Map.entry("educationLevel", List.of(ru.edu.decisions.model.EducationLevel.values())),
            Map.entry("trainingKind", List.of(ru.edu.decisions.model.TrainingKind.values())),
            Map.entry("organizationKind", List.of(ru.edu.decisions.model.OrganizationKind.values())),
            Map.entry("position", List.of(ru.edu.decisions.model.Position.values())),
            Map.entry("qualificationCategory", List.of(ru.edu.decisions.model.QualificationCategory.values())),
            Map.entry("membershipKind", List.of(ru.edu.decisions.model.MembershipKind.values())),
            Map.entry("membershipRole", List.of(ru.edu.decisions.model.MembershipRole.values())),
            Map.entry("level", List.of(ru.edu.decisions.model.Level.values())),
            Map.entry("achievementResult", List.of(ru.edu.decisions.model.AchievementResult.values())),
            Map.entry("assessmentKind", List.of(ru.edu.decisions.model.AssessmentKind.values())),
            Map.entry("assessmentResult", List.of(ru.edu.decisions.model.AssessmentResult.values())));

    /** The verdicts as the list's filter offers them. */
    static final Map<Verdict, String> VERDICTS = verdicts();

    private final CandidateService candidates;
    private final RegistryService registry;
    private final CurrentJurisdiction jurisdiction;
    private final CurrentActor current;
    private final BackgroundTasks tasks;
    private final Validator validator;
    private final RuleSets ruleSets;
    private final Regulations regulations;
    /** Summaries of finished re-evaluations by task id, for their result page (the newest ones). */
    private final Map<UUID, StoredResult> results = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<UUID, StoredResult> eldest) {
                    return size() > KEPT_RESULTS;
                }
            });

    CandidatePageController(CandidateService candidates, RegistryService registry, CurrentJurisdiction jurisdiction,
                            CurrentActor current, BackgroundTasks tasks, Validator validator, RuleSets ruleSets,
                            Regulations regulations) {
        this.regulations = regulations;
        this.candidates = candidates;
        this.registry = registry;
        this.jurisdiction = jurisdiction;
        this.current = current;
        this.tasks = tasks;
        this.validator = validator;
        this.ruleSets = ruleSets;
    }

    private static Map<Verdict, String> verdicts() {
        Map<Verdict, String> labels = new LinkedHashMap<>();
        labels.put(Verdict.ELIGIBLE, "Включается");
        labels.put(Verdict.NOT_ELIGIBLE, "Не включается");
        labels.put(Verdict.INSUFFICIENT_DATA, "Недостаточно данных");
        return labels;
    }

    @GetMapping("/candidates")
    String list(@RequestParam(required = false) @Nullable String verdict,
                @RequestParam(required = false) @Nullable String school,
                @RequestParam(required = false) @Nullable String q,
                @RequestParam(defaultValue = "0") int page, Model model) {
        Verdict chosen = VERDICTS.keySet().stream().filter(v -> v.name().equals(verdict)).findFirst().orElse(null);
        String schoolText = limit(school, 500);
        String nameText = limit(q, 300);
        int pageNumber = Math.max(0, Math.min(page, 100_000));
        PageView<CandidateViews.Summary> candidatesPage = candidates.list(jurisdiction.code(),
                new CandidateService.Filter(chosen, schoolText, nameText), pageNumber, PAGE_SIZE);
        model.addAttribute("candidates", candidatesPage);
        model.addAttribute("verdict", chosen == null ? "" : chosen.name());
        model.addAttribute("school", schoolText == null ? "" : schoolText);
        model.addAttribute("q", nameText == null ? "" : nameText);
        model.addAttribute("filtered", chosen != null || schoolText != null || nameText != null);
        model.addAttribute("verdicts", VERDICTS);
        return "candidates/list";
    }

    private static @Nullable String limit(@Nullable String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        return t.length() > max ? t.substring(0, max) : t;
    }

    /** Decides again about every candidate of the jurisdiction, in the background; the result page sums it up. */
    @PostMapping("/candidates/evaluations")
    String reevaluateAll() {
        String code = jurisdiction.code();
        current.requireWrite(code);
        String owner = current.name();
        UUID resultId = UUID.randomUUID();
        UUID taskId = tasks.start("Решения заново по всем кандидатам", progress -> {
            Reevaluation done = candidates.reevaluateAll(code, null, new CandidateService.ReevaluationProgress() {
                @Override
                public void total(int count) {
                    progress.total(count);
                }

                @Override
                public void advance(int count) {
                    progress.advance(count);
                }
            });
            results.put(resultId, new StoredResult(owner, done));
            return "/candidates/evaluations/" + resultId;
        });
        return "redirect:/tasks/" + taskId;
    }

    /** A finished re-evaluation and who started it (only they see its summary). */
    private record StoredResult(String owner, Reevaluation result) {
    }

    @GetMapping("/candidates/evaluations/{resultId}")
    String reevaluation(@PathVariable UUID resultId, Model model) {
        StoredResult stored = results.get(resultId);
        if (stored == null || !stored.owner().equals(current.name())) {
            throw ApiException.notFound("Итог этого действия не найден: он хранится, пока работает сервис, "
                    + "и виден только тому, кто его начал");
        }
        model.addAttribute("result", stored.result());
        model.addAttribute("verdicts", VERDICTS);
        return "candidates/reevaluation";
    }

    @GetMapping("/candidates/new")
    String newForm(Model model) {
        return form(model, CandidateForm.empty(), Map.of(), null);
    }

    @PostMapping("/candidates")
    String submit(HttpServletRequest request, @RequestParam(required = false) @Nullable String addRow,
                  @RequestParam(required = false) @Nullable String removeRow, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        CandidateForm form = CandidateForm.fromParameters(request.getParameterMap());
        String code = jurisdiction.code();
        current.requireWrite(code);
        if (addRow != null || removeRow != null) {
            return form(model, edited(form, addRow, removeRow), Map.of(), null);
        }
        CandidateForm.Result result = form.toProfile(validator);
        if (!result.valid()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, form, result.errors(), null);
        }
        Details details = candidates.submit(code, result.asOf(), result.profile(), current.name());
        redirect.addFlashAttribute("notice", "Кандидат принят; решение вынесено: «"
                + VERDICTS.get(verdictOf(details)) + "»");
        return "redirect:/candidates/" + details.id();
    }

    @GetMapping("/candidates/" + ID)
    String show(@PathVariable UUID id, Model model) {
        Details details = details(id);
        model.addAttribute("candidate", details);
        model.addAttribute("decision", details.latestDecision());
        model.addAttribute("verdicts", VERDICTS);
        Map<String, String> outcomes = new LinkedHashMap<>();
        VERDICTS.forEach((verdict, label) -> outcomes.put(verdict.name(), label));
        model.addAttribute("outcomes", outcomes);
        Map<String, String> missing = new LinkedHashMap<>();
        if (details.latestDecision() != null) {
            details.latestDecision().missing().forEach(path -> missing.put(path, ProfilePaths.describe(path)));
        }
        model.addAttribute("missingLabels", missing);
        java.util.List<String> codes = new java.util.ArrayList<>();
        if (details.latestDecision() != null) {
            details.latestDecision().reasons().forEach(r -> codes.add(r.code()));
            details.latestDecision().facts().forEach(f -> codes.add(f.clause()));
        }
        model.addAttribute("clauseLinks", regulations.links(codes));
        model.addAttribute("regulation", ruleSets.jurisdiction(ruleSets.current(), details.jurisdiction())
                .manifest().regulation().citation());
        return "candidates/show";
    }

    @GetMapping("/candidates/" + ID + "/edit")
    String editForm(@PathVariable UUID id, Model model) {
        Details details = details(id);
        return form(model, CandidateForm.of(details.profile()), Map.of(), details);
    }

    @PostMapping("/candidates/" + ID)
    String amend(@PathVariable UUID id, HttpServletRequest request, @RequestParam(required = false) @Nullable String addRow,
                 @RequestParam(required = false) @Nullable String removeRow, Model model,
                 HttpServletResponse response, RedirectAttributes redirect) {
        Candidate candidate = own(id);
        current.requireWrite(candidate.jurisdiction());
        CandidateForm form = CandidateForm.fromParameters(request.getParameterMap());
        if (addRow != null || removeRow != null) {
            return form(model, edited(form, addRow, removeRow), Map.of(), candidates.details(id));
        }
        CandidateForm.Result result = form.toProfile(validator);
        if (!result.valid()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, form, result.errors(), candidates.details(id));
        }
        Details details = candidates.amend(id, result.asOf(), result.profile(), current.name());
        redirect.addFlashAttribute("notice", "Сведения дополнены; решение вынесено заново: «"
                + VERDICTS.get(verdictOf(details)) + "»");
        return "redirect:/candidates/" + id;
    }

    @PostMapping("/candidates/" + ID + "/evaluations")
    String reevaluate(@PathVariable UUID id, RedirectAttributes redirect) {
        current.requireWrite(own(id).jurisdiction());
        Details details = candidates.reevaluate(id, null);
        redirect.addFlashAttribute("notice", "Решение вынесено заново по действующим правилам: «"
                + VERDICTS.get(verdictOf(details)) + "»");
        return "redirect:/candidates/" + id;
    }

    /** Includes the candidate into the registry; a refusal (409) is shown on the candidate's page with its reasons. */
    @PostMapping("/candidates/" + ID + "/registry")
    String include(@PathVariable UUID id, RedirectAttributes redirect) {
        Candidate candidate = own(id);
        current.requireWrite(candidate.jurisdiction());
        try {
            registry.include(candidate.jurisdiction(), id, current.name());
            redirect.addFlashAttribute("notice", "Кандидат включён в реестр методического актива");
        } catch (ApiException e) {
            if (e.status() != HttpStatus.CONFLICT) {
                throw e;
            }
            redirect.addFlashAttribute("refusal", e.getMessage());
        }
        return "redirect:/candidates/" + id;
    }

    /** The regulation page's address of a clause code, when the code is a clause of a shipped regulation text. */

    private static @Nullable Verdict verdictOf(Details details) {
        return details.latestDecision() == null ? null : details.latestDecision().verdict();
    }

    private static CandidateForm edited(CandidateForm form, @Nullable String addRow, @Nullable String removeRow) {
        return addRow != null ? form.withRowAdded(addRow) : form.withRowRemoved(removeRow);
    }

    private String form(Model model, CandidateForm form, Map<String, String> errors, @Nullable Details candidate) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("candidate", candidate);
        model.addAttribute("options", OPTIONS);
        model.addAttribute("errorLabels", errors.keySet().stream()
                .collect(java.util.stream.Collectors.toMap(k -> k, ProfilePaths::describe, (a, b) -> a, LinkedHashMap::new)));
        return "candidates/form";
    }

    /** The candidate, if it belongs to the jurisdiction the person works in now (otherwise: not found). */
    private Candidate own(UUID id) {
        Candidate candidate = candidates.find(id);
        if (!candidate.jurisdiction().equals(jurisdiction.code())) {
            throw ApiException.notFound(CandidateService.notFound(id));
        }
        return candidate;
    }

    private Details details(UUID id) {
        own(id);
        return candidates.details(id);
    }

    /** The path of a missing field in Russian words (for the template). */
    static List<String> describe(List<String> paths) {
        return paths.stream().map(ProfilePaths::describe).toList();
    }
}
