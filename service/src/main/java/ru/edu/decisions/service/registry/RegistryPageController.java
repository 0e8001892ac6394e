package ru.edu.decisions.service.registry;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.edu.decisions.model.Reason;
import ru.edu.decisions.service.common.DecisionsProperties;
import ru.edu.decisions.service.common.PageView;
import ru.edu.decisions.service.registry.RegistryViews.Member;
import ru.edu.decisions.service.registry.RegistryViews.Status;
import ru.edu.decisions.service.security.CurrentActor;
import ru.edu.decisions.service.workspace.CurrentJurisdiction;

/**
 * The registry of the methodological asset in the workspace (Ust-Ishim 3.4.5): the members of the jurisdiction the
 * person works in, a member with the history of the membership, exclusion with a reason, and the Excel export.
 */
@Controller
class RegistryPageController {

    static final int PAGE_SIZE = 20;

    /** A member in the list: the day of inclusion in the service's zone and the grounds met. */
    record Row(Member member, LocalDate includedOn, List<Reason> grounds) {
    }
    static final int MAX_REASON = 2000;

    private final RegistryService registry;
    private final RegistryExport export;
    private final CurrentJurisdiction jurisdiction;
    private final CurrentActor current;
    private final ZoneId zone;
    private final Clock clock;

    RegistryPageController(RegistryService registry, RegistryExport export, CurrentJurisdiction jurisdiction,
                           CurrentActor current, DecisionsProperties properties, Clock clock) {
        this.zone = properties.timeZone();
        this.clock = clock;
        this.registry = registry;
        this.export = export;
        this.jurisdiction = jurisdiction;
        this.current = current;
    }

    @GetMapping("/registry")
    String list(@RequestParam(name = "status", defaultValue = "ACTIVE") String statusName,
                @RequestParam(defaultValue = "0") int page, Model model) {
        Status status = status(statusName, Status.ACTIVE);
        PageView<Member> members = registry.list(jurisdiction.code(), status, Math.max(page, 0), PAGE_SIZE);
        Map<UUID, List<Reason>> grounds = new LinkedHashMap<>();
        List<Row> rows = members.items().stream().map(m -> new Row(m, m.includedAt().atZone(zone).toLocalDate(),
                grounds.computeIfAbsent(m.basisDecisionId(), registry::grounds))).toList();
        model.addAttribute("members", members);
        model.addAttribute("rows", rows);
        model.addAttribute("status", status);
        model.addAttribute("statuses", Status.values());
        return "registry/list";
    }

    @GetMapping("/registry/members/{id}")
    String member(@PathVariable UUID id, Model model) {
        return memberPage(registry.get(jurisdiction.code(), id), model);
    }

    private String memberPage(Member member, Model model) {
        model.addAttribute("member", member);
        model.addAttribute("grounds", registry.grounds(member.basisDecisionId()));
        return "registry/member";
    }

    @PostMapping("/registry/members/{id}/exclusion")
    String exclude(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, Model model,
                   HttpServletResponse response, RedirectAttributes redirect) {
        String code = jurisdiction.code();
        current.requireWrite(code);
        String error = reason.isBlank() ? "Укажите причину исключения"
                : reason.strip().length() > MAX_REASON ? "Причина — не длиннее " + MAX_REASON + " символов" : null;
        if (error != null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("reason", reason);
            model.addAttribute("reasonError", error);
            return memberPage(registry.get(code, id), model);
        }
        Member member = registry.exclude(code, id, reason, current.name());
        redirect.addFlashAttribute("notice", member.fullName() == null ? "Член актива исключён из реестра"
                : member.fullName() + " исключён(а) из реестра методического актива");
        return "redirect:/registry/members/" + id;
    }

    @GetMapping("/registry/export.xlsx")
    void export(@RequestParam(name = "status", defaultValue = "ALL") String statusName, HttpServletResponse response)
            throws IOException {
        Status status = status(statusName, Status.ALL);
        String code = jurisdiction.code();
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("reestr-aktiva-" + code + "-" + LocalDate.now(clock.withZone(zone)) + ".xlsx", StandardCharsets.UTF_8).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        export.write(code, status, bytes);
        response.setContentLength(bytes.size());
        bytes.writeTo(response.getOutputStream());
    }

    /** The status filter of a link (an unknown value shows the default list rather than an error). */
    private static Status status(String name, Status fallback) {
        return java.util.Arrays.stream(Status.values()).filter(s -> s.name().equals(name)).findFirst().orElse(fallback);
    }
}
