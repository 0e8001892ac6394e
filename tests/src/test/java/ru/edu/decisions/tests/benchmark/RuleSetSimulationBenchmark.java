package ru.edu.decisions.tests.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import ru.edu.decisions.tests.support.Api;
import ru.edu.decisions.tests.support.EndToEndTest;
import ru.edu.decisions.tests.support.Profile;
import tools.jackson.databind.JsonNode;

/**
 * Benchmark (not part of the suite — its name is no test's; run it with {@code -Dtest=RuleSetSimulationBenchmark}, on a database of its own: it stores 50,000 candidates): the
 * simulation of a draft over every stored candidate of a jurisdiction, both sides re-decided, reasons for each change.
 */
class RuleSetSimulationBenchmark extends EndToEndTest {

    private static final int CANDIDATES = Integer.getInteger("benchmark.candidates", 50_000);

    @Test
    void simulationOfFiftyThousandStoredCandidates() throws Exception {
        String[] profiles = new String[32];
        for (int i = 0; i < profiles.length; i++) {
            Profile profile = Profile.qualifiedTeacher("Кандидат " + i).employment("specialtyExperienceYears", i % 16);
            if (i % 2 == 0) {
                profile.membership("GIA_COMMISSION", "MEMBER", "MUNICIPAL", "ОГЭ");
            }
            profiles[i] = Api.JSON.writeValueAsString(profile.build());
        }
        try (Connection connection = DriverManager.getConnection(DB_URL, DB_USER, DB_PASSWORD)) {
            connection.setAutoCommit(false);
            try (PreparedStatement teacher = connection.prepareStatement(
                    "INSERT INTO teacher (id, version, jurisdiction, profile, created_at, updated_at) VALUES (?, 0, 'ust-ishim', ?, ?, ?)");
                 PreparedStatement candidate = connection.prepareStatement(
                         "INSERT INTO candidate (id, version, teacher_id, jurisdiction, submitted_at, profile) VALUES (?, 0, ?, 'ust-ishim', ?, ?)")) {
                Timestamp now = Timestamp.from(Instant.now());
                for (int i = 0; i < CANDIDATES; i++) {
                    UUID teacherId = UUID.randomUUID();
                    teacher.setObject(1, teacherId);
                    teacher.setString(2, profiles[i % profiles.length]);
                    teacher.setTimestamp(3, now);
                    teacher.setTimestamp(4, now);
                    teacher.addBatch();
                    candidate.setObject(1, UUID.randomUUID());
                    candidate.setObject(2, teacherId);
                    candidate.setTimestamp(3, now);
                    candidate.setString(4, profiles[i % profiles.length]);
                    candidate.addBatch();
                    if (i % 5000 == 4999) {
                        teacher.executeBatch();
                        candidate.executeBatch();
                    }
                }
                teacher.executeBatch();
                candidate.executeBatch();
            }
            connection.commit();
        }
        Api editor = user("benchmark-editor", List.of("POLICY_EDITOR"), List.of("ust-ishim"));
        String manifest = editor.get("/api/v1/rulesets/ust-ishim/files").json().get("files").get("manifest.yaml").asString();
        Api.Response draft = editor.post("/api/v1/rulesets/ust-ishim/drafts", Map.of("files",
                Map.of("manifest.yaml", manifest.replaceFirst("minSpecialtyYears:\n    value: 5", "minSpecialtyYears:\n    value: 7"))));
        String id = draft.json().get("id").asString();
        for (int run = 1; run <= 3; run++) {
            long started = System.nanoTime();
            JsonNode simulation = editor.post("/api/v1/rulesets/ust-ishim/drafts/" + id + "/simulation?size=100").json();
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("SIMULATION-BENCHMARK run %d: %d candidates, %d changed %s, %.2f s round trip (%d ms in the service)%n",
                    run, simulation.get("candidates").asInt(), simulation.get("changed").asInt(), simulation.get("directions"),
                    seconds, simulation.get("millis").asLong());
            assertThat(simulation.get("candidates").asInt()).isGreaterThanOrEqualTo(CANDIDATES);
        }
    }
}
