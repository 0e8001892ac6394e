package ru.edu.decisions.service.workspace;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import ru.edu.decisions.service.rulesets.RuleSets;
import ru.edu.decisions.service.security.WorkspacePaths;

/**
 * The start page of a signed-in person — what their roles let them do — and the switch between their
 * jurisdictions.
 */
@Controller
class StartController {

    private final CurrentJurisdiction jurisdiction;
    private final RuleSets ruleSets;

    StartController(CurrentJurisdiction jurisdiction, RuleSets ruleSets) {
        this.jurisdiction = jurisdiction;
        this.ruleSets = ruleSets;
    }

    @GetMapping(WorkspacePaths.START)
    String start(Model model) {
        List<String> codes = jurisdiction.choices().stream().map(CurrentJurisdiction.Choice::code).toList();
        model.addAttribute("ruleSets", codes.stream()
                .map(code -> ruleSets.jurisdiction(ruleSets.current(), code))
                .toList());
        return "workspace/start";
    }

    /** Switches the jurisdiction the person works in and goes back to the page they were on. */
    @PostMapping("/jurisdiction")
    String choose(@RequestParam String code, @RequestParam(defaultValue = WorkspacePaths.START) String returnTo) {
        jurisdiction.choose(code);
        return "redirect:" + section(returnTo);
    }

    /** The section a page belongs to ({@code /candidates/…} → {@code /candidates}): a record of the old jurisdiction is not shown under the new one. */
    static String section(String path) {
        if (!path.startsWith("/") || path.startsWith("//")) {
            return WorkspacePaths.START;
        }
        String clean = path.split("[?#]", 2)[0];
        int second = clean.indexOf('/', 1);
        String first = second < 0 ? clean : clean.substring(0, second);
        return first.length() <= 1 ? WorkspacePaths.START : first;
    }
}
