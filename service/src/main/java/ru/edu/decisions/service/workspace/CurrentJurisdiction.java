package ru.edu.decisions.service.workspace;

import jakarta.servlet.http.HttpSession;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import ru.edu.decisions.rules.engine.JurisdictionRules;
import ru.edu.decisions.service.common.ApiException;
import ru.edu.decisions.service.rulesets.RuleSets;
import ru.edu.decisions.service.security.Actor;
import ru.edu.decisions.service.security.CurrentActor;

/**
 * The jurisdiction a person works in in the workspace: one of theirs (all the rule base knows for {@code *}),
 * chosen with the switcher and kept in the session; the first of theirs until they choose. Page controllers take
 * the jurisdiction from here and pass it to the same services the API calls, which check it again.
 */
@Component
public class CurrentJurisdiction {

    static final String SESSION_ATTRIBUTE = "workspace.jurisdiction";

    /** A jurisdiction the person may choose: its code and name. */
    public record Choice(String code, String name) {
    }

    private final CurrentActor current;
    private final RuleSets ruleSets;

    CurrentJurisdiction(CurrentActor current, RuleSets ruleSets) {
        this.current = current;
        this.ruleSets = ruleSets;
    }

    /** The person's jurisdictions, by name. */
    public List<Choice> choices() {
        Actor actor = current.actorOrNull();
        if (actor == null) {
            return List.of();
        }
        return ruleSets.current().jurisdictions().values().stream()
                .filter(rules -> actor.covers(rules.code()))
                .map(rules -> new Choice(rules.code(), rules.manifest().name()))
                .sorted(Comparator.comparing(Choice::name))
                .toList();
    }

    /** The code of the jurisdiction the person works in now; a 403 page when they have none. */
    public String code() {
        String code = codeOrNull();
        if (code == null) {
            throw ApiException.forbidden("Учётной записи не назначена ни одна территория; обратитесь к администратору");
        }
        return code;
    }

    public @Nullable String codeOrNull() {
        List<Choice> choices = choices();
        if (choices.isEmpty()) {
            return null;
        }
        HttpSession session = session();
        Object chosen = session == null ? null : session.getAttribute(SESSION_ATTRIBUTE);
        return choices.stream().map(Choice::code).filter(c -> c.equals(chosen)).findFirst().orElse(choices.get(0).code());
    }

    /** The rules of the jurisdiction the person works in now. */
    public JurisdictionRules rules() {
        return ruleSets.jurisdiction(ruleSets.current(), code());
    }

    /** Switches to one of the person's jurisdictions; anything else is refused. */
    void choose(String code) {
        if (choices().stream().noneMatch(c -> c.code().equals(code))) {
            throw ApiException.forbidden("Территория «" + code + "» не входит в ваши территории");
        }
        HttpSession session = session();
        if (session != null) {
            session.setAttribute(SESSION_ATTRIBUTE, code);
        }
    }

    private static @Nullable HttpSession session() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        Object session = attributes == null ? null : attributes.resolveReference(RequestAttributes.REFERENCE_SESSION);
        return session instanceof HttpSession s ? s : null;
    }
}
