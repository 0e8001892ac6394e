package ru.edu.decisions.service.registry;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.edu.decisions.model.Reason;
import ru.edu.decisions.model.ReasonStatus;
import ru.edu.decisions.model.TeacherProfile;
import ru.edu.decisions.model.eligibility.EligibilityDecision;
import ru.edu.decisions.model.eligibility.Verdict;
import ru.edu.decisions.service.candidates.Candidate;
import ru.edu.decisions.service.candidates.CandidateService;
import ru.edu.decisions.service.teachers.Teacher;
import ru.edu.decisions.service.teachers.TeacherRepository;
import ru.edu.decisions.service.common.ApiException;
import ru.edu.decisions.service.common.Ids;
import ru.edu.decisions.service.common.JsonCodec;
import ru.edu.decisions.service.common.PageView;
import ru.edu.decisions.service.decisionlog.DecisionLog;
import ru.edu.decisions.service.registry.RegistryViews.Member;
import ru.edu.decisions.service.registry.RegistryViews.Status;
import ru.edu.decisions.service.rulesets.RuleSets;
import ru.edu.decisions.service.security.PersonalDataAccessLog;
import ru.edu.decisions.service.security.PersonalDataAccessLog.Action;
import ru.edu.decisions.service.security.PersonalDataAccessLog.RecordKind;

/** The municipal registry of the methodological asset: inclusion on an ELIGIBLE decision, exclusion with a reason. */
@Service
public class RegistryService {

    private static final org.slf4j.Logger logger = org.slf4j.LoggerFactory.getLogger(RegistryService.class);
    private static final Map<Verdict, String> VERDICTS = Map.of(
            Verdict.ELIGIBLE, "соответствует",
            Verdict.NOT_ELIGIBLE, "не соответствует",
            Verdict.INSUFFICIENT_DATA, "недостаточно данных");

    private final RegistryMemberRepository members;
    private final CandidateService candidates;
    private final TeacherRepository teachers;
    private final DecisionLog log;
    private final RuleSets ruleSets;
    private final JsonCodec json;
    private final JdbcClient sql;
    private final Clock clock;
    private final PersonalDataAccessLog accessLog;

    public RegistryService(RegistryMemberRepository members, CandidateService candidates, TeacherRepository teachers,
                           DecisionLog log, RuleSets ruleSets, JsonCodec json, JdbcClient sql, Clock clock,
                           PersonalDataAccessLog accessLog) {
        this.accessLog = accessLog;
        this.members = members;
        this.candidates = candidates;
        this.teachers = teachers;
        this.log = log;
        this.ruleSets = ruleSets;
        this.json = json;
        this.sql = sql;
        this.clock = clock;
    }

    /** Includes a candidate whose latest verdict is ELIGIBLE; anything else is a 409 that says why. */
    @Transactional
    public Member include(String jurisdiction, UUID candidateId, @Nullable String user) {
        ruleSets.jurisdiction(ruleSets.current(), jurisdiction);
        Candidate candidate = candidates.find(candidateId);
        if (!candidate.jurisdiction().equals(jurisdiction)) {
            throw ApiException.notFound(CandidateService.notFound(candidateId));
        }
        if (candidate.latestVerdict() != Verdict.ELIGIBLE || candidate.latestDecisionId() == null) {
            throw ApiException.conflict(whyNotEligible(candidate));
        }
        members.findByActiveTeacherId(candidate.teacherId()).ifPresent(active -> {
            throw ApiException.conflict("Педагог уже состоит в реестре методического актива с "
                    + active.includedAt() + " (запись " + active.id() + ")");
        });
        RegistryMember member = members.save(new RegistryMember(Ids.newId(), null, jurisdiction, candidate.teacherId(),
                candidate.id(), candidate.latestDecisionId(), candidate.teacherId(), clock.instant(), user, null, null, null));
        logger.info("Registry of {}: member {} included by {} (candidate {}, decision {})", jurisdiction, member.id(), user,
                candidate.id(), candidate.latestDecisionId());
        // The answer shows the member's name: a read of personal data like any other.
        accessLog.record(Action.READ, RecordKind.REGISTRY_MEMBER, member.id(), jurisdiction);
        return view(member);
    }

    private String whyNotEligible(Candidate candidate) {
        if (candidate.latestVerdict() == null || candidate.latestDecisionId() == null) {
            return "Кандидата нельзя включить в реестр: по нему ещё не вынесено решение";
        }
        String why = log.find(candidate.latestDecisionId())
                .map(r -> json.read(r.decision(), EligibilityDecision.class))
                .map(RegistryService::why)
                .orElse("");
        return "Кандидата нельзя включить в реестр: последнее решение — «" + VERDICTS.get(candidate.latestVerdict())
                + "» (" + candidate.latestVerdict() + ", правила " + candidate.latestRuleSetVersion() + ")"
                + (why.isEmpty() ? "" : ". " + why);
    }

    /**
     * What keeps the decision from being ELIGIBLE, as the contract defines the verdicts: the requirements not met,
     * or that no ground is met; for missing data, what is unknown and which fields are absent.
     */
    private static String why(EligibilityDecision decision) {
        List<Reason> requirements = decision.reasons().stream().filter(r -> r.kind() == Reason.Kind.REQUIREMENT).toList();
        List<Reason> grounds = decision.reasons().stream().filter(r -> r.kind() != Reason.Kind.REQUIREMENT).toList();
        if (decision.verdict() == Verdict.NOT_ELIGIBLE) {
            List<Reason> unmet = requirements.stream().filter(r -> r.status() == ReasonStatus.NOT_MET).toList();
            if (!unmet.isEmpty()) {
                return "Не выполнены обязательные требования: " + describe(unmet);
            }
            return "Не выполнено ни одно основание: " + describe(grounds);
        }
        List<Reason> unknown = decision.reasons().stream().filter(r -> r.status() == ReasonStatus.UNKNOWN).toList();
        return "Неизвестно: " + describe(unknown)
                + (decision.missing().isEmpty() ? "" : ". Недостающие сведения: " + String.join(", ", decision.missing()));
    }

    private static String describe(List<Reason> reasons) {
        return reasons.stream().map(r -> r.code() + " — " + r.message()).limit(10).collect(Collectors.joining("; "));
    }

    @Transactional
    public Member exclude(String jurisdiction, UUID memberId, String reason, @Nullable String user) {
        RegistryMember member = find(jurisdiction, memberId);
        if (!member.active()) {
            throw ApiException.conflict("Педагог уже исключён из реестра " + member.excludedAt() + ": " + member.exclusionReason());
        }
        logger.info("Registry of {}: member {} excluded by {}", jurisdiction, memberId, user);
        accessLog.record(Action.READ, RecordKind.REGISTRY_MEMBER, memberId, jurisdiction);
        return view(members.save(member.excluded(clock.instant(), user, reason.strip())));
    }

    public Member get(String jurisdiction, UUID memberId) {
        RegistryMember member = find(jurisdiction, memberId);
        accessLog.record(Action.READ, RecordKind.REGISTRY_MEMBER, member.id(), jurisdiction);
        return view(member);
    }

    /** A page of the registry of a jurisdiction, newest inclusions first. */
    public PageView<Member> list(String jurisdiction, Status status, int page, int size) {
        ruleSets.jurisdiction(ruleSets.current(), jurisdiction);
        String where = " WHERE jurisdiction = :jurisdiction" + switch (status) {
            case ACTIVE -> " AND excluded_at IS NULL";
            case EXCLUDED -> " AND excluded_at IS NOT NULL";
            case ALL -> "";
        };
        long total = sql.sql("SELECT count(*) FROM registry_member" + where).param("jurisdiction", jurisdiction)
                .query(Long.class).single();
        List<RegistryMember> rows = sql.sql("SELECT * FROM registry_member" + where
                        + " ORDER BY included_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("jurisdiction", jurisdiction).param("limit", size).param("offset", (long) page * size)
                .query(RegistryMember.class).list();
        accessLog.record(Action.READ, rows.stream()
                .map(m -> new PersonalDataAccessLog.Subject(RecordKind.REGISTRY_MEMBER, m.id(), jurisdiction)).toList());
        return PageView.of(rows.stream().map(this::view).toList(), page, size, total);
    }

    /**
     * The inclusion grounds the member's basis decision found met (clause code and message), in the decision's order;
     * empty when the decision is not in the log.
     */
    public List<Reason> grounds(UUID basisDecisionId) {
        return log.find(basisDecisionId).map(r -> r.reasons().stream()
                        .filter(reason -> reason.kind() != Reason.Kind.REQUIREMENT && reason.status() == ReasonStatus.MET)
                        .toList())
                .orElse(List.of());
    }

    /** The active members of a jurisdiction (mentors are chosen among them). */
    public List<RegistryMember> active(String jurisdiction) {
        return sql.sql("SELECT * FROM registry_member WHERE jurisdiction = ? AND excluded_at IS NULL ORDER BY included_at")
                .param(jurisdiction).query(RegistryMember.class).list();
    }

    private RegistryMember find(String jurisdiction, UUID memberId) {
        return members.findById(memberId)
                .filter(m -> m.jurisdiction().equals(jurisdiction))
                .orElseThrow(() -> ApiException.notFound("Запись реестра " + memberId + " не найдена"));
    }

    private Member view(RegistryMember m) {
        Teacher teacher = teachers.findById(m.teacherId()).orElseThrow();
        TeacherProfile profile = json.read(teacher.profile(), TeacherProfile.class);
        var employment = profile.employment();
        return new Member(m.id(), m.jurisdiction(), m.teacherId(), m.candidateId(), profile.fullName(),
                employment == null ? null : employment.organization(),
                employment == null ? List.of() : employment.subjectList(), m.basisDecisionId(), m.active(),
                m.includedAt(), m.includedBy(), m.excludedAt(), m.excludedBy(), m.exclusionReason());
    }
}
