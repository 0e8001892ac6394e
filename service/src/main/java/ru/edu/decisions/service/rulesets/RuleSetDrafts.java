package ru.edu.decisions.service.rulesets;

import ru.edu.decisions.rules.mentoring.MentoringRules;
import ru.edu.decisions.rules.routes.RouteRules;
import ru.edu.decisions.rules.eligibility.EligibilityRules;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.edu.decisions.model.DecisionKind;
import ru.edu.decisions.model.Reason;
import ru.edu.decisions.model.TeacherProfile;
import ru.edu.decisions.model.routes.CompetenceArea;
import ru.edu.decisions.model.routes.Deficit;
import ru.edu.decisions.model.routes.Diagnostics;
import ru.edu.decisions.model.routes.School;
import ru.edu.decisions.rules.routes.RouteOutcome;
import ru.edu.decisions.model.eligibility.Verdict;
import ru.edu.decisions.rules.eligibility.EligibilityOutcome;
import ru.edu.decisions.rules.eligibility.ScenarioCheck;
import ru.edu.decisions.rules.engine.CompileProblem;
import ru.edu.decisions.rules.engine.DecisionEngine;
import ru.edu.decisions.rules.engine.JurisdictionRules;
import ru.edu.decisions.rules.engine.RuleBase;
import ru.edu.decisions.rules.engine.RuleBaseCompilationException;
import ru.edu.decisions.rules.engine.RuleSetCompiler;
import ru.edu.decisions.service.common.ApiException;
import ru.edu.decisions.service.common.DecisionThreads;
import ru.edu.decisions.service.common.DecisionsProperties;
import ru.edu.decisions.service.common.Ids;
import ru.edu.decisions.service.common.JsonCodec;
import ru.edu.decisions.service.rulesets.RuleSetVersion.Status;
import ru.edu.decisions.service.rulesets.RuleSetViews.Change;
import ru.edu.decisions.service.rulesets.RuleSetViews.Draft;
import ru.edu.decisions.service.rulesets.RuleSetViews.FileChange;
import ru.edu.decisions.service.rulesets.RuleSetViews.Files;
import ru.edu.decisions.service.rulesets.RuleSetViews.InForce;
import ru.edu.decisions.service.rulesets.RuleSetViews.ScenarioReport;
import ru.edu.decisions.service.rulesets.RuleSetViews.Simulation;
import tools.jackson.core.type.TypeReference;

/**
 * The rule-set lifecycle with four eyes. A policy editor submits a draft: it starts from the version in force (or a
 * named published one), holds the complete rule set — manifest, rule files, tables, catalogue, scenario tables — and
 * is checked at once (compiled, rule-file checks, the jurisdiction's scenario tables). Anyone working with the rules
 * may simulate what it would change. A policy approver who is not its author publishes it from a date — only while
 * its base is still the latest publication, so no publication silently drops another's change — or rolls the latest
 * publication back, with a reason. Every instance is told at once ({@link RuleSetSync}).
 */
@Service
public class RuleSetDrafts {

    private static final Pattern FILE_NAME = Pattern.compile(
            "(manifest\\.yaml|(eligibility|routes|mentoring|indicators)[\\w-]*\\.drl|[\\w-]+\\.csv|[\\w-]+\\.txt|scenarios/[\\w-]+\\.csv)");
    private static final TypeReference<List<CompileProblem>> PROBLEMS = new TypeReference<>() { };
    private static final TypeReference<Map<String, String>> FILES = new TypeReference<>() { };
    private static final int MAX_PAGE_SIZE = 1000;

    private final RuleSetVersionRepository versions;
    private final RuleBaseLoader loader;
    private final RuleSetTimeline timeline;
    private final RuleSetCompiler compiler;
    private final DecisionEngine engine;
    private final RuleSets ruleSets;
    private final JsonCodec json;
    private final JdbcClient sql;
    private final DecisionThreads threads;
    private final Clock clock;
    private final RuleSetSync sync;
    private final DecisionsProperties properties;
    private final ru.edu.decisions.service.mentoring.MentoringWorkflow mentoring;

    RuleSetDrafts(RuleSetVersionRepository versions, RuleBaseLoader loader, RuleSetTimeline timeline,
                  RuleSetCompiler compiler, DecisionEngine engine, RuleSets ruleSets, JsonCodec json, JdbcClient sql,
                  DecisionThreads threads, Clock clock, RuleSetSync sync, DecisionsProperties properties,
                  ru.edu.decisions.service.mentoring.MentoringWorkflow mentoring) {
        this.mentoring = mentoring;
        this.versions = versions;
        this.loader = loader;
        this.timeline = timeline;
        this.compiler = compiler;
        this.engine = engine;
        this.ruleSets = ruleSets;
        this.json = json;
        this.sql = sql;
        this.threads = threads;
        this.clock = clock;
        this.sync = sync;
        this.properties = properties;
    }

    /** The complete rule set of the latest publication of a jurisdiction (or its rule directory), with its version. */
    public Files files(String jurisdiction) {
        ruleSets.jurisdiction(ruleSets.current(), jurisdiction);
        RuleSetVersion head = head(jurisdiction);
        Map<String, String> files = head == null ? loader.baseFiles(jurisdiction) : loader.completeFiles(head);
        return new Files(jurisdiction, compileOrConflict(jurisdiction, files).version(), new TreeMap<>(files));
    }

    /**
     * Stores a draft: the base's complete rule set with {@code files} over it, with the result of its check
     * (compiled and tried on the sample data within the configured time, then the scenario tables), outside any
     * transaction (the check may take seconds and holds no connection).
     */
    public Draft create(String jurisdiction, Map<String, String> files, @Nullable String comment, String author,
                        @Nullable UUID baseVersionId) {
        ruleSets.jurisdiction(ruleSets.current(), jurisdiction);
        files.keySet().forEach(name -> {
            if (!FILE_NAME.matcher(name).matches()) {
                throw ApiException.badRequest("Недопустимое имя файла «" + name + "»: допускаются manifest.yaml, "
                        + "eligibility*.drl, routes*.drl, mentoring*.drl, indicators*.drl, таблицы *.csv, текст Положения *.txt и таблицы "
                        + "сценариев scenarios/*.csv");
            }
        });
        RuleSetVersion base;
        if (baseVersionId == null) {
            base = head(jurisdiction);
        } else {
            base = versions.findById(baseVersionId).filter(v -> v.jurisdiction().equals(jurisdiction) && v.publishedAt() != null)
                    .orElseThrow(() -> ApiException.notFound("Опубликованная версия правил " + baseVersionId
                            + " территории «" + jurisdiction + "» не найдена: черновик начинают от опубликованной версии"));
        }
        Map<String, String> baseFiles = base == null ? loader.baseFiles(jurisdiction) : loader.completeFiles(base);
        String baseRuleSet = compileOrConflict(jurisdiction, baseFiles).version();
        Map<String, String> complete = new TreeMap<>(baseFiles);
        complete.putAll(files);
        Check check = check(jurisdiction, complete);
        RuleSetVersion draft = versions.save(new RuleSetVersion(Ids.newId(), null, jurisdiction, Status.DRAFT,
                json.write(complete), comment, author, clock.instant(), json.write(check.problems()), null, null, null, null,
                base == null ? null : base.id(), baseRuleSet, null, json.write(check.scenarios()), null));
        if (check.problems().isEmpty()) {
            sync.announceDraft(draft.id());
        }
        return view(draft, true);
    }

    public List<Draft> list(String jurisdiction) {
        return versions.findByJurisdictionOrderByCreatedAtDesc(jurisdiction).stream().map(v -> view(v, false)).toList();
    }

    public Draft get(String jurisdiction, UUID id) {
        return view(find(jurisdiction, id), true);
    }

    @Transactional
    public Draft withdraw(String jurisdiction, UUID id, String by) {
        RuleSetVersion draft = find(jurisdiction, id);
        if (draft.status() != Status.DRAFT) {
            throw ApiException.conflict("Отозвать можно только черновик; этот — " + draft.status());
        }
        if (!draft.author().equals(by)) {
            throw ApiException.forbidden("Отозвать черновик может только его автор (" + draft.author() + ")");
        }
        return view(versions.save(draft.withStatus(Status.WITHDRAWN)), false);
    }

    /**
     * Publishes a draft from {@code effectiveFrom} (default: today): never by its own author; only while its base is
     * the latest publication of the jurisdiction (else it would drop what was published since); only if it compiles
     * and every row of its scenario tables passes.
     */
    @Transactional
    public Draft publish(String jurisdiction, UUID id, String approver, @Nullable LocalDate effectiveFrom) {
        sync.lockJurisdiction(jurisdiction);
        RuleSetVersion draft = find(jurisdiction, id);
        if (draft.author().equals(approver)) {
            throw ApiException.forbidden("Черновик нельзя утвердить его же автору (" + approver
                    + "): публикацию выполняет другой специалист с ролью POLICY_APPROVER");
        }
        if (draft.status() != Status.DRAFT) {
            throw ApiException.conflict("Опубликовать можно только черновик; этот — " + draft.status());
        }
        if (!draft.complete()) {
            throw ApiException.conflict("Черновик создан до того, как версии стали полными наборами правил, и содержит "
                    + "только изменённые файлы: создайте его заново от действующей версии");
        }
        RuleSetVersion head = head(jurisdiction);
        Map<String, String> files = json.read(draft.files(), FILES);
        if (!Objects.equals(head == null ? null : head.id(), draft.baseVersionId())) {
            throw ApiException.conflict("Черновик основан на версии " + describeBase(draft.baseVersionId()) + ", а после неё "
                    + "опубликована версия " + head.id() + (head.approver() == null ? "" : " (утвердил " + head.approver() + ")")
                    + ". Публикация этого черновика отменила бы её изменения. Перенесите изменения на действующую версию: "
                    + "создайте новый черновик от неё (rebase) и опубликуйте его");
        }
        if (head == null) {
            String directory = compileOrConflict(jurisdiction, loader.baseFiles(jurisdiction)).version();
            if (!directory.equals(draft.baseRuleSet())) {
                throw ApiException.conflict("Черновик основан на наборе правил " + draft.baseRuleSet() + ", а в каталоге "
                        + "правил теперь " + directory + ". Перенесите изменения на действующую версию: создайте новый черновик (rebase)");
            }
        }
        LocalDate from = effectiveFrom == null ? LocalDate.now(clock) : effectiveFrom;
        if (head != null && head.effectiveFrom() != null && from.isBefore(head.effectiveFrom())) {
            throw ApiException.conflict("Дата вступления в силу " + from + " раньше, чем у версии, на которой основан черновик ("
                    + head.effectiveFrom() + "): новая версия не может вступить в силу раньше предыдущей");
        }
        Check check = check(jurisdiction, files);
        if (!check.problems().isEmpty()) {
            throw ApiException.conflict("Черновик не компилируется: " + check.problems().get(0).describe());
        }
        if (!check.scenarios().failures().isEmpty()) {
            ScenarioCheck.Failure first = check.scenarios().failures().get(0);
            throw ApiException.conflict("Черновик не проходит таблицы сценариев: не совпало строк — " + check.scenarios().failed()
                    + " из " + check.scenarios().rows() + ". Первая: " + first.file() + ", " + first.message()
                    + ". Исправьте правила или, если так и задумано, таблицу сценариев в черновике");
        }
        if (head != null) {
            versions.save(head.withStatus(Status.SUPERSEDED));
        }
        RuleSetVersion published = versions.save(draft.published(approver, clock.instant(), from));
        RuleBase next = reloadAfterCommit();
        sync.announce(jurisdiction);
        return view(published, false).withInForce(inForceToday(next, jurisdiction));
    }

    /**
     * Rolls back the latest publication of a jurisdiction, with the reason recorded: the one before it (or the rule
     * directory) is in force again on its dates.
     */
    @Transactional
    public Draft rollback(String jurisdiction, String by, @Nullable String reason) {
        ruleSets.jurisdiction(ruleSets.current(), jurisdiction);
        sync.lockJurisdiction(jurisdiction);
        RuleSetVersion head = head(jurisdiction);
        if (head == null) {
            throw ApiException.conflict("У территории «" + jurisdiction + "» нет опубликованной версии правил, откатывать нечего");
        }
        RuleSetVersion rolledBack = versions.save(head.rolledBack(by, clock.instant(), reason));
        versions.findByJurisdictionAndStatusOrderByPublishedAtDesc(jurisdiction, Status.SUPERSEDED).stream()
                .findFirst().ifPresent(previous -> versions.save(previous.withStatus(Status.PUBLISHED)));
        RuleBase next = reloadAfterCommit();
        sync.announce(jurisdiction);
        return view(rolledBack, false).withInForce(inForceToday(next, jurisdiction));
    }

    /** The rule sets of a jurisdiction with their dates: what {@code GET /api/v1/jurisdictions} lists. */
    public List<InForce> timeline(RuleBase base, String jurisdiction) {
        return base.timeline(jurisdiction).stream()
                .map(entry -> new InForce(entry.rules().version(), entry.from(), entry.versionId())).toList();
    }

    /**
     * What publishing the draft would change for the stored candidates: each decided again on {@code asOf} (default:
     * today) by the rules in force on that date and by the draft; one page of the changes, by candidate id.
     */
    public Simulation simulate(String jurisdiction, UUID id, @Nullable LocalDate asOf, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiException.badRequest("Страница начинается с 0, её размер — от 1 до " + MAX_PAGE_SIZE);
        }
        long started = System.nanoTime();
        RuleSetVersion draft = find(jurisdiction, id);
        LocalDate date = asOf == null ? LocalDate.now(clock) : asOf;
        JurisdictionRules now = ruleSets.requireDecision(ruleSets.current(), jurisdiction, DecisionKind.ELIGIBILITY, date);
        JurisdictionRules next = compileOrConflict(jurisdiction, completeFiles(draft));
        if (next.decision(EligibilityRules.class).isEmpty()) {
            throw ApiException.conflict("В черновике нет правил решения о включении — моделировать нечего");
        }
        List<Row> rows = sql.sql("SELECT c.id, c.profile FROM candidate c WHERE c.jurisdiction = ? ORDER BY c.id")
                .param(jurisdiction)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2)))
                .list();
        List<Change> decided = threads.run(() -> rows.parallelStream().map(row -> {
            TeacherProfile profile = json.read(row.profile(), TeacherProfile.class);
            EligibilityOutcome before = now.decision(EligibilityRules.class).orElseThrow().evaluate(profile, date);
            EligibilityOutcome after = next.decision(EligibilityRules.class).orElseThrow().evaluate(profile, date);
            return new Change(row.id(), before.verdict(), after.verdict(), differing(before.reasons(), after.reasons()),
                    differing(after.reasons(), before.reasons()));
        }).toList());
        Map<Verdict, Long> beforeCounts = new EnumMap<>(Verdict.class);
        Map<Verdict, Long> afterCounts = new EnumMap<>(Verdict.class);
        Map<String, Long> directions = new TreeMap<>();
        List<Change> changes = new ArrayList<>();
        for (Change change : decided) {
            beforeCounts.merge(change.before(), 1L, Long::sum);
            afterCounts.merge(change.after(), 1L, Long::sum);
            if (change.before() != change.after()) {
                directions.merge(change.before() + "→" + change.after(), 1L, Long::sum);
                changes.add(change);
            }
        }
        int from = (int) Math.min((long) page * size, changes.size());
        int totalPages = (changes.size() + size - 1) / size;
        return new Simulation(jurisdiction, now.version(), next.version(), rows.size(), changes.size(), beforeCounts,
                afterCounts, List.copyOf(changes.subList(from, Math.min(from + size, changes.size()))), date, directions,
                page, size, totalPages, (System.nanoTime() - started) / 1_000_000,
                simulateRoutes(jurisdiction, draft, next, date, page, size),
                simulateMentoring(jurisdiction, draft, next, date, page, size));
    }

    /**
     * The stored ACTIVE routes of the jurisdiction decided again from their stored diagnostics (the deficits found, by
     * area and score; the teacher's school as stored) by the rules in force on {@code date} and by the draft; null
     * when the draft does not touch the route rules. Both sides get the same input, so only the rules can differ.
     */
    private RuleSetViews.@Nullable RouteSimulation simulateRoutes(String jurisdiction, RuleSetVersion draft,
                                                                  JurisdictionRules next, LocalDate date, int page, int size) {
        RuleBase base = ruleSets.current();
        JurisdictionRules now = ruleSets.jurisdiction(base, jurisdiction, date);
        if (now.decision(RouteRules.class).isEmpty() && next.decision(RouteRules.class).isEmpty()) {
            return null;
        }
        UUID inForceId = base.inForce(jurisdiction, date).map(RuleBase.InForce::versionId).orElse(null);
        Map<String, String> inForceFiles = inForceId == null ? loader.baseFiles(jurisdiction)
                : versions.findById(inForceId).map(loader::completeFiles).orElseGet(() -> loader.baseFiles(jurisdiction));
        if (!touches(inForceFiles, completeFiles(draft), now, next, "routes",
                Set.of(ru.edu.decisions.rules.routes.RouteRules.MAX_HOURS_PER_YEAR))) {
            return null;
        }
        List<RouteRow> rows = sql.sql("SELECT r.id, r.teacher_id, r.diagnostics_date, r.deficits, t.profile, t.school "
                        + "FROM educational_route r JOIN teacher t ON t.id = r.teacher_id "
                        + "WHERE r.jurisdiction = ? AND r.status = 'ACTIVE' ORDER BY r.id")
                .param(jurisdiction)
                .query((rs, n) -> new RouteRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5), rs.getString(6)))
                .list();
        List<RuleSetViews.RouteChange> decided = threads.run(() -> rows.parallelStream().map(row -> {
            TeacherProfile profile = json.read(row.profile(), TeacherProfile.class);
            School school = row.school() == null ? null : json.read(row.school(), School.class);
            Map<CompetenceArea, Integer> scores = new EnumMap<>(CompetenceArea.class);
            for (Deficit deficit : json.read(row.deficits(), DEFICITS)) {
                scores.put(deficit.area(), deficit.score());
            }
            Diagnostics diagnostics = new Diagnostics(row.diagnosticsDate(), scores);
            RouteOutcome before = now.decision(RouteRules.class).isEmpty() ? null
                    : now.decision(RouteRules.class).orElseThrow().evaluate(profile, school, diagnostics, null, date);
            RouteOutcome after = next.decision(RouteRules.class).isEmpty() ? null
                    : next.decision(RouteRules.class).orElseThrow().evaluate(profile, school, diagnostics, null, date);
            RuleSetViews.RouteSide beforeSide = side(before);
            RuleSetViews.RouteSide afterSide = side(after);
            if (beforeSide.equals(afterSide)) {
                return null;
            }
            List<Reason> beforeReasons = before == null ? List.of() : before.reasons();
            List<Reason> afterReasons = after == null ? List.of() : after.reasons();
            return new RuleSetViews.RouteChange(row.id(), row.teacherId(), beforeSide, afterSide,
                    differing(beforeReasons, afterReasons), differing(afterReasons, beforeReasons));
        }).filter(Objects::nonNull).toList());
        int from = (int) Math.min((long) page * size, decided.size());
        return new RuleSetViews.RouteSimulation(rows.size(), decided.size(),
                List.copyOf(decided.subList(from, Math.min(from + size, decided.size()))), page, size,
                (decided.size() + size - 1) / size);
    }

    private static RuleSetViews.RouteSide side(@Nullable RouteOutcome outcome) {
        if (outcome == null) {
            return new RuleSetViews.RouteSide("NO_RULES", List.of(), List.of(), 0);
        }
        Set<ru.edu.decisions.model.routes.RouteItem> deferred = new HashSet<>(outcome.route().deferred());
        return new RuleSetViews.RouteSide(outcome.result().name(),
                outcome.deficits().stream().map(d -> d.area() + ":" + d.level()).toList(),
                outcome.route().items().stream().map(item -> new RuleSetViews.RouteItemSide(item.activityId(), item.title(),
                        item.hours(), deferred.contains(item))).toList(),
                outcome.route().totalHours());
    }

    /**
     * Whether the draft changes the route rules against the rule set in force: a routes*.drl or catalogue file, or a
     * manifest parameter the route rules read (named in a routes*.drl, or the yearly hours cap).
     */
    private boolean touches(Map<String, String> inForce, Map<String, String> draft, JurisdictionRules now,
                            JurisdictionRules next, String kind, Set<String> alsoRead) {
        Set<String> names = new java.util.TreeSet<>(inForce.keySet());
        names.addAll(draft.keySet());
        StringBuilder routeRules = new StringBuilder();
        for (String name : names) {
            // Rule files and decision tables (routes.drl.csv) of the decision, and for routes the catalogue.
            boolean ruleFile = name.startsWith(kind) && (name.endsWith(".drl") || name.endsWith(".drl.csv"));
            boolean routeFile = ruleFile || kind.equals("routes") && name.startsWith("catalogue") && name.endsWith(".csv");
            if (routeFile && !Objects.equals(inForce.get(name), draft.get(name))) {
                return true;
            }
            if (ruleFile) {
                routeRules.append(inForce.getOrDefault(name, "")).append('\n').append(draft.getOrDefault(name, ""));
            }
        }
        // The kind's common rules and the shared fact layer, which every kind's rules are compiled with (e.g. the young
        // specialist's age and experience parameters are read there).
        loader.base().common().stream().filter(f -> f.name().startsWith(kind) || ru.edu.decisions.rules.engine.FactLayer.isShared(f))
                .forEach(f -> routeRules.append(f.text()));
        Map<String, ?> before = now.manifest().parameters() == null ? Map.of() : now.manifest().parameters();
        Map<String, ?> after = next.manifest().parameters() == null ? Map.of() : next.manifest().parameters();
        Set<String> parameters = new java.util.TreeSet<>(before.keySet());
        parameters.addAll(after.keySet());
        for (String parameter : parameters) {
            boolean routeParameter = alsoRead.contains(parameter)
                    || routeRules.indexOf("\"" + parameter + "\"") >= 0;
            if (routeParameter && !Objects.equals(before.get(parameter), after.get(parameter))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The jurisdiction's mentoring run decided again by the rules in force on {@code date} and by the draft, when the
     * draft touches the mentoring rules (or a parameter the choice of mentees reads) and a run is stored.
     */
    private RuleSetViews.@Nullable MentoringSimulation simulateMentoring(String jurisdiction, RuleSetVersion draft,
                                                                        JurisdictionRules next, LocalDate date, int page, int size) {
        RuleBase base = ruleSets.current();
        JurisdictionRules now = ruleSets.jurisdiction(base, jurisdiction, date);
        if (now.decision(MentoringRules.class).isEmpty() || next.decision(MentoringRules.class).isEmpty()) {
            return null;
        }
        UUID inForceId = base.inForce(jurisdiction, date).map(RuleBase.InForce::versionId).orElse(null);
        Map<String, String> inForceFiles = inForceId == null ? loader.baseFiles(jurisdiction)
                : versions.findById(inForceId).map(loader::completeFiles).orElseGet(() -> loader.baseFiles(jurisdiction));
        if (!touches(inForceFiles, completeFiles(draft), now, next, "mentoring",
                Set.of("defaultCapacity", "youngSpecialistAgeBelow", "youngSpecialistMaxYears"))) {
            return null;
        }
        ru.edu.decisions.service.mentoring.MentoringWorkflow.Redecided redecided = mentoring.redecide(jurisdiction, now, next, date);
        if (redecided == null) {
            return null;
        }
        Map<String, MentoringSide> before = sides(redecided.before());
        Map<String, MentoringSide> after = sides(redecided.after());
        Set<String> mentees = new java.util.TreeSet<>(before.keySet());
        mentees.addAll(after.keySet());
        List<RuleSetViews.MentoringChange> changes = new ArrayList<>();
        for (String mentee : mentees) {
            MentoringSide one = before.getOrDefault(mentee, MentoringSide.ABSENT);
            MentoringSide other = after.getOrDefault(mentee, MentoringSide.ABSENT);
            if (!Objects.equals(one.mentor(), other.mentor()) || !Objects.equals(one.score(), other.score())
                    || one.present() != other.present()) {
                changes.add(new RuleSetViews.MentoringChange(mentee, one.mentor(), other.mentor(), one.score(), other.score(),
                        differing(one.reasons(), other.reasons()), differing(other.reasons(), one.reasons())));
            }
        }
        int from = (int) Math.min((long) page * size, changes.size());
        return new RuleSetViews.MentoringSimulation(redecided.runs(), mentees.size(), changes.size(),
                List.copyOf(changes.subList(from, Math.min(from + size, changes.size()))), page, size,
                (changes.size() + size - 1) / size);
    }

    /** Each mentee of an outcome: the mentor and score of its pair, or none (unassigned), with the reasons. */
    private static Map<String, MentoringSide> sides(ru.edu.decisions.rules.mentoring.MentoringOutcome outcome) {
        Map<String, MentoringSide> sides = new java.util.HashMap<>();
        outcome.assignments().forEach(a -> sides.put(a.menteeId(), new MentoringSide(true, a.mentorId(), a.score(), a.reasons())));
        outcome.unassigned().forEach(u -> sides.put(u.menteeId(), new MentoringSide(true, null, null, u.reasons())));
        return sides;
    }

    private record MentoringSide(boolean present, @Nullable String mentor, @Nullable Integer score, List<Reason> reasons) {
        static final MentoringSide ABSENT = new MentoringSide(false, null, null, List.of());
    }

    private static final TypeReference<List<Deficit>> DEFICITS = new TypeReference<>() { };

    private record RouteRow(UUID id, UUID teacherId, @Nullable LocalDate diagnosticsDate, String deficits, String profile,
                            @Nullable String school) {
    }

    /** The reasons of {@code one} that {@code other} does not give (same code, status and message). */
    private static List<Reason> differing(List<Reason> one, List<Reason> other) {
        Set<String> others = new HashSet<>();
        other.forEach(r -> others.add(r.code() + "\u0000" + r.status() + "\u0000" + r.message()));
        return one.stream().filter(r -> !others.contains(r.code() + "\u0000" + r.status() + "\u0000" + r.message())).toList();
    }

    private record Row(UUID id, String profile) {
    }

    /** The result of a draft's check: compile problems, and the scenario tables run on the rules when they compile. */
    private record Check(List<CompileProblem> problems, ScenarioReport scenarios) {
    }

    private Check check(String jurisdiction, Map<String, String> files) {
        JurisdictionRules rules;
        try {
            rules = compiler.compile(timeline.source(jurisdiction, files, "черновик"), properties.draftCheckTimeout())
                    .jurisdiction(jurisdiction).orElseThrow();
        } catch (RuleBaseCompilationException e) {
            return new Check(e.problems(), new ScenarioReport(0, 0, List.of()));
        }
        int rows = 0;
        List<ScenarioCheck.Failure> failures = new ArrayList<>();
        String table = files.get(ScenarioCheck.ELIGIBILITY_TABLE);
        if (table != null) {
            ScenarioCheck.Result result = ScenarioCheck.eligibility(rules, jurisdiction + "/" + ScenarioCheck.ELIGIBILITY_TABLE, table);
            rows += result.rows();
            failures.addAll(result.failures());
        }
        String routes = files.get(ScenarioCheck.ROUTES_TABLE);
        if (routes != null) {
            ScenarioCheck.Result result = ScenarioCheck.routes(rules, jurisdiction + "/" + ScenarioCheck.ROUTES_TABLE, routes);
            rows += result.rows();
            failures.addAll(result.failures());
        }
        return new Check(List.of(), new ScenarioReport(rows, failures.size(), failures));
    }

    private JurisdictionRules compileOrConflict(String jurisdiction, Map<String, String> files) {
        try {
            return compiler.compile(timeline.source(jurisdiction, files, "набор правил"), properties.draftCheckTimeout())
                    .jurisdiction(jurisdiction).orElseThrow();
        } catch (RuleBaseCompilationException e) {
            throw ApiException.conflict("Набор правил не компилируется: " + e.problems().get(0).describe());
        }
    }

    /** The latest publication of a jurisdiction, or null while its rule directory is in force. */
    private @Nullable RuleSetVersion head(String jurisdiction) {
        return versions.findByJurisdictionAndStatusOrderByPublishedAtDesc(jurisdiction, Status.PUBLISHED).stream()
                .findFirst().orElse(null);
    }

    private InForce inForceToday(RuleBase base, String jurisdiction) {
        return base.inForce(jurisdiction, LocalDate.now(clock))
                .map(entry -> new InForce(entry.rules().version(), entry.from(), entry.versionId()))
                .orElseGet(() -> new InForce(ruleSets.jurisdiction(base, jurisdiction).version(), null, null));
    }

    private String describeBase(@Nullable UUID baseVersionId) {
        return baseVersionId == null ? "из каталога правил" : baseVersionId.toString();
    }

    /**
     * Builds the rule base the transaction's changes make (so a rule base that does not compile keeps the change
     * out: the transaction rolls back) and makes it active once the transaction commits — not before, or another
     * thread comparing the committed versions with this instance's could load the old ones again.
     */
    private RuleBase reloadAfterCommit() {
        RuleBase next;
        try {
            next = timeline.build();
        } catch (RuleBaseCompilationException e) {
            throw ApiException.conflict("Правила с этой версией не скомпилированы: " + e.problems().get(0).describe());
        }
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        sync.reloadCommitted();
                    }
                });
        return next;
    }

    private RuleSetVersion find(String jurisdiction, UUID id) {
        return versions.findById(id).filter(v -> v.jurisdiction().equals(jurisdiction))
                .orElseThrow(() -> ApiException.notFound("Версия правил " + id + " не найдена"));
    }

    private Map<String, String> completeFiles(RuleSetVersion version) {
        return loader.completeFiles(version);
    }

    private Draft view(RuleSetVersion v, boolean withFiles) {
        Map<String, String> files = completeFiles(v);
        List<CompileProblem> problems = v.checkResult() == null ? List.of() : json.read(v.checkResult(), PROBLEMS);
        ScenarioReport scenarios = v.scenarioResult() == null ? null : json.read(v.scenarioResult(), ScenarioReport.class);
        List<FileChange> changes = null;
        if (withFiles && v.complete()) {
            Map<String, String> base = baseFiles(v);
            changes = new ArrayList<>();
            Set<String> names = new java.util.TreeSet<>(files.keySet());
            names.addAll(base.keySet());
            for (String name : names) {
                if (!base.containsKey(name)) {
                    changes.add(new FileChange(name, "ADDED"));
                } else if (!files.containsKey(name)) {
                    changes.add(new FileChange(name, "REMOVED"));
                } else if (!base.get(name).equals(files.get(name))) {
                    changes.add(new FileChange(name, "CHANGED"));
                }
            }
        }
        boolean publishable = v.complete() && problems.isEmpty() && (scenarios == null || scenarios.failures().isEmpty());
        return new Draft(v.id(), v.jurisdiction(), v.status(), List.copyOf(files.keySet()), withFiles ? files : null,
                v.comment(), v.author(), v.createdAt(), problems.isEmpty(), problems, v.approver(), v.publishedAt(),
                v.rolledBackAt(), v.rolledBackBy(), v.baseVersionId(), v.baseRuleSet(), changes, scenarios, publishable,
                v.effectiveFrom(), v.rollbackReason(), null);
    }

    private Map<String, String> baseFiles(RuleSetVersion v) {
        if (v.baseVersionId() == null) {
            return loader.baseFiles(v.jurisdiction());
        }
        return versions.findById(v.baseVersionId()).map(loader::completeFiles).orElseGet(LinkedHashMap::new);
    }
}
