package ru.edu.decisions.service.decisionlog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import ru.edu.decisions.service.common.ApiException;
import ru.edu.decisions.service.security.Actor;
import ru.edu.decisions.service.security.ApiScope;
import ru.edu.decisions.service.security.CurrentActor;
import ru.edu.decisions.service.security.PersonalDataAccessLog;
import ru.edu.decisions.service.security.PersonalDataAccessLog.Action;
import ru.edu.decisions.service.security.PersonalDataAccessLog.RecordKind;
import ru.edu.decisions.service.security.Role;

/**
 * One decision of the log. Decisions of the stateless endpoints (source {@code API}) hold no personal data: anyone
 * with a role in their jurisdiction reads them, a key only those of its scopes. Decisions of the IMC workflow (about
 * a stored candidate, route or mentoring run; their reasons quote the person's data) are read only by IMC staff of
 * the jurisdiction (and administrators), and every such read is recorded in the personal-data access log. For
 * everyone else the decision does not exist (404).
 */
@RestController
@Tag(name = "Журнал решений")
class DecisionLogController {

    private final DecisionLog log;
    private final CurrentActor current;
    private final PersonalDataAccessLog accessLog;

    DecisionLogController(DecisionLog log, CurrentActor current, PersonalDataAccessLog accessLog) {
        this.log = log;
        this.current = current;
        this.accessLog = accessLog;
    }

    @GetMapping("/api/v1/decisions/{id}")
    @Operation(summary = "Решение из журнала: версия правил, дата, вердикт, основания, причины, хеш входных данных. "
            + "Решения процессов ИМЦ (по сохранённым кандидатам, маршрутам, подборам наставников) — только сотрудникам "
            + "ИМЦ территории, с записью в журнал доступа к персональным данным; ключ API читает только решения "
            + "решающих методов своих областей")
    DecisionRecord decision(@PathVariable UUID id) {
        String notFound = "Решение " + id + " не найдено в журнале";
        DecisionRecord record = log.find(id).orElseThrow(() -> ApiException.notFound(notFound));
        Actor actor = current.actor();
        if (!actor.covers(record.jurisdiction()) || !mayRead(actor, record)) {
            throw ApiException.notFound(notFound);
        }
        if (record.source() == DecisionRecord.Source.WORKFLOW) {
            accessLog.record(Action.READ, subjectKind(record), record.subjectId() == null ? record.id() : record.subjectId(),
                    record.jurisdiction());
        }
        return record;
    }

    private static boolean mayRead(Actor actor, DecisionRecord record) {
        if (record.source() == DecisionRecord.Source.WORKFLOW) {
            return actor.kind() == Actor.Kind.USER && (actor.has(Role.IMC_STAFF) || actor.has(Role.ADMIN));
        }
        return actor.kind() != Actor.Kind.API_KEY || actor.scopes().contains(ApiScope.of(record.kind()));
    }

    private static RecordKind subjectKind(DecisionRecord record) {
        if (record.subjectId() == null) {
            return RecordKind.DECISION;
        }
        return switch (record.kind()) {
            case ELIGIBILITY -> RecordKind.CANDIDATE;
            case ROUTES -> RecordKind.ROUTE;
            case MENTORING -> RecordKind.MENTORING_RUN;
            case INDICATORS -> RecordKind.DECISION;
        };
    }
}
