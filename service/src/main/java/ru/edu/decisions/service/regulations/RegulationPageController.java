package ru.edu.decisions.service.regulations;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A jurisdiction's regulation, its own text, beside the decisions: every clause a decision cites links here,
 * {@code /regulations/{jurisdiction}#clause-<code>}, and the paragraph is highlighted. The regulation is a public
 * document: every workspace role may read it.
 */
@Controller
class RegulationPageController {

    private final Regulations regulations;

    RegulationPageController(Regulations regulations) {
        this.regulations = regulations;
    }

    @GetMapping("/regulations/{jurisdiction:[a-z0-9-]{1,64}}")
    String show(@PathVariable String jurisdiction, Model model) {
        Regulations.Page page = regulations.page(jurisdiction);
        model.addAttribute("rules", page.rules());
        model.addAttribute("regulation", page.rules().manifest().regulation());
        model.addAttribute("text", page.text());
        return "regulations/show";
    }
}
