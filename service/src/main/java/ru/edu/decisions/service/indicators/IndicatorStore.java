package ru.edu.decisions.service.indicators;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ru.edu.decisions.model.Position;
import ru.edu.decisions.model.routes.ActivityType;
import ru.edu.decisions.rules.indicators.DiagnosticsTaken;
import ru.edu.decisions.rules.indicators.IndicatorFacts;
import ru.edu.decisions.rules.indicators.ManagementTeamProgramme;
import ru.edu.decisions.rules.indicators.MentoringPairRecord;
import ru.edu.decisions.rules.indicators.RoadMap;
import ru.edu.decisions.rules.indicators.RouteItemRecord;
import ru.edu.decisions.rules.indicators.RouteRecord;
import ru.edu.decisions.rules.indicators.SchoolRecord;
import ru.edu.decisions.rules.indicators.Staff;
import ru.edu.decisions.rules.indicators.Survey;
import ru.edu.decisions.service.common.DecisionsProperties;
import ru.edu.decisions.service.common.Ids;
import ru.edu.decisions.service.common.JsonCodec;
import ru.edu.decisions.service.indicators.IndicatorViews.EnteredValues;
import ru.edu.decisions.service.indicators.IndicatorViews.MethodistEntry;
import ru.edu.decisions.service.indicators.IndicatorViews.RoadMapEntry;
import ru.edu.decisions.service.indicators.IndicatorViews.SchoolEntry;
import ru.edu.decisions.service.indicators.IndicatorViews.SurveyEntry;
import ru.edu.decisions.service.indicators.IndicatorViews.TeamEntry;
import tools.jackson.databind.JsonNode;

/**
 * The facts the indicator rules read, gathered from the stored workflow and the entered values of one jurisdiction in a
 * few queries (no decision here: every route, item, pair and teacher goes to the rules as it is stored), and the
 * entered values themselves.
 */
@Repository
class IndicatorStore {

    private final JdbcClient sql;
    private final JsonCodec json;
    private final ZoneId zone;

    IndicatorStore(JdbcClient sql, JsonCodec json, DecisionsProperties properties) {
        this.sql = sql;
        this.json = json;
        this.zone = properties.timeZone();
    }

    /** A teacher as the indicators and their lists need them: the facts, plus the name (personal data) for the lists. */
    record Person(Staff staff, @Nullable String fullName) {
    }

    /** Everything the rules read, and the people by id (for the lists behind the figures). */
    record Gathered(IndicatorFacts facts, Map<String, Person> people) {
    }

    Gathered gather(String jurisdiction) {
        Map<String, LocalDate> methodists = new HashMap<>();
        sql.sql("SELECT teacher_id, since FROM regional_methodist WHERE jurisdiction = :j").param("j", jurisdiction)
                .query((rs, n) -> methodists.put(rs.getObject(1, UUID.class).toString(), rs.getObject(2, LocalDate.class))).list();
        Map<String, Person> people = new HashMap<>();
        List<Staff> staff = new ArrayList<>();
        sql.sql("SELECT id, profile, school FROM teacher WHERE jurisdiction = :j").param("j", jurisdiction)
                .query((rs, n) -> {
                    String id = rs.getObject(1, UUID.class).toString();
                    JsonNode profile = json.mapper().readTree(rs.getString(2));
                    JsonNode employment = profile.path("employment");
                    String school = schoolName(rs.getString(3));
                    if (school == null) {
                        school = text(employment.path("organization"));
                    }
                    String position = text(employment.path("position"));
                    String birth = text(profile.path("birthDate"));
                    JsonNode years = employment.path("pedagogicalExperienceYears");
                    Staff s = new Staff(id, school, position == null ? null : Position.valueOf(position),
                            birth == null ? null : LocalDate.parse(birth), years.isNumber() ? years.asInt() : null,
                            methodists.get(id));
                    staff.add(s);
                    people.put(id, new Person(s, text(profile.path("fullName"))));
                    return s;
                }).list();
        Map<String, String> schoolOf = new HashMap<>();
        staff.forEach(s -> schoolOf.put(s.id(), s.school()));

        List<DiagnosticsTaken> diagnostics = new ArrayList<>();
        List<RouteRecord> routes = sql.sql("""
                SELECT id, teacher_id, diagnostics_date, as_of, created_at, status, completed_at
                FROM educational_route WHERE jurisdiction = :j""").param("j", jurisdiction)
                .query((rs, n) -> {
                    String teacher = rs.getObject(2, UUID.class).toString();
                    LocalDate diagnosed = rs.getObject(3, LocalDate.class);
                    LocalDate asOf = rs.getObject(4, LocalDate.class);
                    // Diagnostics are stored with the route made from them; without their own date, the route's date.
                    diagnostics.add(new DiagnosticsTaken(teacher, diagnosed != null ? diagnosed : asOf));
                    return new RouteRecord(rs.getObject(1, UUID.class).toString(), teacher, diagnosed != null ? diagnosed : asOf,
                            day(rs.getTimestamp(5)), rs.getString(6), day(rs.getTimestamp(7)));
                }).list();
        List<RouteItemRecord> items = sql.sql("""
                SELECT i.educational_route, r.teacher_id, i.type, i.federal_registry, i.start_date, i.end_date, i.status,
                       i.evidence, i.updated_at
                FROM route_item i JOIN educational_route r ON r.id = i.educational_route
                WHERE r.jurisdiction = :j""").param("j", jurisdiction)
                .query((rs, n) -> {
                    String status = rs.getString(7);
                    String evidence = rs.getString(8);
                    return new RouteItemRecord(rs.getObject(1, UUID.class).toString(), rs.getObject(2, UUID.class).toString(),
                            ActivityType.valueOf(rs.getString(3)), rs.getBoolean(4), rs.getObject(5, LocalDate.class),
                            rs.getObject(6, LocalDate.class), status, evidence != null && !evidence.isBlank(),
                            "DONE".equals(status) ? day(rs.getTimestamp(9)) : null);
                }).list();
        List<MentoringPairRecord> pairs = sql.sql("""
                SELECT id, mentee_teacher_id, confirmed_at, ended_at FROM mentoring_pair WHERE jurisdiction = :j""")
                .param("j", jurisdiction)
                .query((rs, n) -> {
                    String mentee = rs.getObject(2, UUID.class).toString();
                    return new MentoringPairRecord(rs.getObject(1, UUID.class).toString(), mentee, schoolOf.get(mentee),
                            day(rs.getTimestamp(3)), day(rs.getTimestamp(4)));
                }).list();

        Map<String, LocalDate> included = new HashMap<>();
        sql.sql("SELECT school, since FROM school_mentoring_model WHERE jurisdiction = :j").param("j", jurisdiction)
                .query((rs, n) -> included.put(rs.getString(1), rs.getObject(2, LocalDate.class))).list();
        TreeSet<String> schoolNames = new TreeSet<>(sql.sql("SELECT name FROM school WHERE jurisdiction = :j")
                .param("j", jurisdiction).query(String.class).list());
        staff.stream().map(Staff::school).filter(s -> s != null && !s.isBlank()).forEach(schoolNames::add);
        schoolNames.addAll(included.keySet());
        List<SchoolRecord> schools = schoolNames.stream().map(name -> new SchoolRecord(name, included.get(name))).toList();

        List<RoadMap> roadMaps = roadMaps(jurisdiction).stream().map(r -> new RoadMap(r.number(), r.date())).toList();
        List<Survey> surveys = surveys(jurisdiction).stream()
                .map(s -> new Survey(s.date(), s.resultPercent(), s.respondents())).toList();
        List<ManagementTeamProgramme> teams = teams(jurisdiction).stream()
                .map(t -> new ManagementTeamProgramme(t.school(), t.programme(), t.date())).toList();
        return new Gathered(new IndicatorFacts(staff, diagnostics, routes, items, pairs, schools, roadMaps, surveys, teams), people);
    }

    private @Nullable LocalDate day(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant().atZone(zone).toLocalDate();
    }

    private @Nullable String schoolName(@Nullable String schoolJson) {
        if (schoolJson == null || schoolJson.isBlank()) {
            return null;
        }
        return text(json.mapper().readTree(schoolJson).path("name"));
    }

    private static @Nullable String text(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        String text = node.asString();
        return text == null || text.isBlank() ? null : text;
    }

    // ---- entered values ---------------------------------------------------------------------------------------------

    EnteredValues entered(String jurisdiction) {
        return new EnteredValues(jurisdiction, roadMaps(jurisdiction), surveys(jurisdiction), teams(jurisdiction),
                schools(jurisdiction), methodists(jurisdiction));
    }

    List<RoadMapEntry> roadMaps(String jurisdiction) {
        return sql.sql("""
                SELECT id, number, adopted_on, entered_by, entered_at FROM indicator_road_map WHERE jurisdiction = :j
                ORDER BY adopted_on DESC, entered_at DESC""").param("j", jurisdiction)
                .query((rs, n) -> new RoadMapEntry(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4), rs.getTimestamp(5).toInstant())).list();
    }

    List<SurveyEntry> surveys(String jurisdiction) {
        return sql.sql("""
                SELECT id, held_on, result_percent, respondents, entered_by, entered_at FROM satisfaction_survey
                WHERE jurisdiction = :j ORDER BY held_on DESC, entered_at DESC""").param("j", jurisdiction)
                .query((rs, n) -> new SurveyEntry(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
                        rs.getBigDecimal(3), rs.getInt(4), rs.getString(5), rs.getTimestamp(6).toInstant())).list();
    }

    List<TeamEntry> teams(String jurisdiction) {
        return sql.sql("""
                SELECT id, school, programme, completed_on, entered_by, entered_at FROM management_team_programme
                WHERE jurisdiction = :j ORDER BY completed_on DESC, school""").param("j", jurisdiction)
                .query((rs, n) -> new TeamEntry(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5), rs.getTimestamp(6).toInstant())).list();
    }

    List<SchoolEntry> schools(String jurisdiction) {
        return sql.sql("""
                SELECT school, since, document, entered_by, entered_at FROM school_mentoring_model WHERE jurisdiction = :j
                ORDER BY school""").param("j", jurisdiction)
                .query((rs, n) -> new SchoolEntry(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant())).list();
    }

    List<MethodistEntry> methodists(String jurisdiction) {
        return sql.sql("""
                SELECT teacher_id, since, document, entered_by, entered_at FROM regional_methodist WHERE jurisdiction = :j
                ORDER BY since DESC, teacher_id""").param("j", jurisdiction)
                .query((rs, n) -> new MethodistEntry(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
                        rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant())).list();
    }

    RoadMapEntry addRoadMap(String jurisdiction, String number, LocalDate date, @Nullable String user, Instant now) {
        UUID id = Ids.newId();
        sql.sql("""
                INSERT INTO indicator_road_map (id, jurisdiction, number, adopted_on, entered_by, entered_at)
                VALUES (:id, :j, :number, :date, :user, :now)""")
                .param("id", id).param("j", jurisdiction).param("number", number).param("date", date)
                .param("user", user).param("now", Timestamp.from(now)).update();
        return new RoadMapEntry(id, number, date, user, now);
    }

    SurveyEntry addSurvey(String jurisdiction, LocalDate date, BigDecimal result, int respondents, @Nullable String user, Instant now) {
        UUID id = Ids.newId();
        sql.sql("""
                INSERT INTO satisfaction_survey (id, jurisdiction, held_on, result_percent, respondents, entered_by, entered_at)
                VALUES (:id, :j, :date, :result, :respondents, :user, :now)""")
                .param("id", id).param("j", jurisdiction).param("date", date).param("result", result)
                .param("respondents", respondents).param("user", user).param("now", Timestamp.from(now)).update();
        return new SurveyEntry(id, date, result, respondents, user, now);
    }

    TeamEntry addTeam(String jurisdiction, String school, String programme, LocalDate date, @Nullable String user, Instant now) {
        UUID id = Ids.newId();
        sql.sql("""
                INSERT INTO management_team_programme (id, jurisdiction, school, programme, completed_on, entered_by, entered_at)
                VALUES (:id, :j, :school, :programme, :date, :user, :now)""")
                .param("id", id).param("j", jurisdiction).param("school", school).param("programme", programme)
                .param("date", date).param("user", user).param("now", Timestamp.from(now)).update();
        return new TeamEntry(id, school, programme, date, user, now);
    }

    SchoolEntry putSchool(String jurisdiction, String school, LocalDate since, @Nullable String document,
                          @Nullable String user, Instant now) {
        int updated = sql.sql("""
                UPDATE school_mentoring_model SET since = :since, document = :document, entered_by = :user, entered_at = :now
                WHERE jurisdiction = :j AND school = :school""")
                .param("j", jurisdiction).param("school", school).param("since", since).param("document", document)
                .param("user", user).param("now", Timestamp.from(now)).update();
        if (updated == 0) {
            sql.sql("""
                    INSERT INTO school_mentoring_model (jurisdiction, school, since, document, entered_by, entered_at)
                    VALUES (:j, :school, :since, :document, :user, :now)""")
                    .param("j", jurisdiction).param("school", school).param("since", since).param("document", document)
                    .param("user", user).param("now", Timestamp.from(now)).update();
        }
        return new SchoolEntry(school, since, document, user, now);
    }

    boolean deleteSchool(String jurisdiction, String school) {
        return sql.sql("DELETE FROM school_mentoring_model WHERE jurisdiction = :j AND school = :school")
                .param("j", jurisdiction).param("school", school).update() > 0;
    }

    MethodistEntry putMethodist(String jurisdiction, UUID teacher, LocalDate since, @Nullable String document,
                                @Nullable String user, Instant now) {
        int updated = sql.sql("""
                UPDATE regional_methodist SET since = :since, document = :document, entered_by = :user, entered_at = :now
                WHERE teacher_id = :t""")
                .param("t", teacher).param("since", since).param("document", document)
                .param("user", user).param("now", Timestamp.from(now)).update();
        if (updated == 0) {
            sql.sql("""
                    INSERT INTO regional_methodist (teacher_id, jurisdiction, since, document, entered_by, entered_at)
                    VALUES (:t, :j, :since, :document, :user, :now)""")
                    .param("t", teacher).param("j", jurisdiction).param("since", since).param("document", document)
                    .param("user", user).param("now", Timestamp.from(now)).update();
        }
        return new MethodistEntry(teacher, since, document, user, now);
    }

    boolean deleteMethodist(UUID teacher) {
        return sql.sql("DELETE FROM regional_methodist WHERE teacher_id = :t").param("t", teacher).update() > 0;
    }

    // ---- snapshots --------------------------------------------------------------------------------------------------

    record SnapshotRow(UUID id, String jurisdiction, LocalDate from, LocalDate to, String ruleSetVersion, String figures,
                       @Nullable String note, @Nullable String createdBy, Instant createdAt) {
    }

    void addSnapshot(SnapshotRow row) {
        sql.sql("""
                INSERT INTO indicator_snapshot (id, jurisdiction, period_from, period_to, rule_set_version, figures, note,
                                                created_by, created_at)
                VALUES (:id, :j, :from, :to, :version, :figures, :note, :user, :at)""")
                .param("id", row.id()).param("j", row.jurisdiction()).param("from", row.from()).param("to", row.to())
                .param("version", row.ruleSetVersion()).param("figures", row.figures()).param("note", row.note())
                .param("user", row.createdBy()).param("at", Timestamp.from(row.createdAt())).update();
    }

    List<SnapshotRow> snapshots(String jurisdiction) {
        return sql.sql("SELECT * FROM indicator_snapshot WHERE jurisdiction = :j ORDER BY created_at DESC, id")
                .param("j", jurisdiction).query(this::snapshotRow).list();
    }

    java.util.Optional<SnapshotRow> snapshot(UUID id) {
        return sql.sql("SELECT * FROM indicator_snapshot WHERE id = :id").param("id", id).query(this::snapshotRow).optional();
    }

    private SnapshotRow snapshotRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new SnapshotRow(rs.getObject("id", UUID.class), rs.getString("jurisdiction"),
                rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
                rs.getString("rule_set_version"), rs.getString("figures"), rs.getString("note"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }
}
