package ru.edu.decisions.tests.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import ru.edu.decisions.tests.support.Api;
import ru.edu.decisions.tests.support.EndToEndTest;

/**
 * Not a test of the suite (its name does not end in {@code Test}): run it on purpose with
 * {@code E2E_DB_NAME=… ./mvnw -pl model,rules,service,tests -Dtest=IndicatorsBenchmark verify}. Stores a jurisdiction's
 * school year straight into the database, as the service stores it — 50,000 teachers of Kuznetsk in 500 schools, a
 * route for 60 % of them (diagnostics dated within the school year; ACTIVE, COMPLETED, EMPTY, SUPERSEDED) with 4 items
 * each (a Federal-registry course among them, a part done with evidence), 500 mentors (asset members) and 10,000
 * confirmed mentoring pairs, 300 regional methodists, a road map and a survey — then measures
 * {@code GET /api/v1/indicators} for the school year as a signed-in methodist asks for it (a round trip on localhost:
 * gathering every fact from PostgreSQL, the rules, the answer), and the trend by month once. The rows it stored are
 * removed at the end. Figures go to {@code target/benchmarks/indicators.txt}.
 */
class IndicatorsBenchmark extends EndToEndTest {

    private static final int TEACHERS = 50_000;
    private static final int SCHOOLS = 500;
    private static final int MENTORS = 500;
    private static final int PAIRS = 10_000;
    private static final int METHODISTS = 300;
    private static final int WARM_UP = 3;
    private static final int RUNS = 10;
    private static final String MARK = "benchmark-indicators";
    private static final String PERIOD = "jurisdiction=kuznetsk&from=2026-09-01&to=2027-05-31";

    @Test
    void indicatorsOfAJurisdictionWith50000Teachers() throws Exception {
        Api methodist = user("benchmark-indicators", List.of("IMC_STAFF"), List.of("kuznetsk"));
        try {
            long started = System.nanoTime();
            int[] stored = store();
            long storing = (System.nanoTime() - started) / 1_000_000;
            for (int i = 0; i < WARM_UP; i++) {
                assertThat(methodist.get("/api/v1/indicators?" + PERIOD).status()).isEqualTo(200);
            }
            long[] times = new long[RUNS];
            Api.Response last = null;
            for (int i = 0; i < RUNS; i++) {
                long t = System.nanoTime();
                last = methodist.get("/api/v1/indicators?" + PERIOD);
                times[i] = (System.nanoTime() - t) / 1_000_000;
                assertThat(last.status()).isEqualTo(200);
            }
            Arrays.sort(times);
            long t = System.nanoTime();
            Api.Response trend = methodist.get("/api/v1/indicators/trend?" + PERIOD);
            long trendMs = (System.nanoTime() - t) / 1_000_000;
            assertThat(trend.status()).isEqualTo(200);
            t = System.nanoTime();
            Api.Response schools = methodist.get("/api/v1/indicators/schools?" + PERIOD);
            long schoolsMs = (System.nanoTime() - t) / 1_000_000;
            assertThat(schools.status()).isEqualTo(200);

            List<String> lines = new ArrayList<>();
            lines.add("Indicators of kuznetsk for 2026-09-01..2027-05-31 with " + stored[0] + " teachers in " + SCHOOLS + " schools, "
                    + stored[1] + " routes, " + stored[2] + " route items, " + stored[3] + " confirmed mentoring pairs, "
                    + METHODISTS + " regional methodists (" + storing + " ms to store them)");
            lines.add("GET /api/v1/indicators, round trip on localhost, " + RUNS + " runs after " + WARM_UP + " warm-up runs, ms: min "
                    + times[0] + ", median " + times[RUNS / 2] + ", max " + times[RUNS - 1]);
            lines.add("GET /api/v1/indicators/trend (9 months), once: " + trendMs + " ms");
            lines.add("GET /api/v1/indicators/schools, once: " + schoolsMs + " ms");
            last.json().get("indicators").forEach(i -> lines.add("  " + i.get("code").asString() + " " + i.get("numerator")
                    + " / " + i.get("denominator") + " = " + i.get("value")));
            Path out = Path.of("target", "benchmarks", "indicators.txt");
            Files.createDirectories(out.getParent());
            Files.write(out, lines, StandardCharsets.UTF_8);
            lines.forEach(System.out::println);
            // The jurisdiction holds at least the stored population (other rows of Kuznetsk may exist).
            assertThat(last.json().get("indicators").get(1).get("denominator").asInt()).isGreaterThanOrEqualTo(stored[0] * 9 / 10);
        } finally {
            clean();
        }
    }

    /** Stores the population; returns teachers, routes, items, pairs. */
    private int[] store() throws Exception {
        Random random = new Random(20261128);
        Instant now = Instant.parse("2026-11-28T10:00:00Z");
        UUID[] teachers = new UUID[TEACHERS];
        int routes = 0;
        int items = 0;
        try (Connection c = DriverManager.getConnection(DB_URL, DB_USER, DB_PASSWORD)) {
            c.setAutoCommit(false);
            try (PreparedStatement teacher = c.prepareStatement("""
                    INSERT INTO teacher (id, version, jurisdiction, external_id, profile, school, created_at, updated_at,
                                         search_name, search_school) VALUES (?, 0, 'kuznetsk', ?, ?, ?, ?, ?, ?, ?)""")) {
                for (int i = 0; i < TEACHERS; i++) {
                    teachers[i] = UUID.randomUUID();
                    String school = "Школа № " + (i % SCHOOLS + 1) + " (нагрузочная)";
                    String position = i % 25 == 0 ? "HEAD" : i % 25 == 1 ? "DEPUTY_HEAD" : "TEACHER";
                    LocalDate birth = LocalDate.of(1960 + random.nextInt(43), 1 + random.nextInt(12), 1 + random.nextInt(28));
                    int years = Math.max(0, Math.min(40, 2026 - birth.getYear() - 22 - random.nextInt(3)));
                    String profile = "{\"fullName\":\"Нагрузочный педагог " + i + "\",\"birthDate\":\"" + birth
                            + "\",\"employment\":{\"organization\":\"" + school + "\",\"position\":\"" + position
                            + "\",\"pedagogicalExperienceYears\":" + years + "}}";
                    teacher.setObject(1, teachers[i]);
                    teacher.setString(2, MARK + "-" + i);
                    teacher.setString(3, profile);
                    teacher.setString(4, "{\"name\":\"" + school + "\"}");
                    teacher.setTimestamp(5, Timestamp.from(now));
                    teacher.setTimestamp(6, Timestamp.from(now));
                    teacher.setString(7, "нагрузочный педагог " + i);
                    teacher.setString(8, school.toLowerCase());
                    teacher.addBatch();
                    if (i % 5000 == 4999) {
                        teacher.executeBatch();
                    }
                }
                teacher.executeBatch();
            }
            try (PreparedStatement route = c.prepareStatement("""
                    INSERT INTO educational_route (id, version, teacher_id, jurisdiction, decision_id, rule_set_version, as_of,
                        diagnostics_date, deficits, total_hours, status, created_at, created_by, completed_at)
                    VALUES (?, 0, ?, 'kuznetsk', ?, 'benchmark', ?, ?, '[]', 120, ?, ?, ?, ?)""");
                 PreparedStatement item = c.prepareStatement("""
                    INSERT INTO route_item (educational_route, educational_route_key, activity_id, type, title, areas, hours,
                        format, federal_registry, start_date, end_date, required_evidence, reason, code, deferred, status,
                        evidence, updated_at)
                    VALUES (?, ?, ?, ?, 'Мероприятие', 'METHODICAL', 30, 'DISTANCE', ?, ?, ?, 'подтверждение', 'нагрузка',
                        'BENCH', false, ?, ?, ?)""")) {
                String[] types = {"COURSE", "SEMINAR", "MENTORING", "SELF_EDUCATION"};
                for (int i = 0; i < TEACHERS; i++) {
                    if (random.nextInt(100) >= 60) {
                        continue;
                    }
                    UUID id = UUID.randomUUID();
                    LocalDate diagnosed = LocalDate.of(2026, 9, 1).plusDays(random.nextInt(180));
                    int kind = random.nextInt(100);
                    String status = kind < 60 ? "ACTIVE" : kind < 85 ? "COMPLETED" : kind < 95 ? "EMPTY" : "SUPERSEDED";
                    Instant created = diagnosed.atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
                    route.setObject(1, id);
                    route.setObject(2, teachers[i]);
                    route.setObject(3, UUID.randomUUID());
                    route.setDate(4, Date.valueOf(diagnosed));
                    route.setDate(5, Date.valueOf(diagnosed));
                    route.setString(6, status);
                    route.setTimestamp(7, Timestamp.from(created));
                    route.setString(8, MARK);
                    route.setTimestamp(9, status.equals("COMPLETED") ? Timestamp.from(created.plusSeconds(86_400L * 60)) : null);
                    route.addBatch();
                    routes++;
                    if (!status.equals("EMPTY")) {
                        for (int k = 0; k < 4; k++) {
                            boolean done = status.equals("COMPLETED") || random.nextInt(100) < 30;
                            item.setObject(1, id);
                            item.setInt(2, k);
                            item.setString(3, "BENCH-" + k);
                            item.setString(4, types[k]);
                            item.setBoolean(5, k == 0);
                            item.setDate(6, Date.valueOf(diagnosed.plusDays(7)));
                            item.setDate(7, Date.valueOf(diagnosed.plusDays(60)));
                            item.setString(8, done ? "DONE" : "PLANNED");
                            item.setString(9, done ? "подтверждение" : null);
                            item.setTimestamp(10, Timestamp.from(created.plusSeconds(86_400L * 30)));
                            item.addBatch();
                            items++;
                        }
                    }
                    if (routes % 2000 == 0) {
                        route.executeBatch();
                        item.executeBatch();
                    }
                }
                route.executeBatch();
                item.executeBatch();
            }
            // Mentors: asset members (a candidate each), one run, confirmed pairs with other teachers as mentees.
            UUID run = UUID.randomUUID();
            try (PreparedStatement candidate = c.prepareStatement("""
                    INSERT INTO candidate (id, version, teacher_id, jurisdiction, submitted_at, submitted_by, profile)
                    VALUES (?, 0, ?, 'kuznetsk', ?, ?, '{}')""");
                 PreparedStatement member = c.prepareStatement("""
                    INSERT INTO registry_member (id, version, jurisdiction, teacher_id, candidate_id, basis_decision_id,
                        active_teacher_id, included_at, included_by) VALUES (?, 0, 'kuznetsk', ?, ?, ?, ?, ?, ?)""");
                 PreparedStatement runs = c.prepareStatement("""
                    INSERT INTO mentoring_run (id, version, jurisdiction, decision_id, rule_set_version, as_of, mentors, mentees,
                        kept_pairs, unassigned, created_at, created_by) VALUES (?, 0, 'kuznetsk', ?, 'benchmark', ?, ?, ?, 0, '[]', ?, ?)""");
                 PreparedStatement pair = c.prepareStatement("""
                    INSERT INTO mentoring_pair (id, version, run_id, jurisdiction, mentee_teacher_id, mentor_member_id, score,
                        reasons, status, active_mentee_id, confirmed_at, confirmed_by)
                    VALUES (?, 0, ?, 'kuznetsk', ?, ?, 10, '[]', 'CONFIRMED', ?, ?, ?)""")) {
                UUID[] members = new UUID[MENTORS];
                for (int m = 0; m < MENTORS; m++) {
                    UUID candidateId = UUID.randomUUID();
                    members[m] = UUID.randomUUID();
                    UUID mentor = teachers[TEACHERS - 1 - m];
                    candidate.setObject(1, candidateId);
                    candidate.setObject(2, mentor);
                    candidate.setTimestamp(3, Timestamp.from(now));
                    candidate.setString(4, MARK);
                    candidate.addBatch();
                    member.setObject(1, members[m]);
                    member.setObject(2, mentor);
                    member.setObject(3, candidateId);
                    member.setObject(4, UUID.randomUUID());
                    member.setObject(5, mentor);
                    member.setTimestamp(6, Timestamp.from(now));
                    member.setString(7, MARK);
                    member.addBatch();
                }
                candidate.executeBatch();
                member.executeBatch();
                runs.setObject(1, run);
                runs.setObject(2, UUID.randomUUID());
                runs.setDate(3, Date.valueOf(LocalDate.of(2026, 9, 20)));
                runs.setInt(4, MENTORS);
                runs.setInt(5, PAIRS);
                runs.setTimestamp(6, Timestamp.from(now));
                runs.setString(7, MARK);
                runs.executeUpdate();
                for (int p = 0; p < PAIRS; p++) {
                    UUID mentee = teachers[p * 4];
                    pair.setObject(1, UUID.randomUUID());
                    pair.setObject(2, run);
                    pair.setObject(3, mentee);
                    pair.setObject(4, members[p % MENTORS]);
                    pair.setObject(5, mentee);
                    pair.setTimestamp(6, Timestamp.from(LocalDate.of(2026, 9, 20).plusDays(p % 60).atStartOfDay()
                            .toInstant(java.time.ZoneOffset.UTC)));
                    pair.setString(7, MARK);
                    pair.addBatch();
                    if (p % 2000 == 1999) {
                        pair.executeBatch();
                    }
                }
                pair.executeBatch();
            }
            try (PreparedStatement status = c.prepareStatement("""
                    INSERT INTO regional_methodist (teacher_id, jurisdiction, since, entered_by, entered_at)
                    VALUES (?, 'kuznetsk', ?, ?, ?)""")) {
                for (int m = 0; m < METHODISTS; m++) {
                    status.setObject(1, teachers[m * 7 + 3]);
                    status.setDate(2, Date.valueOf(LocalDate.of(2025, 5, 1)));
                    status.setString(3, MARK);
                    status.setTimestamp(4, Timestamp.from(now));
                    status.addBatch();
                }
                status.executeBatch();
            }
            c.commit();
        }
        methodistEntries();
        return new int[] {TEACHERS, routes, items, PAIRS};
    }

    private void methodistEntries() {
        Api methodist = user("benchmark-indicators", List.of("IMC_STAFF"), List.of("kuznetsk"));
        assertThat(methodist.post("/api/v1/indicators/entries/road-maps", Map.of("jurisdiction", "kuznetsk",
                "number", "нагрузка", "date", "2026-08-30")).status()).isEqualTo(201);
        assertThat(methodist.post("/api/v1/indicators/entries/surveys", Map.of("jurisdiction", "kuznetsk",
                "date", "2027-05-20", "resultPercent", 81.5, "respondents", 4000)).status()).isEqualTo(201);
    }

    private static void clean() {
        sql("DELETE FROM regional_methodist WHERE entered_by = ?", MARK);
        sql("DELETE FROM mentoring_pair WHERE confirmed_by = ?", MARK);
        sql("DELETE FROM mentoring_run WHERE created_by = ?", MARK);
        sql("DELETE FROM registry_member WHERE included_by = ?", MARK);
        sql("DELETE FROM candidate WHERE submitted_by = ?", MARK);
        sql("DELETE FROM route_item WHERE educational_route IN (SELECT id FROM educational_route WHERE created_by = ?)", MARK);
        sql("DELETE FROM educational_route WHERE created_by = ?", MARK);
        sql("DELETE FROM personal_data_access WHERE record_id IN (SELECT id FROM teacher WHERE external_id LIKE ?)", MARK + "%");
        sql("DELETE FROM teacher WHERE external_id LIKE ?", MARK + "%");
        sql("DELETE FROM indicator_road_map WHERE number = ?", "нагрузка");
        sql("DELETE FROM satisfaction_survey WHERE respondents = ? AND held_on = ?", 4000, LocalDate.of(2027, 5, 20));
    }
}
