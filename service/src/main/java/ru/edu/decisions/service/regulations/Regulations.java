package ru.edu.decisions.service.regulations;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import ru.edu.decisions.rules.engine.JurisdictionRules;
import ru.edu.decisions.rules.regulation.RegulationText;
import ru.edu.decisions.service.common.ApiException;
import ru.edu.decisions.service.rulesets.RuleSets;

/**
 * The regulations beside the decisions: each jurisdiction's regulation text as its rule set in effect ships it, and
 * where a clause code of a decision points in it. As {@code @regulations} in templates:
 * {@code ${@regulations.href('ust-ishim:3.2.1')}} → {@code /regulations/ust-ishim#clause-3.2.1}.
 */
@Component("regulations")
public class Regulations {

    private final RuleSets ruleSets;

    Regulations(RuleSets ruleSets) {
        this.ruleSets = ruleSets;
    }

    /** The page address of a clause, or null when the code is not a clause of a shipped regulation text. */
    public @Nullable String href(@Nullable String code) {
        if (code == null) {
            return null;
        }
        int colon = code.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String jurisdiction = code.substring(0, colon);
        return ruleSets.current().jurisdiction(jurisdiction)
                .flatMap(JurisdictionRules::regulation)
                .filter(text -> text.resolves(code))
                .map(text -> "/regulations/" + jurisdiction + "#" + RegulationText.anchor(code))
                .orElse(null);
    }

    /** The page addresses of those codes that are clauses of a shipped regulation text, by code (for a page's links). */
    public java.util.Map<String, String> links(java.util.Collection<String> codes) {
        java.util.Map<String, String> links = new java.util.LinkedHashMap<>();
        for (String code : codes) {
            if (code != null && !links.containsKey(code)) {
                String href = href(code);
                if (href != null) {
                    links.put(code, href);
                }
            }
        }
        return links;
    }

    /** A jurisdiction's rules (for the title and citation) and its regulation text, if shipped. */
    public record Page(JurisdictionRules rules, @Nullable RegulationText text) {
    }

    public Page page(String jurisdiction) {
        JurisdictionRules rules = ruleSets.current().jurisdiction(jurisdiction)
                .orElseThrow(() -> ApiException.notFound("Территория «" + jurisdiction + "» не найдена"));
        Optional<RegulationText> text = rules.regulation();
        return new Page(rules, text.orElse(null));
    }
}
