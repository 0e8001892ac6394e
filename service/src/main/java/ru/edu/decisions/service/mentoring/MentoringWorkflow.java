package ru.edu.decisions.service.mentoring;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.edu.decisions.model.Reason;
import ru.edu.decisions.model.TeacherProfile;
import ru.edu.decisions.model.mentoring.Mentee;
import ru.edu.decisions.model.mentoring.Mentor;
import ru.edu.decisions.model.mentoring.MentoringDecision;
import ru.edu.decisions.model.routes.CompetenceArea;
import ru.edu.decisions.model.routes.Deficit;
import ru.edu.decisions.model.routes.School;
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
 * strengths), mentees are the teachers who need a mentor — of a school with low results or in difficult social
 * conditions, or with mentoring or tutoring in their active route. A run decides over them and stores the decision
 * and the proposed pairs; pairs are confirmed or declined, and ended with a reason. A later run keeps the confirmed
 * pairs (their mentees are not re-assigned and their mentors' places stay taken); earlier runs are never changed.
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

    /** A run over the jurisdiction's mentors and the teachers who need a mentor now; the decision and pairs are stored. */
    @Transactional
    public RunView run(String jurisdiction, @Nullable LocalDate asOf, @Nullable String user) {
        mentoring.rules(jurisdiction);
        List<MentoringPair> confirmed = pairs.findByJurisdictionAndStatus(jurisdiction, PairStatus.CONFIRMED);
        Map<UUID, Long> taken = confirmed.stream().collect(Collectors.groupingBy(MentoringPair::mentorMemberId, Collectors.counting()));
        Set<UUID> mentored = confirmed.stream().map(MentoringPair::menteeTeacherId).collect(Collectors.toSet());

        List<Mentor> mentors = new ArrayList<>();
        Map<String, UUID> mentorTeacher = new HashMap<>();
        for (var member : registry.active(jurisdiction)) {
            Teacher teacher = teachers.find(member.teacherId());
            TeacherProfile profile = teachers.profile(teacher);
            MentorProfile offer = profiles.findById(member.id()).orElse(null);
            Integer capacity = offer == null ? null : offer.capacity();
            long busy = taken.getOrDefault(member.id(), 0L);
            if (busy > 0) {
                int own = capacity != null ? capacity : mentoring.rules(jurisdiction).manifest().toParameters().intValue("defaultCapacity");
                capacity = (int) Math.max(0, own - busy);
            }
            mentors.add(new Mentor(member.id().toString(), teacher.municipality(), teacher.okrug(),
                    profile.employment() == null ? null : profile.employment().organization(),
                    profile.employment() == null ? null : profile.employment().subjects(),
                    offer == null ? null : strengths(offer.strengths()), capacity, offer == null ? null : offer.consent()));
            mentorTeacher.put(member.id().toString(), teacher.id());
        }
        List<Mentee> mentees = new ArrayList<>();
        for (Teacher teacher : menteesNeedingMentor(jurisdiction)) {
            if (mentored.contains(teacher.id()) || mentorTeacher.containsValue(teacher.id())) {
                continue;
            }
            TeacherProfile profile = teachers.profile(teacher);
            School school = teachers.school(teacher.school());
            mentees.add(new Mentee(teacher.id().toString(), teacher.municipality(), teacher.okrug(),
                    school != null ? school.name() : profile.employment() == null ? null : profile.employment().organization(),
                    profile.employment() == null ? null : profile.employment().subjects(), deficits(teacher.id()),
                    profile.birthDate(), profile.employment() == null ? null : profile.employment().pedagogicalExperienceYears(),
                    school == null ? null : school.flags()));
        }

        UUID runId = Ids.newId();
        MentoringDecision decision = mentoring.decide(jurisdiction, asOf, mentors, mentees, DecisionRecord.Source.WORKFLOW, runId, true);
        Instant now = clock.instant();
        runs.save(new MentoringRun(runId, null, jurisdiction, decision.decisionId(), decision.ruleSet().version(), decision.asOf(),
                mentors.size(), mentees.size(), confirmed.size(), json.write(decision.unassigned()), now, user));
        for (MentoringDecision.Assignment a : decision.assignments()) {
            pairs.save(new MentoringPair(Ids.newId(), null, runId, jurisdiction, UUID.fromString(a.menteeId()),
                    UUID.fromString(a.mentorId()), a.score(), json.write(a.reasons()), PairStatus.PROPOSED, null, null, null,
                    null, null, null));
        }
        logger.info("Mentoring run {} in {} by {}: {} mentors, {} mentees, {} pairs proposed, {} confirmed kept", runId,
                jurisdiction, user, mentors.size(), mentees.size(), decision.assignments().size(), confirmed.size());
        return get(jurisdiction, runId);
    }

    /** Teachers of a school with flags, or with mentoring or tutoring in their active route. */
    private List<Teacher> menteesNeedingMentor(String jurisdiction) {
        List<UUID> ids = sql.sql("""
                        SELECT t.id FROM teacher t WHERE t.jurisdiction = :j AND (
                            (t.school IS NOT NULL AND (t.school LIKE '%LOW_RESULTS%' OR t.school LIKE '%DIFFICULT_SOCIAL%'))
                            OR EXISTS (SELECT 1 FROM educational_route r JOIN route_item i ON i.educational_route = r.id
                                       WHERE r.teacher_id = t.id AND r.status = 'ACTIVE' AND i.type IN ('MENTORING', 'TUTORING')))
                        ORDER BY t.created_at, t.id""")
                .param("j", jurisdiction).query(UUID.class).list();
        return ids.stream().map(teachers::find).toList();
    }

    private List<CompetenceArea> deficits(UUID teacherId) {
        List<String> stored = sql.sql("SELECT deficits FROM educational_route WHERE teacher_id = ? AND status = 'ACTIVE' "
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

    @Transactional
    public PairView confirm(UUID pairId, @Nullable String user) {
        MentoringPair pair = pair(pairId);
        if (pair.status() != PairStatus.PROPOSED) {
            throw ApiException.conflict("Пару можно подтвердить, только пока она предложена; сейчас: " + pair.status());
        }
        try {
            return view(pairs.save(pair.confirmed(clock.instant(), user)));
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("У педагога " + pair.menteeTeacherId() + " уже есть подтверждённый наставник");
        }
    }

    @Transactional
    public PairView end(UUID pairId, String reason, @Nullable String user) {
        MentoringPair pair = pair(pairId);
        if (pair.status() == PairStatus.ENDED) {
            throw ApiException.conflict("Пара уже завершена: " + pair.endReason());
        }
        return view(pairs.save(pair.ended(clock.instant(), user, reason)));
    }

    private PairView view(MentoringPair p) {
        return new PairView(p.id(), p.runId(), p.menteeTeacherId(), p.mentorMemberId(), p.score(),
                json.read(p.reasons(), new TypeReference<List<Reason>>() { }), p.status(), p.confirmedAt(), p.confirmedBy(),
                p.endedAt(), p.endedBy(), p.endReason());
    }
}
