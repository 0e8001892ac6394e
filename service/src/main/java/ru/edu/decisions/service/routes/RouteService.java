package ru.edu.decisions.service.routes;

import ru.edu.decisions.rules.routes.RouteRules;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.edu.decisions.model.DecisionKind;
import ru.edu.decisions.model.TeacherProfile;
import ru.edu.decisions.model.routes.CompetenceArea;
import ru.edu.decisions.model.routes.Deficit;
import ru.edu.decisions.model.routes.Diagnostics;
import ru.edu.decisions.model.routes.Preferences;
import ru.edu.decisions.model.routes.RouteDecision;
import ru.edu.decisions.model.routes.School;
import ru.edu.decisions.rules.engine.JurisdictionRules;
import ru.edu.decisions.rules.routes.RouteOutcome;
import ru.edu.decisions.service.common.ApiException;
import ru.edu.decisions.service.common.Ids;
import ru.edu.decisions.service.common.JsonCodec;
import ru.edu.decisions.service.decisionlog.DecisionLog;
import ru.edu.decisions.service.decisionlog.DecisionRecord;
import ru.edu.decisions.service.routes.EducationalRoute.RouteEvent;
import ru.edu.decisions.service.routes.EducationalRoute.RouteItem;
import ru.edu.decisions.service.routes.EducationalRoute.ItemStatus;
import ru.edu.decisions.service.routes.EducationalRoute.Status;
import ru.edu.decisions.service.routes.RouteViews.DiagnosticsSubmission;
import ru.edu.decisions.service.routes.RouteViews.ProgressUpdate;
import ru.edu.decisions.service.routes.RouteViews.RouteView;
import ru.edu.decisions.service.rulesets.RuleSets;
import ru.edu.decisions.service.teachers.Teacher;
import ru.edu.decisions.service.teachers.TeacherService;

/**
 * Route decisions (the jurisdiction's rules decide; this class frames the outcome as the contract's decision and logs
 * it) and the IMC's tracking of stored routes: diagnostics of a teacher give a route, its items move
 * PLANNED → IN_PROGRESS → DONE with evidence, and the route is completed when all its items are.
 */
@Service
public class RouteService {

    private static final org.slf4j.Logger logger = org.slf4j.LoggerFactory.getLogger(RouteService.class);

    private final RuleSets ruleSets;
    private final DecisionLog log;
    private final JsonCodec json;
    private final Clock clock;
    private final TeacherService teachers;
    private final EducationalRouteRepository routes;

    RouteService(RuleSets ruleSets, DecisionLog log, JsonCodec json, Clock clock, TeacherService teachers,
                 EducationalRouteRepository routes) {
        this.ruleSets = ruleSets;
        this.log = log;
        this.json = json;
        this.clock = clock;
        this.teachers = teachers;
        this.routes = routes;
    }

    /** The jurisdiction's route rules; 404 when it has none. */
    public JurisdictionRules rules(String jurisdiction) {
        return ruleSets.requireDecision(ruleSets.current(), jurisdiction, DecisionKind.ROUTES);
    }

    /** Decides a route and appends the decision to the log (the stored document holds no personal data). */
    public RouteDecision decide(String jurisdiction, @Nullable LocalDate asOf, TeacherProfile teacher, @Nullable School school,
                                Diagnostics diagnostics, @Nullable Preferences preferences, DecisionRecord.Source source,
                                @Nullable UUID subjectId, boolean withTrace) {
        return decided(jurisdiction, asOf, teacher, school, diagnostics, preferences, source, subjectId, withTrace).decision();
    }

    /** A route decision as answered, and what kind of route it is. */
    private record Decided(RouteDecision decision, RouteOutcome.Result result, int unmetNeeds) {
    }

    private Decided decided(String jurisdiction, @Nullable LocalDate asOf, TeacherProfile teacher, @Nullable School school,
                            Diagnostics diagnostics, @Nullable Preferences preferences, DecisionRecord.Source source,
                            @Nullable UUID subjectId, boolean withTrace) {
        LocalDate date = asOf == null ? LocalDate.now(clock) : asOf;
        JurisdictionRules rules = ruleSets.requireDecision(ruleSets.current(), jurisdiction, DecisionKind.ROUTES, date);
        RouteOutcome outcome = rules.decision(RouteRules.class).orElseThrow().evaluate(teacher, school, diagnostics, preferences, date);
        RouteDecision decision = new RouteDecision(Ids.newId(), rules.code(), rules.ref(), date, outcome.deficits(),
                outcome.route(), outcome.reasons(), withTrace ? outcome.trace() : List.of());
        List<String> grounds = outcome.deficits().stream().map(d -> d.area() + ":" + d.level()).toList();
        log.append(new DecisionRecord(decision.decisionId(), DecisionKind.ROUTES, source, rules.code(), rules.version(),
                date, logOutcome(outcome.result()), grounds, outcome.reasons(),
                json.hash(rules.code(), date.toString(), teacher.withoutPersonalData(), school, diagnostics, preferences), subjectId,
                Instant.now(clock), json.write(decision)));
        return new Decided(decision, outcome.result(), outcome.unmetNeeds());
    }

    /**
     * The decision log's outcome of a route decision: {@code ROUTE} (items in the route's school year),
     * {@code ROUTE_DEFERRED} (every item deferred to a later school year), {@code NEEDS_NOT_MET} (needs found, none met
     * from the catalogue), {@code EMPTY_ROUTE} (no deficits, no circumstances).
     */
    private static String logOutcome(RouteOutcome.Result result) {
        return switch (result) {
            case ROUTE -> "ROUTE";
            case ALL_DEFERRED -> "ROUTE_DEFERRED";
            case NEEDS_NOT_MET -> "NEEDS_NOT_MET";
            case EMPTY -> "EMPTY_ROUTE";
        };
    }

    /** Diagnostics of a stored teacher: the route decision is made and stored; an active earlier route is superseded. */
    @Transactional
    public RouteView diagnose(UUID teacherId, DiagnosticsSubmission submission, @Nullable String user) {
        Teacher teacher = teachers.find(teacherId);
        School school = submission.school() != null
                ? teachers.withReferenceFlags(teacher.jurisdiction(), submission.school()) : teachers.school(teacher.school());
        UUID routeId = Ids.newId();
        Decided decided = decided(teacher.jurisdiction(), submission.asOf(), teachers.profile(teacher), school,
                submission.diagnostics(), submission.preferences(), DecisionRecord.Source.WORKFLOW, routeId, true);
        RouteDecision decision = decided.decision();
        Instant now = clock.instant();
        for (EducationalRoute active : routes.findByTeacherIdAndStatus(teacherId, Status.ACTIVE)) {
            routes.save(active.withStatus(Status.SUPERSEDED, null, new RouteEvent(now, user, null, Status.ACTIVE.name(),
                    Status.SUPERSEDED.name(), "Заменён маршрутом " + routeId + " по новой диагностике")));
        }
        List<RouteItem> items = new ArrayList<>();
        decision.route().items().forEach(item -> items.add(item(item, decision.route().deferred().contains(item), now)));
        Status status = switch (decided.result()) {
            case ROUTE, ALL_DEFERRED -> Status.ACTIVE;
            case NEEDS_NOT_MET -> Status.UNMET;
            case EMPTY -> Status.EMPTY;
        };
        EducationalRoute route = new EducationalRoute(routeId, null, teacherId, teacher.jurisdiction(), decision.decisionId(),
                decision.ruleSet().version(), decision.asOf(), submission.diagnostics().date(), json.write(decision.deficits()),
                decision.route().followUpDiagnostics(), decision.route().totalHours(), status, now, user, null, items,
                List.of(new RouteEvent(now, user, null, null, status.name(), note(decided))));
        routes.save(route);
        logger.info("Route {} for teacher {} in {} by {}: {} items under rules {}", routeId, teacherId,
                teacher.jurisdiction(), user, items.size(), decision.ruleSet().version());
        return view(find(teacherId, routeId));
    }

    /** What the history says about a new route, in Russian: what it holds, what waits, what the catalogue could not meet. */
    private static String note(Decided decided) {
        RouteDecision decision = decided.decision();
        int later = decision.route().deferred().size();
        String year = schoolYear(decision.route().followUpDiagnostics());
        String unmet = decided.unmetNeeds() == 0 ? "" : "; не закрыто потребностей: " + decided.unmetNeeds() + " (см. причины)";
        return switch (decided.result()) {
            case ROUTE -> "Маршрут составлен" + (year == null ? "" : " на " + year) + ": "
                    + count(decision.route().thisYear().size()) + ", " + decision.route().hoursThisYear() + " ч"
                    + (later == 0 ? "" : "; отложено на следующие учебные годы: " + count(later)) + unmet;
            case ALL_DEFERRED -> "Маршрут составлен, но" + (year == null ? "" : " на " + year) + " мероприятий в нём нет: "
                    + count(later) + (later % 10 == 1 && later % 100 != 11 ? " отложено" : " отложены")
                    + " на следующие учебные годы (см. причины)" + unmet;
            case NEEDS_NOT_MET -> "Маршрут не составлен: ни одна из выявленных потребностей (" + decided.unmetNeeds()
                    + ") не закрыта мероприятиями каталога — нужен подбор мероприятий вручную или пополнение каталога "
                    + "(см. причины)";
            case EMPTY -> "Диагностика не выявила дефицитов и обстоятельств — маршрут пуст";
        };
    }

    /** «2026/27 учебный год» — the school year before the follow-up diagnostics. */
    private static @Nullable String schoolYear(@Nullable LocalDate followUpDiagnostics) {
        if (followUpDiagnostics == null) {
            return null;
        }
        int end = followUpDiagnostics.getYear();
        return (end - 1) + "/" + String.format("%02d", end % 100) + " учебный год";
    }

    /** «1 мероприятие», «3 мероприятия», «5 мероприятий». */
    private static String count(int n) {
        int lastTwo = n % 100;
        int last = n % 10;
        String noun = lastTwo >= 11 && lastTwo <= 14 ? "мероприятий"
                : last == 1 ? "мероприятие" : last >= 2 && last <= 4 ? "мероприятия" : "мероприятий";
        return n + " " + noun;
    }

    private static RouteItem item(ru.edu.decisions.model.routes.RouteItem item, boolean deferred, Instant now) {
        return new RouteItem(item.activityId(), item.type(), item.title(),
                item.areas().stream().map(Enum::name).collect(Collectors.joining(",")), item.hours(), item.format(),
                item.federalRegistry(), item.provider(), item.start(), item.end(), item.evidence(), item.reason(),
                item.code(), deferred, ItemStatus.PLANNED, null, now);
    }

    /** Moves an item one step on (PLANNED → IN_PROGRESS → DONE, DONE needs the evidence); completes the route after the last. */
    @Transactional
    public RouteView progress(UUID teacherId, UUID routeId, int number, ProgressUpdate update, @Nullable String user) {
        EducationalRoute route = find(teacherId, routeId);
        if (route.status() != Status.ACTIVE) {
            throw ApiException.conflict("Маршрут " + routeId + " не действует (" + statusLabel(route.status())
                    + "): отмечать выполнение можно только в действующем маршруте");
        }
        if (number < 1 || number > route.items().size()) {
            throw ApiException.notFound("В маршруте " + routeId + " нет мероприятия № " + number + " (всего "
                    + route.items().size() + ")");
        }
        RouteItem item = route.items().get(number - 1);
        ItemStatus expected = item.status() == ItemStatus.PLANNED ? ItemStatus.IN_PROGRESS
                : item.status() == ItemStatus.IN_PROGRESS ? ItemStatus.DONE : null;
        if (update.status() != expected) {
            throw ApiException.conflict("Мероприятие № " + number + " «" + item.title() + "» — " + itemLabel(item.status())
                    + (expected == null ? "; дальше его переводить некуда"
                    : "; следующий шаг — «" + itemLabel(expected) + "», а не «" + itemLabel(update.status()) + "»"));
        }
        String evidence = update.evidence() == null || update.evidence().isBlank() ? null : update.evidence().trim();
        if (update.status() == ItemStatus.DONE && evidence == null) {
            throw ApiException.badRequest("Чтобы отметить мероприятие № " + number + " выполненным, укажите подтверждение: "
                    + item.requiredEvidence());
        }
        Instant now = clock.instant();
        route = route.withItem(number - 1, item.moved(update.status(), evidence, now),
                new RouteEvent(now, user, number, item.status().name(), update.status().name(), evidence));
        if (route.items().stream().allMatch(i -> i.status() == ItemStatus.DONE)) {
            route = route.withStatus(Status.COMPLETED, now, new RouteEvent(now, user, null, Status.ACTIVE.name(),
                    Status.COMPLETED.name(), "Все мероприятия маршрута выполнены"));
        }
        routes.save(route);
        return view(find(teacherId, routeId));
    }

    public List<RouteView> forTeacher(UUID teacherId) {
        teachers.find(teacherId);
        return routes.findByTeacherIdOrderByCreatedAtDesc(teacherId).stream().map(this::view).toList();
    }

    public RouteView get(UUID teacherId, UUID routeId) {
        return view(find(teacherId, routeId));
    }

    private EducationalRoute find(UUID teacherId, UUID routeId) {
        return routes.findById(routeId).filter(r -> r.teacherId().equals(teacherId))
                .orElseThrow(() -> ApiException.notFound("Маршрут " + routeId + " педагога " + teacherId + " не найден"));
    }

    private RouteView view(EducationalRoute route) {
        List<RouteViews.ItemView> items = new ArrayList<>();
        for (int i = 0; i < route.items().size(); i++) {
            RouteItem item = route.items().get(i);
            items.add(new RouteViews.ItemView(i + 1, item.activityId(), item.type(), item.title(),
                    Arrays.stream(item.areas().split(",")).filter(s -> !s.isBlank()).map(CompetenceArea::valueOf).toList(),
                    item.hours(), item.format(), item.federalRegistry(), item.provider(), item.startDate(), item.endDate(),
                    item.requiredEvidence(), item.reason(), item.code(), item.deferred(), item.status(), item.evidence(),
                    item.updatedAt()));
        }
        RouteDecision decision = log.find(route.decisionId()).map(r -> json.read(r.decision(), RouteDecision.class)).orElse(null);
        return new RouteView(route.id(), route.teacherId(), route.jurisdiction(), route.status(), route.decisionId(),
                route.ruleSetVersion(), route.asOf(), route.diagnosticsDate(),
                List.of(json.read(route.deficits(), Deficit[].class)), items, route.totalHours(), route.followUpDiagnostics(),
                route.createdAt(), route.createdBy(), route.completedAt(),
                decision == null ? List.of() : decision.reasons(), route.events());
    }

    private static String statusLabel(Status status) {
        return switch (status) {
            case ACTIVE -> "действует";
            case COMPLETED -> "завершён";
            case SUPERSEDED -> "заменён новым маршрутом";
            case EMPTY -> "пуст";
            case UNMET -> "не составлен: потребности не закрыты каталогом";
        };
    }

    private static String itemLabel(@Nullable ItemStatus status) {
        if (status == null) {
            return "—";
        }
        return switch (status) {
            case PLANNED -> "запланировано";
            case IN_PROGRESS -> "выполняется";
            case DONE -> "выполнено";
        };
    }
}
