package ru.edu.decisions.service.candidates;

import ru.edu.decisions.service.teachers.Teacher;
import ru.edu.decisions.service.teachers.TeacherRepository;
import ru.edu.decisions.service.teachers.TeacherService;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.edu.decisions.model.TeacherProfile;
import ru.edu.decisions.model.eligibility.EligibilityDecision;
import ru.edu.decisions.model.eligibility.Verdict;
import ru.edu.decisions.rules.engine.JurisdictionRules;
import ru.edu.decisions.service.candidates.CandidateViews.Details;
import ru.edu.decisions.service.candidates.CandidateViews.Reevaluation;
import ru.edu.decisions.service.candidates.CandidateViews.Summary;
import ru.edu.decisions.service.common.ApiException;
import ru.edu.decisions.service.common.DecisionThreads;
import ru.edu.decisions.service.common.Ids;
import ru.edu.decisions.service.common.JsonCodec;
import ru.edu.decisions.service.common.PageView;
import ru.edu.decisions.service.decisionlog.DecisionLog;
import ru.edu.decisions.service.decisionlog.DecisionRecord;
import ru.edu.decisions.service.eligibility.EligibilityService;
import ru.edu.decisions.service.rulesets.RuleSets;
import ru.edu.decisions.service.security.PersonalDataAccessLog;
import ru.edu.decisions.service.security.PersonalDataAccessLog.Action;
import ru.edu.decisions.service.security.PersonalDataAccessLog.RecordKind;

/**
 * The IMC's candidate workflow: a nominated candidate is stored with the decision about them; decisions are made
 * again after a rule change, for one candidate or for all of a jurisdiction.
 */
@Service
public class CandidateService {

    private static final int REEVALUATION_PAGE = 1000;
    private static final org.slf4j.Logger logger = org.slf4j.LoggerFactory.getLogger(CandidateService.class);

    private final TeacherRepository teachers;
    private final CandidateRepository candidates;
    private final EligibilityService eligibility;
    private final RuleSets ruleSets;
    private final DecisionLog log;
    private final JsonCodec json;
    private final JdbcClient sql;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final DecisionThreads threads;
    private final PersonalDataAccessLog accessLog;
    private final TeacherService teacherService;

    public CandidateService(TeacherRepository teachers, CandidateRepository candidates, EligibilityService eligibility,
                            RuleSets ruleSets, DecisionLog log, JsonCodec json, JdbcClient sql, JdbcTemplate jdbc,
                            Clock clock, DecisionThreads threads, PersonalDataAccessLog accessLog,
                            TeacherService teacherService) {
        this.teacherService = teacherService;
        this.accessLog = accessLog;
        this.threads = threads;
        this.teachers = teachers;
        this.candidates = candidates;
        this.eligibility = eligibility;
        this.ruleSets = ruleSets;
        this.log = log;
        this.json = json;
        this.sql = sql;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stores the candidate (and the teacher, matched by the profile's external id) and decides about them. */
    @Transactional
    public Details submit(String jurisdiction, @Nullable LocalDate asOf, TeacherProfile profile, @Nullable String user) {
        return submitOnce(jurisdiction, asOf, profile, user).details();
    }

    /** A submission's answer: the candidate, and whether it was stored now or found already submitted. */
    public record Submitted(Details details, boolean created) {
    }

    /**
     * Stores the candidate and decides about them — unless the same nomination of the same person with the same
     * profile is already there (see {@link #nominationKey}): such a resubmission answers the stored candidate,
     * unchanged and not decided again ({@code created == false}). A later nomination with other data is a new
     * candidate, as before.
     */
    @Transactional
    public Submitted submitOnce(String jurisdiction, @Nullable LocalDate asOf, TeacherProfile profile, @Nullable String user) {
        eligibility.rules(ruleSets.current(), jurisdiction);
        String nominationKey = nominationKey(profile);
        if (nominationKey != null) {
            List<Candidate> existing = sql.sql("SELECT id FROM candidate WHERE jurisdiction = ? AND nomination_key = ?")
                    .params(jurisdiction, nominationKey).query(UUID.class).list().stream().map(this::find).toList();
            if (!existing.isEmpty()) {
                Candidate stored = existing.get(0);
                logger.info("Candidate {} resubmitted in {} by {}: the stored candidate answered", stored.id(), jurisdiction, user);
                return new Submitted(details(stored.id()), false);
            }
        }
        Instant now = clock.instant();
        Teacher teacher = teacherService.upsert(jurisdiction, profile, now);
        var nomination = profile.nomination();
        String organization = organization(profile);
        Candidate candidate = candidates.save(new Candidate(Ids.newId(), null, teacher.id(), jurisdiction,
                nomination == null ? null : nomination.nominatedBy(), nomination == null ? null : nomination.basis(),
                null, null, null, null, now, user, json.write(profile), CandidateSearch.normalize(profile.fullName()),
                organization, CandidateSearch.normalize(organization)));
        if (nominationKey != null) {
            sql.sql("UPDATE candidate SET nomination_key = ? WHERE id = ?").params(nominationKey, candidate.id()).update();
        }
        EligibilityDecision decision = decide(candidate, profile, eligibility.asOfOrToday(asOf));
        logger.info("Candidate {} submitted in {} by {}: {} under rules {}", candidate.id(), jurisdiction, user,
                decision.verdict(), decision.ruleSet().version());
        return new Submitted(details(candidate.id()), true);
    }

    /**
     * What makes two submissions the same nomination: the same person — the profile's external id, or else the full
     * name (case, «ё» and spacing aside) and the birth date — the same nominator and basis, and the same profile (a
     * later nomination with other data is a new candidate). {@code null} when the person cannot be identified (no
     * external id, or no name or birth date): such submissions are all stored.
     */
    @Nullable String nominationKey(TeacherProfile profile) {
        String person;
        if (profile.id() != null && !profile.id().isBlank()) {
            person = "id:" + profile.id().strip();
        } else if (profile.fullName() != null && !profile.fullName().isBlank() && profile.birthDate() != null) {
            person = "person:" + normalized(profile.fullName()) + "|" + profile.birthDate();
        } else {
            return null;
        }
        var nomination = profile.nomination();
        return sha256(person, normalized(nomination == null ? null : nomination.nominatedBy()),
                normalized(nomination == null ? null : nomination.basis()), json.write(profile));
    }

    private static String sha256(String... parts) {
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(part.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String normalized(@Nullable String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT).replace('ё', 'е');
    }

    /**
     * Stores the candidate's amended (completed) profile — the candidate's and the teacher's — and decides about
     * them again: a new decision in the history.
     */
    @Transactional
    public Details amend(UUID id, @Nullable LocalDate asOf, TeacherProfile profile, @Nullable String user) {
        Candidate candidate = find(id);
        eligibility.rules(ruleSets.current(), candidate.jurisdiction());
        Instant now = clock.instant();
        String profileJson = json.write(profile);
        teachers.findById(candidate.teacherId()).ifPresent(teacher -> teachers.save(teacher.withProfile(profileJson, now)));
        var nomination = profile.nomination();
        Candidate amended = candidates.save(candidate.withProfile(profileJson,
                nomination == null ? null : nomination.nominatedBy(), nomination == null ? null : nomination.basis(),
                profile.fullName(), organization(profile)));
        EligibilityDecision decision = decide(amended, profile, eligibility.asOfOrToday(asOf));
        logger.info("Candidate {} amended in {} by {}: {} under rules {}", id, candidate.jurisdiction(), user,
                decision.verdict(), decision.ruleSet().version());
        return details(id);
    }

    private static @Nullable String organization(TeacherProfile profile) {
        return profile.employment() == null ? null : profile.employment().organization();
    }

    /**
     * Stores a candidate read from a filled form with the decision already made about it (its record's subject is
     * {@code candidateId}; the caller appends the records to the log, in a batch): the nomination of the teacher
     * {@code teacherId} (a person the IMC knows, whose profile becomes this one) or of a new teacher. Returns the
     * teacher's id.
     */
    @Transactional
    public UUID storeDecided(String jurisdiction, UUID candidateId, TeacherProfile profile, @Nullable UUID teacherId,
                             EligibilityService.Logged logged, @Nullable String user) {
        Instant now = clock.instant();
        Teacher teacher = teacherId == null ? null
                : teachers.findById(teacherId).map(t -> teachers.save(t.withProfile(json.write(profile), now))).orElse(null);
        if (teacher == null) {
            teacher = teacherService.upsert(jurisdiction, profile, now);
        }
        var nomination = profile.nomination();
        EligibilityDecision decision = logged.decision();
        candidates.save(new Candidate(candidateId, null, teacher.id(), jurisdiction,
                nomination == null ? null : nomination.nominatedBy(), nomination == null ? null : nomination.basis(),
                decision.decisionId(), decision.verdict(), decision.ruleSet().version(), logged.record().decidedAt(), now,
                user, json.write(profile), CandidateSearch.normalize(profile.fullName()), organization(profile),
                CandidateSearch.normalize(organization(profile))));
        return teacher.id();
    }

    /** Decides about one stored candidate again with the rules active now. */
    @Transactional
    public Details reevaluate(UUID id, @Nullable LocalDate asOf) {
        Candidate candidate = find(id);
        decide(candidate, json.read(candidate.profile(), TeacherProfile.class), eligibility.asOfOrToday(asOf));
        return details(id);
    }

    private EligibilityDecision decide(Candidate candidate, TeacherProfile profile, LocalDate asOf) {
        EligibilityService.Logged logged = eligibility.decideAndLog(candidate.jurisdiction(), asOf, profile,
                DecisionRecord.Source.WORKFLOW, candidate.id(), true);
        EligibilityDecision decision = logged.decision();
        candidates.save(candidate.withDecision(decision.decisionId(), decision.verdict(), decision.ruleSet().version(),
                logged.record().decidedAt()));
        return decision;
    }

    /**
     * Decides again about every candidate of a jurisdiction with the rules active now (one rule-set snapshot for
     * all), in pages, appending every decision to the log.
     */
    @Transactional
    public Reevaluation reevaluateAll(String jurisdiction, @Nullable LocalDate asOf) {
        return reevaluateAll(jurisdiction, asOf, null);
    }

    /** What a long re-evaluation reports as it goes: the number of candidates, then each page done. */
    public interface ReevaluationProgress {
        void total(int candidates);

        void advance(int candidates);
    }

    /** As {@link #reevaluateAll(String, LocalDate)}, reporting its progress (for a background task's page). */
    @Transactional
    public Reevaluation reevaluateAll(String jurisdiction, @Nullable LocalDate asOf,
                                      @Nullable ReevaluationProgress progress) {
        long started = System.nanoTime();
        LocalDate date = eligibility.asOfOrToday(asOf);
        JurisdictionRules rules = eligibility.rules(ruleSets.current(), jurisdiction, date);
        if (progress != null) {
            progress.total(sql.sql("SELECT count(*) FROM candidate WHERE jurisdiction = ?").param(jurisdiction)
                    .query(Long.class).single().intValue());
        }
        Map<Verdict, Long> byVerdict = new EnumMap<>(Verdict.class);
        int evaluated = 0;
        int changed = 0;
        UUID after = new UUID(0, 0);
        while (true) {
            List<Row> page = sql.sql("""
                            SELECT c.id, c.latest_verdict, c.profile FROM candidate c
                            WHERE c.jurisdiction = ? AND c.id > ? ORDER BY c.id LIMIT ?""")
                    .params(jurisdiction, after, REEVALUATION_PAGE)
                    .query((rs, n) -> new Row(rs.getObject(1, UUID.class),
                            rs.getString(2) == null ? null : Verdict.valueOf(rs.getString(2)), rs.getString(3)))
                    .list();
            if (page.isEmpty()) {
                break;
            }
            List<EligibilityService.Logged> decided = threads.run(() -> page.parallelStream()
                    .map(row -> eligibility.decide(rules, date, json.read(row.profile(), TeacherProfile.class),
                            DecisionRecord.Source.WORKFLOW, row.id(), true))
                    .toList());
            log.appendAll(decided.stream().map(EligibilityService.Logged::record).toList());
            List<Object[]> updates = new ArrayList<>(page.size());
            for (int i = 0; i < page.size(); i++) {
                EligibilityService.Logged logged = decided.get(i);
                Verdict verdict = logged.decision().verdict();
                if (!Objects.equals(page.get(i).verdict(), verdict)) {
                    changed++;
                }
                byVerdict.merge(verdict, 1L, Long::sum);
                updates.add(new Object[] {logged.decision().decisionId(), verdict.name(), rules.version(),
                        Timestamp.from(logged.record().decidedAt()), page.get(i).id()});
            }
            jdbc.batchUpdate("""
                    UPDATE candidate SET latest_decision_id = ?, latest_verdict = ?, latest_rule_set_version = ?,
                                         latest_evaluated_at = ?, version = version + 1
                    WHERE id = ?""", updates);
            evaluated += page.size();
            after = page.get(page.size() - 1).id();
            if (progress != null) {
                progress.advance(page.size());
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        logger.info("Re-evaluated {} candidates of {} under rules {} in {} ms: {} changed", evaluated, jurisdiction,
                rules.version(), millis, changed);
        return new Reevaluation(jurisdiction, rules.version(), date, evaluated, changed, byVerdict, millis);
    }

    private record Row(UUID id, @Nullable Verdict verdict, String profile) {
    }

    /** A page of candidates of a jurisdiction, newest first, optionally of one verdict; the reads are recorded. */
    public PageView<Summary> list(String jurisdiction, @Nullable Verdict verdict, int page, int size) {
        return list(jurisdiction, new Filter(verdict, null, null), page, size);
    }

    /** What a candidate list is narrowed to: a verdict, a school (part of its name), a part of the ФИО. */
    public record Filter(@Nullable Verdict verdict, @Nullable String school, @Nullable String name) {

        public static Filter none() {
            return new Filter(null, null, null);
        }
    }

    /**
     * A page of candidates of a jurisdiction, newest first, narrowed by {@code filter} (school and name compared
     * case-insensitively, anywhere in the text, on the search columns — never on the profile documents); the reads
     * are recorded.
     */
    public PageView<Summary> list(String jurisdiction, Filter filter, int page, int size) {
        ruleSets.jurisdiction(ruleSets.current(), jurisdiction);
        StringBuilder where = new StringBuilder(" WHERE c.jurisdiction = :jurisdiction");
        var params = new java.util.HashMap<String, Object>();
        params.put("jurisdiction", jurisdiction);
        if (filter.verdict() != null) {
            where.append(" AND c.latest_verdict = :verdict");
            params.put("verdict", filter.verdict().name());
        }
        String school = CandidateSearch.containsPattern(filter.school());
        if (school != null) {
            where.append(" AND c.organization_search LIKE :school ESCAPE '\\'");
            params.put("school", school);
        }
        String name = CandidateSearch.containsPattern(filter.name());
        if (name != null) {
            where.append(" AND c.full_name_search LIKE :name ESCAPE '\\'");
            params.put("name", name);
        }
        long total = sql.sql("SELECT count(*) FROM candidate c" + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<Summary> items = total == 0 ? List.of() : sql.sql("SELECT c.* FROM candidate c"
                        + where + " ORDER BY c.submitted_at DESC, c.id DESC LIMIT :limit OFFSET :offset")
                .params(params)
                .query((rs, n) -> {
                    TeacherProfile profile = json.read(rs.getString("profile"), TeacherProfile.class);
                    String verdictName = rs.getString("latest_verdict");
                    Timestamp evaluatedAt = rs.getTimestamp("latest_evaluated_at");
                    return new Summary(rs.getObject("id", UUID.class), rs.getString("jurisdiction"),
                            rs.getObject("teacher_id", UUID.class), profile.fullName(),
                            profile.employment() == null ? null : profile.employment().organization(),
                            rs.getString("nominated_by"), verdictName == null ? null : Verdict.valueOf(verdictName),
                            rs.getObject("latest_decision_id", UUID.class), rs.getString("latest_rule_set_version"),
                            evaluatedAt == null ? null : evaluatedAt.toInstant(), rs.getTimestamp("submitted_at").toInstant());
                })
                .list();
        if (!items.isEmpty()) {
            accessLog.record(Action.READ, items.stream()
                    .map(i -> new PersonalDataAccessLog.Subject(RecordKind.CANDIDATE, i.id(), i.jurisdiction())).toList());
        }
        return PageView.of(items, page, size, total);
    }

    /** The candidate, its profile, its latest decision and its decision history; the read is recorded. */
    public Details details(UUID id) {
        Candidate candidate = find(id);
        accessLog.record(Action.READ, RecordKind.CANDIDATE, id, candidate.jurisdiction());
        List<DecisionRecord> history = log.forSubject(id);
        EligibilityDecision latest = history.stream()
                .filter(r -> r.id().equals(candidate.latestDecisionId()))
                .findFirst()
                .map(r -> json.read(r.decision(), EligibilityDecision.class))
                .orElse(null);
        return new Details(candidate.id(), candidate.jurisdiction(), candidate.teacherId(),
                json.read(candidate.profile(), TeacherProfile.class), candidate.nominatedBy(), candidate.nominationBasis(),
                candidate.submittedAt(), candidate.submittedBy(), latest, history);
    }

    public Candidate find(UUID id) {
        return candidates.findById(id).orElseThrow(() -> ApiException.notFound(notFound(id)));
    }

    public static String notFound(UUID id) {
        return "Кандидат " + id + " не найден";
    }
}
