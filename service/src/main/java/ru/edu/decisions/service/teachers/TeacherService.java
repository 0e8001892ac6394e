package ru.edu.decisions.service.teachers;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.edu.decisions.model.TeacherProfile;
import ru.edu.decisions.model.routes.School;
import ru.edu.decisions.service.common.ApiException;
import ru.edu.decisions.service.common.Ids;
import ru.edu.decisions.service.common.JsonCodec;
import ru.edu.decisions.service.common.PageView;
import ru.edu.decisions.service.rulesets.RuleSets;
import ru.edu.decisions.service.security.PersonalDataAccessLog;
import ru.edu.decisions.service.security.PersonalDataAccessLog.Action;
import ru.edu.decisions.service.security.PersonalDataAccessLog.RecordKind;
import ru.edu.decisions.service.teachers.TeacherViews.Details;
import ru.edu.decisions.service.teachers.TeacherViews.Registration;
import ru.edu.decisions.service.teachers.TeacherViews.Summary;

/** The teachers a jurisdiction's IMC works with; every read of their personal data is recorded. */
@Service
public class TeacherService {

    private static final org.slf4j.Logger logger = org.slf4j.LoggerFactory.getLogger(TeacherService.class);

    private final TeacherRepository teachers;
    private final SchoolDirectory schools;
    private final RuleSets ruleSets;
    private final JsonCodec json;
    private final JdbcClient sql;
    private final PersonalDataAccessLog accessLog;
    private final Clock clock;

    TeacherService(TeacherRepository teachers, SchoolDirectory schools, RuleSets ruleSets, JsonCodec json, JdbcClient sql,
                   PersonalDataAccessLog accessLog, Clock clock) {
        this.teachers = teachers;
        this.schools = schools;
        this.ruleSets = ruleSets;
        this.json = json;
        this.sql = sql;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @Transactional
    public Details register(Registration registration, @Nullable String user) {
        ruleSets.jurisdiction(ruleSets.current(), registration.jurisdiction());
        Teacher teacher = upsert(registration.jurisdiction(), registration.teacher(), clock.instant());
        teacher = placed(teacher, registration.municipality(), registration.okrug(), registration.school());
        logger.info("Teacher {} recorded in {} by {}", teacher.id(), teacher.jurisdiction(), user);
        return details(teacher.id());
    }

    /** A new teacher with this profile at this school (the staff roster import's new rows); no personal data is read back. */
    @Transactional
    public Teacher create(String jurisdiction, TeacherProfile profile, @Nullable School school) {
        ruleSets.jurisdiction(ruleSets.current(), jurisdiction);
        Instant now = clock.instant();
        Teacher teacher = indexed(teachers.save(new Teacher(Ids.newId(), null, jurisdiction, profile.id(), json.write(profile),
                null, null, null, now, now)));
        return placed(teacher, null, null, school);
    }

    /** A stored teacher's profile and school replaced (the staff roster import's update of a matched teacher). */
    @Transactional
    public Teacher update(UUID id, TeacherProfile profile, @Nullable School school) {
        Teacher teacher = indexed(teachers.save(find(id).withProfile(json.write(profile), clock.instant())));
        return placed(teacher, null, null, school);
    }

    /** The teacher a profile belongs to: the one with the same external id in the jurisdiction, or a new one. */
    public Teacher upsert(String jurisdiction, TeacherProfile profile, Instant now) {
        String profileJson = json.write(profile);
        if (profile.id() != null) {
            var existing = teachers.findByJurisdictionAndExternalId(jurisdiction, profile.id());
            if (existing.isPresent()) {
                return indexed(teachers.save(existing.get().withProfile(profileJson, now)));
            }
        }
        // A new teacher's school is their place of work; a school of the reference list brings its flags and municipality.
        String organization = profile.employment() == null ? null : profile.employment().organization();
        var reference = schools.find(jurisdiction, organization);
        School school = organization == null ? null : withReferenceFlags(jurisdiction, new School(organization, null));
        return indexed(teachers.save(new Teacher(Ids.newId(), null, jurisdiction, profile.id(), profileJson,
                reference.map(SchoolDirectory.ReferenceSchool::municipality).orElse(null),
                reference.map(SchoolDirectory.ReferenceSchool::okrug).orElse(null),
                school == null ? null : json.write(school), now, now)));
    }

    private Teacher placed(Teacher teacher, @Nullable String municipality, @Nullable String okrug, @Nullable School school) {
        if (municipality == null && okrug == null && school == null) {
            return teacher;
        }
        var reference = schools.find(teacher.jurisdiction(), school == null ? null : school.name());
        String place = municipality != null ? municipality : reference.map(SchoolDirectory.ReferenceSchool::municipality)
                .orElse(teacher.municipality());
        String area = okrug != null ? okrug : reference.map(SchoolDirectory.ReferenceSchool::okrug).orElse(teacher.okrug());
        String schoolJson = school == null ? teacher.school() : json.write(withReferenceFlags(teacher.jurisdiction(), school));
        return indexed(teachers.save(teacher.withPlacement(place, area, schoolJson, clock.instant())));
    }

    /** Keeps the lower-cased name and school the search compares with in step with the profile and the school. */
    private Teacher indexed(Teacher teacher) {
        School school = school(teacher.school());
        sql.sql("UPDATE teacher SET search_name = ?, search_school = ? WHERE id = ?")
                .params(searchKey(profile(teacher).fullName()), searchKey(school == null ? null : school.name()), teacher.id())
                .update();
        return teacher;
    }

    /** Fills the search columns of teachers stored before they existed (once: afterwards every save keeps them). */
    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void indexUnindexed() {
        List<UUID> ids = sql.sql("SELECT id FROM teacher WHERE search_name IS NULL").query(UUID.class).list();
        ids.forEach(id -> teachers.findById(id).ifPresent(this::indexed));
        if (!ids.isEmpty()) {
            logger.info("Search columns filled for {} teachers stored before them", ids.size());
        }
    }

    /** What the search compares: lower case, ё as е, single spaces, no quotes; "" for nothing (so it counts as indexed). */
    public static String searchKey(@Nullable String text) {
        return text == null ? "" : SchoolDirectory.normalize(text);
    }

    /**
     * A page of the teachers of a jurisdiction whose name contains {@code name} and whose school contains
     * {@code school} (each ignoring case, ё/е and quotes; blank = any), by name.
     */
    public PageView<Summary> search(String jurisdiction, @Nullable String name, @Nullable String school, int page, int size) {
        ruleSets.jurisdiction(ruleSets.current(), jurisdiction);
        String nameKey = name == null || name.isBlank() ? null : "%" + escapeLike(searchKey(name)) + "%";
        String schoolKey = school == null || school.isBlank() ? null : "%" + escapeLike(searchKey(school)) + "%";
        String where = " WHERE jurisdiction = :jurisdiction"
                + (nameKey == null ? "" : " AND search_name LIKE :name ESCAPE '\\'")
                + (schoolKey == null ? "" : " AND search_school LIKE :school ESCAPE '\\'");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("jurisdiction", jurisdiction);
        if (nameKey != null) {
            params.put("name", nameKey);
        }
        if (schoolKey != null) {
            params.put("school", schoolKey);
        }
        long total = sql.sql("SELECT count(*) FROM teacher" + where).params(params).query(Long.class).single();
        List<Summary> items = sql.sql("SELECT * FROM teacher" + where
                        + " ORDER BY search_name, id LIMIT :limit OFFSET :offset")
                .params(params).param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> summary(rs)).list();
        accessLog.record(Action.READ, items.stream()
                .map(i -> new PersonalDataAccessLog.Subject(RecordKind.TEACHER, i.id(), i.jurisdiction())).toList());
        return PageView.of(items, page, size, total);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private Summary summary(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Summary(rs.getObject("id", UUID.class), rs.getString("jurisdiction"),
                rs.getString("external_id"), json.read(rs.getString("profile"), TeacherProfile.class).fullName(),
                rs.getString("municipality"), rs.getString("okrug"), school(rs.getString("school")),
                rs.getTimestamp("updated_at").toInstant());
    }

    /** A school without flags takes those of the reference list, if the school is listed. */
    public School withReferenceFlags(String jurisdiction, School school) {
        if (school.flags() != null) {
            return school;
        }
        return schools.find(jurisdiction, school.name()).map(s -> new School(school.name(), s.flags())).orElse(school);
    }

    public PageView<Summary> list(String jurisdiction, int page, int size) {
        ruleSets.jurisdiction(ruleSets.current(), jurisdiction);
        long total = sql.sql("SELECT count(*) FROM teacher WHERE jurisdiction = ?").param(jurisdiction).query(Long.class).single();
        List<Summary> items = sql.sql("SELECT * FROM teacher WHERE jurisdiction = ? ORDER BY updated_at DESC, id LIMIT ? OFFSET ?")
                .params(jurisdiction, size, (long) page * size)
                .query((rs, n) -> summary(rs))
                .list();
        accessLog.record(Action.READ, items.stream()
                .map(i -> new PersonalDataAccessLog.Subject(RecordKind.TEACHER, i.id(), i.jurisdiction())).toList());
        return PageView.of(items, page, size, total);
    }

    public Details details(UUID id) {
        Teacher teacher = find(id);
        accessLog.record(Action.READ, RecordKind.TEACHER, id, teacher.jurisdiction());
        return new Details(teacher.id(), teacher.jurisdiction(), profile(teacher), teacher.municipality(), teacher.okrug(),
                school(teacher.school()), teacher.createdAt(), teacher.updatedAt());
    }

    public TeacherProfile profile(Teacher teacher) {
        return json.read(teacher.profile(), TeacherProfile.class);
    }

    public @Nullable School school(@Nullable String schoolJson) {
        return schoolJson == null ? null : json.read(schoolJson, School.class);
    }

    public Teacher find(UUID id) {
        return teachers.findById(id).orElseThrow(() -> ApiException.notFound(notFound(id)));
    }

    public static String notFound(UUID id) {
        return "Педагог " + id + " не найден";
    }
}
