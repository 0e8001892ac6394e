package ru.edu.decisions.service.mentoring;

import ru.edu.decisions.rules.mentoring.MentoringRules;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.edu.decisions.model.Reason;
import ru.edu.decisions.model.TeacherProfile;
import ru.edu.decisions.model.mentoring.Mentee;
import ru.edu.decisions.model.mentoring.Mentor;
import ru.edu.decisions.model.mentoring.MentoringDecision;
import ru.edu.decisions.model.routes.ActivityType;
import ru.edu.decisions.model.routes.CompetenceArea;
import ru.edu.decisions.model.routes.Deficit;
import ru.edu.decisions.model.routes.School;
import ru.edu.decisions.rules.engine.JurisdictionRules;
import ru.edu.decisions.rules.mentoring.MentoringOutcome;
import ru.edu.decisions.service.common.ApiException;
import ru.edu.decisions.service.common.Ids;
import ru.edu.decisions.service.common.JsonCodec;
import ru.edu.decisions.service.decisionlog.DecisionLog;
import ru.edu.decisions.service.decisionlog.DecisionRecord;
import ru.edu.decisions.service.mentoring.MentoringRecords.MentorProfile;
import ru.edu.decisions.service.mentoring.MentoringRecords.MentoringPair;
import ru.edu.decisions.service.mentoring.MentoringRecords.MentoringRun;
import ru.edu.decisions.service.mentoring.MentoringRecords.PairStatus;
import ru.edu.decisions.service.mentoring.MentoringViews.MentorOffer;
import ru.edu.decisions.service.mentoring.MentoringViews.MentorView;
import ru.edu.decisions.service.mentoring.MentoringViews.PairView;
import ru.edu.decisions.service.mentoring.MentoringViews.RunSummary;
import ru.edu.decisions.service.mentoring.MentoringViews.RunView;
import ru.edu.decisions.service.registry.RegistryService;
import ru.edu.decisions.service.teachers.Teacher;
import ru.edu.decisions.service.teachers.TeacherService;
import tools.jackson.core.type.TypeReference;

/**
 * The IMC's mentoring: mentors are the asset's active registry members (with what they offer: consent, capacity,
 * strengths), mentees are the teachers who need a mentor as the jurisdiction's mentoring rules decide it (of a school
 * with low results or in difficult social conditions, with mentoring or tutoring in their active route, or young
 * specialists).
 * A run decides over them and stores the decision and the proposed pairs; pairs are confirmed (while the mentor
 * consents and has a place left) or declined, and ended with a reason. A later run keeps the confirmed pairs (their
 * mentees are not re-assigned and their mentors' places stay taken) and supersedes the proposals nobody confirmed;
 * earlier runs' decisions and pairs stay in the history.
 */
@Service
public class MentoringWorkflow {

    private static final org.slf4j.Logger logger = org.slf4j.LoggerFactory.getLogger(MentoringWorkflow.class);

    private final MentoringService mentoring;
    private final RegistryService registry;
    private final TeacherService teachers;
    private final MentorProfileRepository profiles;
    private final MentoringRunRepository runs;
    private final MentoringPairRepository pairs;
    private final DecisionLog log;
    private final JdbcClient sql;
    private final JsonCodec json;
    private final Clock clock;

    MentoringWorkflow(MentoringService mentoring, RegistryService registry, TeacherService teachers,
                      MentorProfileRepository profiles, MentoringRunRepository runs, MentoringPairRepository pairs,
                      DecisionLog log, JdbcClient sql, JsonCodec json, Clock clock) {
        this.mentoring = mentoring;
        this.registry = registry;
        this.teachers = teachers;
        this.profiles = profiles;
        this.runs = runs;
        this.pairs = pairs;
        this.log = log;
        this.sql = sql;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public MentorView offer(String jurisdiction, UUID memberId, MentorOffer offer, @Nullable String user) {
        registry.get(jurisdiction, memberId);
        Long version = profiles.findById(memberId).map(MentorProfile::version).orElse(null);
        MentorProfile saved = profiles.save(new MentorProfile(memberId, version, jurisdiction, offer.consent(), offer.capacity(),
                offer.strengths() == null ? "" : offer.strengths().stream().map(Enum::name).collect(Collectors.joining(",")),
                clock.instant(), user));
        return view(saved);
    }

    public MentorView mentor(String jurisdiction, UUID memberId) {
        registry.get(jurisdiction, memberId);
        return profiles.findById(memberId).map(this::view)
                .orElseThrow(() -> ApiException.notFound("Член актива " + memberId + " ещё не указал, готов ли он быть наставником"));
    }

    private MentorView view(MentorProfile p) {
        return new MentorView(p.registryMemberId(), p.jurisdiction(), p.consent(), p.capacity(), strengths(p.strengths()),
                p.updatedAt(), p.updatedBy());
    }

    private static List<CompetenceArea> strengths(String text) {
        return text.isBlank() ? List.of() : Arrays.stream(text.split(",")).map(CompetenceArea::valueOf).toList();
    }

    /**
     * A run over the jurisdiction's mentors and the teachers who need a mentor now; the decision and pairs are stored.
     * Pairs earlier runs proposed and nobody confirmed are superseded by this run's proposals (kept, with the reason).
     */
    @Transactional
    public RunView run(String jurisdiction, @Nullable LocalDate asOf, @Nullable String user) {
        LocalDate date = asOf == null ? LocalDate.now(clock) : asOf;
        JurisdictionRules rules = mentoring.rules(jurisdiction, date);
        Input input = input(jurisdiction, rules, date);
        List<MentoringPair> confirmed = input.confirmed();
        List<Mentor> mentors = input.mentors();
        List<Mentee> mentees = input.mentees();

        UUID runId = Ids.newId();
        MentoringDecision decision = mentoring.decide(jurisdiction, date, mentors, mentees, DecisionRecord.Source.WORKFLOW, runId, true);
        Instant now = clock.instant();
        runs.save(new MentoringRun(runId, null, jurisdiction, decision.decisionId(), decision.ruleSet().version(), decision.asOf(),
                mentors.size(), mentees.size(), confirmed.size(), json.write(decision.unassigned()), now, user));
        // Earlier proposals nobody confirmed are replaced by this run's: they stay in their runs' history, superseded.
        List<MentoringPair> proposed = pairs.findByJurisdictionAndStatus(jurisdiction, PairStatus.PROPOSED);
        String reason = "Предложение заменено новым распределением наставников " + runId + " (на " + decision.asOf()
                + "): пары подобраны заново по текущим наставникам и педагогам";
        try {
            for (MentoringPair earlier : proposed) {
                pairs.save(earlier.superseded(now, user, reason));
            }
        } catch (OptimisticLockingFailureException e) {
            throw ApiException.conflict("Распределение не сохранено: пока оно рассчитывалось, предложенную пару подтвердили "
                    + "или завершили. Повторите распределение");
        }
        for (MentoringDecision.Assignment a : decision.assignments()) {
            pairs.save(new MentoringPair(Ids.newId(), null, runId, jurisdiction, UUID.fromString(a.menteeId()),
                    UUID.fromString(a.mentorId()), a.score(), json.write(a.reasons()), PairStatus.PROPOSED, null, null, null,
                    null, null, null));
        }
        logger.info("Mentoring run {} in {} by {}: {} mentors, {} mentees, {} pairs proposed, {} confirmed kept, {} earlier "
                        + "proposals superseded", runId, jurisdiction, user, mentors.size(), mentees.size(),
                decision.assignments().size(), confirmed.size(), proposed.size());
        return get(jurisdiction, runId);
    }

    /** The mentors and mentees a run decides over on {@code date} by {@code rules}, and the confirmed pairs it keeps. */
    private record Input(List<Mentor> mentors, List<Mentee> mentees, List<MentoringPair> confirmed) {
    }

    private Input input(String jurisdiction, JurisdictionRules rules, LocalDate date) {
        List<MentoringPair> confirmed = pairs.findByJurisdictionAndStatus(jurisdiction, PairStatus.CONFIRMED);
        Map<UUID, Long> taken = confirmed.stream().collect(Collectors.groupingBy(MentoringPair::mentorMemberId, Collectors.counting()));
        Set<UUID> mentored = confirmed.stream().map(MentoringPair::menteeTeacherId).collect(Collectors.toSet());

        List<Mentor> mentors = new ArrayList<>();
        Set<UUID> mentorTeachers = new HashSet<>();
        for (var member : registry.active(jurisdiction)) {
            Teacher teacher = teachers.find(member.teacherId());
            TeacherProfile profile = teachers.profile(teacher);
            MentorProfile offer = profiles.findById(member.id()).orElse(null);
            Integer capacity = offer == null ? null : offer.capacity();
            long busy = taken.getOrDefault(member.id(), 0L);
            if (busy > 0) {
                int own = capacity != null ? capacity : defaultCapacity(rules);
                capacity = (int) Math.max(0, own - busy);
            }
            mentors.add(new Mentor(member.id().toString(), teacher.municipality(), teacher.okrug(),
                    profile.employment() == null ? null : profile.employment().organization(),
                    profile.employment() == null ? null : profile.employment().subjects(),
                    offer == null ? null : strengths(offer.strengths()), capacity, offer == null ? null : offer.consent()));
            mentorTeachers.add(teacher.id());
        }
        List<Mentee> mentees = new ArrayList<>();
        for (TeacherInNeed candidate : menteesNeedingMentor(jurisdiction, rules, date)) {
            Teacher teacher = candidate.teacher();
            if (mentored.contains(teacher.id()) || mentorTeachers.contains(teacher.id())) {
                continue;
            }
            TeacherProfile profile = candidate.profile();
            School school = candidate.school();
            mentees.add(new Mentee(teacher.id().toString(), teacher.municipality(), teacher.okrug(),
                    school != null ? school.name() : profile.employment() == null ? null : profile.employment().organization(),
                    profile.employment() == null ? null : profile.employment().subjects(), deficits(teacher.id()),
                    profile.birthDate(), profile.employment() == null ? null : profile.employment().pedagogicalExperienceYears(),
                    school == null ? null : school.flags()));
        }
        return new Input(mentors, mentees, confirmed);
    }

    /** A mentoring run decided again with two rule sets: each side gathers its own input by its own parameters. */
    public record Redecided(int runs, MentoringOutcome before, MentoringOutcome after) {
    }

    /**
     * The jurisdiction's mentoring run decided again on {@code date} over the stored mentors, teachers, routes and
     * confirmed pairs, by {@code before} and by {@code after} (nothing stored, nothing logged); null when the
     * jurisdiction has no stored run (the runs themselves keep only their result, so the current data is decided).
     */
    public @Nullable Redecided redecide(String jurisdiction, JurisdictionRules before, JurisdictionRules after, LocalDate date) {
        int stored = sql.sql("SELECT COUNT(*) FROM mentoring_run WHERE jurisdiction = ?").param(jurisdiction)
                .query(Integer.class).single();
        if (stored == 0 || before.decision(MentoringRules.class).isEmpty() || after.decision(MentoringRules.class).isEmpty()) {
            return null;
        }
        Input one = input(jurisdiction, before, date);
        Input other = input(jurisdiction, after, date);
        return new Redecided(stored, before.decision(MentoringRules.class).orElseThrow().evaluate(one.mentors(), one.mentees(), date),
                after.decision(MentoringRules.class).orElseThrow().evaluate(other.mentors(), other.mentees(), date));
    }

    /** A teacher who may need a mentor, with the profile and school read once. */
    private record TeacherInNeed(Teacher teacher, TeacherProfile profile, @Nullable School school) {
    }

    /**
     * The teachers who need a mentor on {@code asOf}, as the jurisdiction's mentoring rules decide it (a school flagged
     * LOW_RESULTS or DIFFICULT_SOCIAL, a young specialist, or mentoring or tutoring in their active route): every
     * teacher of the jurisdiction is put to the rules with the activity types of their active route.
     */
    private List<TeacherInNeed> menteesNeedingMentor(String jurisdiction, JurisdictionRules rules, LocalDate asOf) {
        // The activity types of each teacher's active route; which of them mean a mentor is needed, the rules say.
        Map<String, Set<ActivityType>> activeRouteItems = new java.util.HashMap<>();
        sql.sql("""
                        SELECT DISTINCT r.teacher_id, i.type FROM educational_route r
                        JOIN route_item i ON i.educational_route = r.id JOIN teacher t ON t.id = r.teacher_id
                        WHERE t.jurisdiction = :j AND r.status = 'ACTIVE'""")
                .param("j", jurisdiction)
                .query((rs, row) -> Map.entry(rs.getObject(1, UUID.class).toString(), ActivityType.valueOf(rs.getString(2))))
                .list().forEach(item -> activeRouteItems.computeIfAbsent(item.getKey(), k -> java.util.EnumSet.noneOf(ActivityType.class))
                        .add(item.getValue()));
        List<Teacher> all = sql.sql("SELECT * FROM teacher WHERE jurisdiction = :j ORDER BY created_at, id")
                .param("j", jurisdiction).query(Teacher.class).list();
        Map<String, TeacherInNeed> byId = new java.util.LinkedHashMap<>();
        List<Mentee> candidates = new ArrayList<>();
        for (Teacher teacher : all) {
            School school = teachers.school(teacher.school());
            TeacherProfile profile = teachers.profile(teacher);
            byId.put(teacher.id().toString(), new TeacherInNeed(teacher, profile, school));
            candidates.add(new Mentee(teacher.id().toString(), teacher.municipality(), teacher.okrug(), null, null, null,
                    profile.birthDate(), profile.employment() == null ? null : profile.employment().pedagogicalExperienceYears(),
                    school == null ? null : school.flags()));
        }
        return rules.decision(MentoringRules.class).orElseThrow().needingMentor(candidates, activeRouteItems, asOf).stream()
                .map(byId::get).toList();
    }

    private static int defaultCapacity(JurisdictionRules rules) {
        return rules.manifest().toParameters().intValue("defaultCapacity");
    }

    private List<CompetenceArea> deficits(UUID teacherId) {
        List<String> stored = sql.sql("SELECT deficits FROM educational_route WHERE teacher_id = ? AND status IN ('ACTIVE', 'UNMET') "
                + "ORDER BY created_at DESC LIMIT 1").param(teacherId).query(String.class).list();
        return stored.isEmpty() ? List.of()
                : Arrays.stream(json.read(stored.get(0), Deficit[].class)).map(Deficit::area).toList();
    }

    public List<RunSummary> list(String jurisdiction) {
        mentoring.rules(jurisdiction);
        return sql.sql("SELECT * FROM mentoring_run WHERE jurisdiction = ? ORDER BY created_at DESC").param(jurisdiction)
                .query(MentoringRun.class).list().stream()
                .map(r -> new RunSummary(r.id(), r.jurisdiction(), r.decisionId(), r.ruleSetVersion(), r.asOf(), r.mentors(),
                        r.mentees(), r.keptPairs(), r.createdAt(), r.createdBy()))
                .toList();
    }

    public MentoringRun find(UUID runId) {
        return runs.findById(runId).orElseThrow(() -> ApiException.notFound("Распределение наставников " + runId + " не найдено"));
    }

    public RunView get(String jurisdiction, UUID runId) {
        MentoringRun run = find(runId);
        if (!run.jurisdiction().equals(jurisdiction)) {
            throw ApiException.notFound("Распределение наставников " + runId + " не найдено");
        }
        MentoringDecision.Objective objective = log.find(run.decisionId())
                .map(r -> json.read(r.decision(), MentoringDecision.class).objective()).orElse(null);
        return new RunView(run.id(), run.jurisdiction(), run.decisionId(), run.ruleSetVersion(), run.asOf(), run.mentors(),
                run.mentees(), run.keptPairs(), pairs.findByRunId(runId).stream().map(this::view).toList(),
                json.read(run.unassigned(), new TypeReference<List<MentoringDecision.Unassigned>>() { }), objective,
                run.createdAt(), run.createdBy());
    }

    public MentoringPair pair(UUID pairId) {
        return pairs.findById(pairId).orElseThrow(() -> ApiException.notFound("Пара наставничества " + pairId + " не найдена"));
    }

    /**
     * Confirms a proposed pair if it can still be kept: the mentor still consents, is still an active member of the
     * registry, and has a place left — their confirmed pairs are fewer than their capacity (or the jurisdiction's
     * default). The mentor's profile row is locked, so two confirmations for one mentor are decided one after another.
     */
    @Transactional
    public PairView confirm(UUID pairId, @Nullable String user) {
        MentoringPair pair = pair(pairId);
        if (pair.status() == PairStatus.SUPERSEDED) {
            throw ApiException.conflict("Пару нельзя подтвердить: её предложение заменено более поздним распределением ("
                    + pair.endReason() + "). Подтвердите пару из последнего распределения");
        }
        if (pair.status() != PairStatus.PROPOSED) {
            throw ApiException.conflict("Пару можно подтвердить, только пока она предложена; сейчас: " + pair.status());
        }
        UUID mentor = pair.mentorMemberId();
        List<MentorProfile> offer = sql.sql("SELECT * FROM mentor_profile WHERE registry_member_id = ? FOR UPDATE")
                .param(mentor).query(MentorProfile.class).list();
        if (offer.isEmpty() || !offer.get(0).consent()) {
            throw ApiException.conflict("Пару нельзя подтвердить: наставник " + mentor
                    + " сейчас не дал согласия на наставничество");
        }
        boolean active = sql.sql("SELECT count(*) FROM registry_member WHERE id = ? AND excluded_at IS NULL")
                .param(mentor).query(Long.class).single() > 0;
        if (!active) {
            throw ApiException.conflict("Пару нельзя подтвердить: наставник " + mentor
                    + " исключён из реестра методического актива");
        }
        Integer own = offer.get(0).capacity();
        int capacity = own != null ? own : defaultCapacity(mentoring.rules(pair.jurisdiction()));
        long confirmed = pairs.countByMentorMemberIdAndStatus(mentor, PairStatus.CONFIRMED);
        if (confirmed >= capacity) {
            throw ApiException.conflict("Пару нельзя подтвердить: у наставника " + mentor + " уже подтверждённых наставляемых — "
                    + confirmed + ", а он берёт не больше " + capacity + (own == null ? " (ёмкость по умолчанию)" : "")
                    + ". Сначала завершите одну из его пар или увеличьте его ёмкость");
        }
        try {
            return view(pairs.save(pair.confirmed(clock.instant(), user)));
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("У педагога " + pair.menteeTeacherId() + " уже есть подтверждённый наставник");
        } catch (OptimisticLockingFailureException e) {
            throw ApiException.conflict("Пару только что изменили (подтвердили, завершили или заменили новым распределением); "
                    + "обновите данные и повторите");
        }
    }

    @Transactional
    public PairView end(UUID pairId, String reason, @Nullable String user) {
        MentoringPair pair = pair(pairId);
        if (pair.status() == PairStatus.ENDED) {
            throw ApiException.conflict("Пара уже завершена: " + pair.endReason());
        }
        if (pair.status() == PairStatus.SUPERSEDED) {
            throw ApiException.conflict("Пара уже заменена более поздним распределением: " + pair.endReason());
        }
        try {
            return view(pairs.save(pair.ended(clock.instant(), user, reason)));
        } catch (OptimisticLockingFailureException e) {
            throw ApiException.conflict("Пару только что изменили (подтвердили, завершили или заменили новым распределением); "
                    + "обновите данные и повторите");
        }
    }

    private PairView view(MentoringPair p) {
        return new PairView(p.id(), p.runId(), p.menteeTeacherId(), p.mentorMemberId(), p.score(),
                json.read(p.reasons(), new TypeReference<List<Reason>>() { }), p.status(), p.confirmedAt(), p.confirmedBy(),
                p.endedAt(), p.endedBy(), p.endReason());
    }
}
