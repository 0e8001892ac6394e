package ru.edu.decisions.service.security;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import ru.edu.decisions.model.DecisionKind;
import ru.edu.decisions.service.common.ApiException;

/**
 * The actor of the current request and the jurisdiction checks every feature makes: a read outside the actor's
 * jurisdictions is a 404 (nobody learns that someone else's record exists), a write a 403.
 */
@Component
public class CurrentActor {

    /** Something that carries the actor: the principal of every authentication this service makes. */
    public interface Holder {
        Actor actor();
    }

    public @Nullable Actor actorOrNull() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    /** The actor an authentication of this service carries, if it is one. */
    static @Nullable Actor of(@Nullable Authentication authentication) {
        if (authentication == null) {
            return null;
        }
        Object principal = authentication.getPrincipal();
        if (principal instanceof Actor actor) {
            return actor;
        }
        if (principal instanceof Holder holder) {
            return holder.actor();
        }
        return null;
    }

    public Actor actor() {
        Actor actor = actorOrNull();
        if (actor == null) {
            throw new ApiException(org.springframework.http.HttpStatus.UNAUTHORIZED, "unauthenticated",
                    "Требуется аутентификация", "Войдите в систему или передайте ключ API в заголовке X-API-Key");
        }
        return actor;
    }

    /** The name recorded as who did something. */
    public @Nullable String name() {
        Actor actor = actorOrNull();
        return actor == null ? null : actor.label();
    }

    /** Reading data of a jurisdiction: outside the actor's jurisdictions it does not exist for them (404). */
    public void requireRead(String jurisdiction) {
        if (!actor().covers(jurisdiction)) {
            throw ApiException.notFound("Данные территории «" + jurisdiction + "» не найдены");
        }
    }

    /** Reading one record: outside the actor's jurisdictions the record is not found (404). */
    public void requireRecord(String jurisdiction, String notFoundDetail) {
        if (!actor().covers(jurisdiction)) {
            throw ApiException.notFound(notFoundDetail);
        }
    }

    /** Changing data of a jurisdiction: outside the actor's jurisdictions it is forbidden (403). */
    public void requireWrite(String jurisdiction) {
        if (!actor().covers(jurisdiction)) {
            throw ApiException.forbidden("Нет прав на изменение данных территории «" + jurisdiction + "»");
        }
    }

    /** Asking for a decision: the jurisdiction must be the actor's, and a key must have the decision in its scopes. */
    public void requireDecision(String jurisdiction, DecisionKind kind) {
        Actor actor = actor();
        if (actor.kind() == Actor.Kind.API_KEY && !actor.scopes().contains(ApiScope.of(kind))) {
            throw ApiException.forbidden("Ключ API «" + actor.name() + "» не дает права на решения " + kind
                    + "; его области: " + actor.scopes());
        }
        if (!actor.covers(jurisdiction)) {
            throw ApiException.forbidden("Нет прав на решения по территории «" + jurisdiction + "»");
        }
    }
}
