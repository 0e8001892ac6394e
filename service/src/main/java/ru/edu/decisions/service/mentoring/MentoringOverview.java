package ru.edu.decisions.service.mentoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.edu.decisions.model.TeacherProfile;
import ru.edu.decisions.model.mentoring.MentoringDecision;
import ru.edu.decisions.model.routes.CompetenceArea;
import ru.edu.decisions.service.common.JsonCodec;
import ru.edu.decisions.service.mentoring.MentoringRecords.MentorProfile;
import ru.edu.decisions.service.mentoring.MentoringRecords.PairStatus;
import ru.edu.decisions.service.mentoring.MentoringViews.PairView;
import ru.edu.decisions.service.mentoring.MentoringViews.RunSummary;
import ru.edu.decisions.service.mentoring.MentoringViews.RunView;
import ru.edu.decisions.service.registry.RegistryMember;
import ru.edu.decisions.service.registry.RegistryService;
import ru.edu.decisions.service.registry.RegistryViews.Member;
import ru.edu.decisions.service.security.PersonalDataAccessLog;
import ru.edu.decisions.service.security.PersonalDataAccessLog.Action;
import ru.edu.decisions.service.security.PersonalDataAccessLog.RecordKind;
import ru.edu.decisions.service.teachers.TeacherService;

/**
 * What the mentoring pages show beside the workflow's own answers: the asset's members with their names and what
 * they offer as mentors, the runs with their counts, and the names of a run's mentees and mentors. Every name shown
 * is a read of personal data and is recorded in the access log, as the other features do.
 */
@Service
class MentoringOverview {

    /** An active asset member as a mentor: what they offer (nothing yet when {@code consent} is null). */
    record MentorRow(UUID memberId, @Nullable String fullName, @Nullable String organization, @Nullable Boolean consent,
                     @Nullable Integer capacity, int effectiveCapacity, List<CompetenceArea> strengths, long confirmed) {
    }

    /** A member whose offer is being edited, and the offer stored so far (null: never asked). */
    record MentorEdit(Member member, @Nullable Boolean consent, @Nullable Integer capacity, List<CompetenceArea> strengths,
                      int defaultCapacity) {
    }

    /** A run in the list, with how many pairs it proposed and how many mentees it left without a mentor. */
    record RunRow(RunSummary run, int pairs, int unassigned) {
    }

    /** A run with the names of the people in it (by teacher id for mentees, by member id for mentors). */
    record RunPage(RunView run, Map<String, String> names) {

        public String name(Object id) {
            String name = names.get(id.toString());
            return name == null ? id.toString() : name;
        }
    }

    private final MentoringWorkflow workflow;
    private final MentoringService mentoring;
    private final RegistryService registry;
    private final TeacherService teachers;
    private final MentorProfileRepository profiles;
    private final MentoringPairRepository pairs;
    private final PersonalDataAccessLog accessLog;
    private final JsonCodec json;
    private final JdbcClient sql;

    MentoringOverview(MentoringWorkflow workflow, MentoringService mentoring, RegistryService registry, TeacherService teachers,
                      MentorProfileRepository profiles, MentoringPairRepository pairs, PersonalDataAccessLog accessLog,
                      JsonCodec json, JdbcClient sql) {
        this.workflow = workflow;
        this.mentoring = mentoring;
        this.registry = registry;
        this.teachers = teachers;
        this.profiles = profiles;
        this.pairs = pairs;
        this.accessLog = accessLog;
        this.json = json;
        this.sql = sql;
    }

    /** The jurisdiction's default capacity of a mentor who gave none. */
    int defaultCapacity(String jurisdiction) {
        return mentoring.rules(jurisdiction).manifest().toParameters().intValue("defaultCapacity");
    }

    /** The jurisdiction's active asset members as mentors, in the order of their inclusion. */
    @Transactional
    public List<MentorRow> mentors(String jurisdiction) {
        int byDefault = defaultCapacity(jurisdiction);
        List<MentorRow> rows = new ArrayList<>();
        List<PersonalDataAccessLog.Subject> read = new ArrayList<>();
        for (RegistryMember member : registry.active(jurisdiction)) {
            TeacherProfile profile = teachers.profile(teachers.find(member.teacherId()));
            MentorProfile offer = profiles.findById(member.id()).orElse(null);
            Integer capacity = offer == null ? null : offer.capacity();
            rows.add(new MentorRow(member.id(), profile.fullName(),
                    profile.employment() == null ? null : profile.employment().organization(),
                    offer == null ? null : offer.consent(), capacity, capacity == null ? byDefault : capacity,
                    offer == null ? List.of() : strengths(offer.strengths()),
                    pairs.countByMentorMemberIdAndStatus(member.id(), PairStatus.CONFIRMED)));
            read.add(new PersonalDataAccessLog.Subject(RecordKind.REGISTRY_MEMBER, member.id(), jurisdiction));
        }
        accessLog.record(Action.READ, read);
        return rows;
    }

    /** A member of the jurisdiction and what they offer (the registry records the read). */
    @Transactional
    public MentorEdit mentor(String jurisdiction, UUID memberId) {
        Member member = registry.get(jurisdiction, memberId);
        MentorProfile offer = profiles.findById(memberId).orElse(null);
        return new MentorEdit(member, offer == null ? null : offer.consent(), offer == null ? null : offer.capacity(),
                offer == null ? List.of() : strengths(offer.strengths()), defaultCapacity(jurisdiction));
    }

    /** The jurisdiction's runs, newest first, with their counts. */
    public List<RunRow> runs(String jurisdiction) {
        List<RunSummary> runs = workflow.list(jurisdiction);
        Map<UUID, Integer> proposed = new HashMap<>();
        sql.sql("SELECT run_id, count(*) AS n FROM mentoring_pair WHERE jurisdiction = ? GROUP BY run_id").param(jurisdiction)
                .query((rs, n) -> Map.entry(rs.getObject("run_id", UUID.class), rs.getInt("n"))).list()
                .forEach(e -> proposed.put(e.getKey(), e.getValue()));
        return runs.stream().map(r -> {
            int made = proposed.getOrDefault(r.id(), 0);
            return new RunRow(r, made, Math.max(0, r.mentees() - made));
        }).toList();
    }

    /** A run of the jurisdiction with the names of its mentees and mentors; the read is recorded under the run. */
    @Transactional
    public RunPage run(String jurisdiction, UUID runId) {
        RunView run = workflow.get(jurisdiction, runId);
        Set<UUID> teacherIds = new LinkedHashSet<>();
        Set<UUID> memberIds = new LinkedHashSet<>();
        for (PairView pair : run.pairs()) {
            teacherIds.add(pair.menteeTeacherId());
            memberIds.add(pair.mentorMemberId());
        }
        for (MentoringDecision.Unassigned u : run.unassigned()) {
            try {
                teacherIds.add(UUID.fromString(u.menteeId()));
            } catch (IllegalArgumentException e) {
                // not a stored teacher: shown by its id
            }
        }
        Map<String, String> names = new HashMap<>();
        for (UUID id : teacherIds) {
            sql.sql("SELECT profile FROM teacher WHERE id = ?").param(id).query(String.class).optional()
                    .map(p -> json.read(p, TeacherProfile.class).fullName())
                    .ifPresent(name -> names.put(id.toString(), name));
        }
        for (UUID id : memberIds) {
            sql.sql("SELECT t.profile FROM registry_member m JOIN teacher t ON t.id = m.teacher_id WHERE m.id = ?").param(id)
                    .query(String.class).optional()
                    .map(p -> json.read(p, TeacherProfile.class).fullName())
                    .ifPresent(name -> names.put(id.toString(), name));
        }
        accessLog.record(Action.READ, RecordKind.MENTORING_RUN, runId, jurisdiction);
        return new RunPage(run, names);
    }

    private static List<CompetenceArea> strengths(String text) {
        return text.isBlank() ? List.of() : Arrays.stream(text.split(",")).map(CompetenceArea::valueOf).toList();
    }
}
