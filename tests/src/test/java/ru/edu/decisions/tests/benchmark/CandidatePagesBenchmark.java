package ru.edu.decisions.tests.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import ru.edu.decisions.tests.support.Api;
import ru.edu.decisions.tests.support.EndToEndTest;
import ru.edu.decisions.tests.support.Profile;

/**
 * Not a test of the suite (its name does not end in {@code Test}): run it on purpose with
 * {@code E2E_DB_NAME=… ./mvnw -pl model,rules,service,tests -Dtest=CandidatePagesBenchmark verify}. Stores 10,000
 * candidates of Ust-Ishim (straight into the database, as the service stores them), then measures the candidate pages
 * as a signed-in methodist opens them: a filtered, paged list ({@code GET /candidates?q=…&page=…}) and a candidate's
 * page ({@code GET /candidates/{id}}), each round trip on localhost (so server time plus a loopback hop). The rows it
 * stored are removed at the end. Figures go to {@code target/benchmarks/candidate-pages.txt}.
 */
class CandidatePagesBenchmark extends EndToEndTest {

    private static final int CANDIDATES = 10_000;
    private static final int WARM_UP = 30;
    private static final int RUNS = 100;
    private static final String MARK = "benchmark-candidate-pages";
    private static final String[] SURNAMES = {"Иванова", "Петрова", "Сидорова", "Кузнецова", "Смирнова", "Попова",
            "Васильева", "Соколова", "Михайлова", "Новикова", "Фёдорова", "Морозова", "Волкова", "Алексеева", "Лебедева",
            "Семёнова", "Егорова", "Павлова", "Козлова", "Степанова"};
    private static final String[] NAMES = {"Анна", "Мария", "Елена", "Ольга", "Наталья", "Ирина", "Татьяна", "Светлана"};

    @Test
    void candidatePages() throws Exception {
        Api methodist = user("benchmark-methodist", List.of("IMC_STAFF"), List.of("ust-ishim"));
        Api.Response real = methodist.post("/api/v1/candidates", Map.of("jurisdiction", "ust-ishim", "asOf", "2026-11-23",
                "candidate", Profile.qualifiedTeacher("Эталонова Мария").achievement("WINNER", "MUNICIPAL")
                        .membership("GIA_COMMISSION", "MEMBER", "MUNICIPAL", "ОГЭ, математика").build()));
        assertThat(real.status()).isEqualTo(201);
        String realId = real.json().get("id").asString();
        try {
            long stored = store();
            for (int i = 0; i < 200; i++) {
                // the whole application warm (JIT, caches), not only the first page measured
                methodist.get(i % 2 == 0 ? "/candidates?page=" + (i % 50) : "/candidates/" + realId);
            }
            List<String> lines = new ArrayList<>();
            lines.add("Candidate pages with " + CANDIDATES + " candidates of ust-ishim stored (" + stored + " ms to store them); "
                    + RUNS + " runs after " + WARM_UP + " warm-up runs, round trip on localhost, ms:");
            lines.add(measure("GET /candidates (no filter, page 1)", methodist, () -> "/candidates"));
            lines.add(measure("GET /candidates?q=иванова&page=2", methodist, () -> "/candidates?q=%D0%B8%D0%B2%D0%B0%D0%BD%D0%BE%D0%B2%D0%B0&page=2"));
            lines.add(measure("GET /candidates?q=…&school=…&verdict=ELIGIBLE", methodist,
                    () -> "/candidates?q=%D0%BE%D0%BB%D1%8C%D0%B3%D0%B0&school=%D1%81%D0%BE%D1%88%20%E2%84%96%2012&verdict=ELIGIBLE"));
            lines.add(measure("GET /candidates?page=400 (deep page)", methodist, () -> "/candidates?page=400"));
            lines.add(measure("GET /candidates/{id}", methodist, () -> "/candidates/" + realId));
            Path out = Path.of("target", "benchmarks", "candidate-pages.txt");
            Files.createDirectories(out.getParent());
            Files.write(out, lines);
            lines.forEach(System.out::println);
        } finally {
            sql("DELETE FROM candidate WHERE submitted_by = ?", MARK);
            sql("DELETE FROM teacher WHERE external_id LIKE ?", MARK + "%");
        }
    }

    private static String measure(String name, Api client, Supplier<String> path) {
        for (int i = 0; i < WARM_UP; i++) {
            assertThat(client.get(path.get()).status()).as(name).isEqualTo(200);
        }
        long[] millis = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long started = System.nanoTime();
            Api.Response response = client.get(path.get());
            millis[i] = (System.nanoTime() - started) / 1_000;
            assertThat(response.status()).as(name).isEqualTo(200);
        }
        Arrays.sort(millis);
        return String.format(Locale.ROOT, "  %-50s median %6.1f  p95 %6.1f  max %6.1f", name, millis[RUNS / 2] / 1000.0,
                millis[RUNS * 95 / 100] / 1000.0, millis[RUNS - 1] / 1000.0);
    }

    /** 10,000 teachers and their candidates, with the search columns the service fills. */
    private static long store() throws Exception {
        long started = System.nanoTime();
        String[] verdicts = {"ELIGIBLE", "NOT_ELIGIBLE", "INSUFFICIENT_DATA"};
        try (Connection connection = DriverManager.getConnection(DB_URL, DB_USER, DB_PASSWORD);
             PreparedStatement teacher = connection.prepareStatement("""
                     INSERT INTO teacher (id, version, jurisdiction, external_id, profile, created_at, updated_at)
                     VALUES (?, 0, 'ust-ishim', ?, ?, ?, ?)""");
             PreparedStatement candidate = connection.prepareStatement("""
                     INSERT INTO candidate (id, version, teacher_id, jurisdiction, nominated_by, nomination_basis,
                         latest_decision_id, latest_verdict, latest_rule_set_version, latest_evaluated_at, submitted_at,
                         submitted_by, profile, full_name_search, organization, organization_search)
                     VALUES (?, 0, ?, 'ust-ishim', ?, 'п. 3.2', ?, ?, '2023.1+benchmark', ?, ?, ?, ?, ?, ?, ?)""")) {
            connection.setAutoCommit(false);
            Instant now = Instant.now();
            for (int i = 0; i < CANDIDATES; i++) {
                String fullName = SURNAMES[i % SURNAMES.length] + " " + NAMES[(i / SURNAMES.length) % NAMES.length] + " № " + i;
                String school = "МБОУ «СОШ № " + (i % 60 + 1) + "»";
                String profile = "{\"id\":\"" + MARK + "-" + i + "\",\"fullName\":\"" + fullName + "\",\"birthDate\":\"1980-01-01\","
                        + "\"education\":[{\"level\":\"HIGHER\",\"pedagogical\":true,\"year\":2005}],"
                        + "\"employment\":{\"organization\":\"" + school.replace("\"", "\\\"") + "\",\"organizationKind\":\"SCHOOL\","
                        + "\"position\":\"TEACHER\",\"specialtyExperienceYears\":" + (i % 20) + "},"
                        + "\"contacts\":{\"phone\":\"+7 900 000-00-00\"},\"nomination\":{\"nominatedBy\":\"" + school.replace("\"", "\\\"") + "\"}}";
                UUID teacherId = UUID.randomUUID();
                Timestamp at = Timestamp.from(now.minusSeconds(i));
                teacher.setObject(1, teacherId);
                teacher.setString(2, MARK + "-" + i);
                teacher.setString(3, profile);
                teacher.setTimestamp(4, at);
                teacher.setTimestamp(5, at);
                teacher.addBatch();
                candidate.setObject(1, UUID.randomUUID());
                candidate.setObject(2, teacherId);
                candidate.setString(3, school);
                candidate.setObject(4, UUID.randomUUID());
                candidate.setString(5, verdicts[i % 3]);
                candidate.setTimestamp(6, at);
                candidate.setTimestamp(7, at);
                candidate.setString(8, MARK);
                candidate.setString(9, profile);
                candidate.setString(10, fullName.toLowerCase(Locale.ROOT).replace('ё', 'е'));
                candidate.setString(11, school);
                candidate.setString(12, school.toLowerCase(Locale.ROOT).replace('ё', 'е'));
                candidate.addBatch();
                if (i % 1000 == 999) {
                    teacher.executeBatch();
                    candidate.executeBatch();
                }
            }
            teacher.executeBatch();
            candidate.executeBatch();
            connection.commit();
            try (var analyze = connection.createStatement()) {
                analyze.execute("ANALYZE candidate");
            }
        }
        return (System.nanoTime() - started) / 1_000_000;
    }
}
