package ru.edu.decisions.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import ru.edu.decisions.tests.support.Api;
import ru.edu.decisions.tests.support.EndToEndTest;
import ru.edu.decisions.tests.support.Profile;
import tools.jackson.databind.JsonNode;

/**
 * Every endpoint × every kind of caller → the status the security policy demands. Callers: anonymous, a system with
 * an API key (Ust-Ishim), IMC staff of Ust-Ishim, a policy editor and a policy approver of Ust-Ishim, the
 * administrator (all jurisdictions), a user of another jurisdiction (Turochak) who holds every role but ADMIN — for
 * whom a read of Ust-Ishim data is a 404 (no existence leak) and a write a 403 — and an account stored with ADMIN for
 * Ust-Ishim only (the API refuses to create one now; ADMIN counts only with every jurisdiction, so it may do
 * nothing). A second test checks that every operation of the OpenAPI document is in this matrix, so a new endpoint
 * cannot be born outside it.
 */
class RoleMatrixTest extends EndToEndTest {

    enum Caller { ANONYMOUS, INTEGRATION_KEY, IMC_STAFF, POLICY_EDITOR, POLICY_APPROVER, ADMIN, OTHER_JURISDICTION,
        ADMIN_OF_ONE_JURISDICTION }

    /**
     * A request: method, path and body, built when the case runs (so each case can have fresh records); {@code as}, when
     * set, is the client to send it with instead of the caller's (a fresh session of the same user, for a logout).
     */
    record Request(String method, String path, Object body, Api as) {
        Request(String method, String path, Object body) {
            this(method, path, body, null);
        }
    }

    /** An endpoint (as the OpenAPI document names it), how to call it, and the expected status per caller. */
    record Endpoint(String method, String template, Function<Caller, Request> request, Map<Caller, Integer> expected) {
    }

    private Map<Caller, Api> callers;
    private final Map<Caller, String> usernames = new LinkedHashMap<>();
    private String keySecret;

    private static Map<Caller, Integer> expect(int anonymous, int key, int imc, int editor, int approver, int admin, int other,
                                               int adminOfOne) {
        Map<Caller, Integer> expected = new LinkedHashMap<>();
        expected.put(Caller.ANONYMOUS, anonymous);
        expected.put(Caller.INTEGRATION_KEY, key);
        expected.put(Caller.IMC_STAFF, imc);
        expected.put(Caller.POLICY_EDITOR, editor);
        expected.put(Caller.POLICY_APPROVER, approver);
        expected.put(Caller.ADMIN, admin);
        expected.put(Caller.OTHER_JURISDICTION, other);
        expected.put(Caller.ADMIN_OF_ONE_JURISDICTION, adminOfOne);
        return expected;
    }

    private void signInCallers() {
        Api.Response key = admin.post("/api/v1/admin/api-keys", Map.of("name", "matrix-" + UUID.randomUUID(),
                "scopes", List.of("ELIGIBILITY", "ROUTES", "MENTORING"), "jurisdictions", List.of("ust-ishim")));
        assertThat(key.status()).isEqualTo(201);
        callers = new LinkedHashMap<>();
        keySecret = key.json().get("secret").asString();
        callers.put(Caller.ANONYMOUS, new Api(baseUrl()));
        callers.put(Caller.INTEGRATION_KEY, Api.withKey(baseUrl(), keySecret));
        callers.put(Caller.IMC_STAFF, user(Caller.IMC_STAFF, "matrix-imc", List.of("IMC_STAFF"), List.of("ust-ishim")));
        callers.put(Caller.POLICY_EDITOR, user(Caller.POLICY_EDITOR, "matrix-editor", List.of("POLICY_EDITOR"), List.of("ust-ishim")));
        callers.put(Caller.POLICY_APPROVER, user(Caller.POLICY_APPROVER, "matrix-approver", List.of("POLICY_APPROVER"), List.of("ust-ishim")));
        callers.put(Caller.ADMIN, admin);
        usernames.put(Caller.ADMIN, "admin");
        callers.put(Caller.OTHER_JURISDICTION, user(Caller.OTHER_JURISDICTION, "matrix-turochak",
                List.of("IMC_STAFF", "POLICY_EDITOR", "POLICY_APPROVER"), List.of("turochak")));
        // Stored as ADMIN of Ust-Ishim directly in the database: the API refuses ADMIN without every jurisdiction.
        callers.put(Caller.ADMIN_OF_ONE_JURISDICTION, user(Caller.ADMIN_OF_ONE_JURISDICTION, "matrix-admin-ust-ishim",
                List.of("IMC_STAFF"), List.of("ust-ishim")));
        sql("UPDATE app_user SET roles = 'ADMIN' WHERE username = ?", "matrix-admin-ust-ishim");
    }

    private Api user(Caller caller, String username, List<String> roles, List<String> jurisdictions) {
        usernames.put(caller, username);
        return user(username, roles, jurisdictions);
    }

    /** A client of the same kind as the caller's but of its own (a fresh session), for a logout that ends it. */
    private Api freshClient(Caller caller) {
        return switch (caller) {
            case ANONYMOUS -> new Api(baseUrl());
            case INTEGRATION_KEY -> Api.withKey(baseUrl(), keySecret);
            case ADMIN -> Api.signIn(baseUrl(), "admin", ADMIN_PASSWORD);
            default -> Api.signIn(baseUrl(), usernames.get(caller), PASSWORD);
        };
    }

    /** A decision of the IMC workflow about a new Ust-Ishim candidate (its reasons quote the candidate's data). */
    private String workflowDecision() {
        Api.Response created = callers.get(Caller.IMC_STAFF).post("/api/v1/candidates",
                Map.of("jurisdiction", "ust-ishim", "candidate", eligibleCandidate()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("latestDecision").get("decisionId").asString();
    }

    // ---- fixtures: records of Ust-Ishim made by its own staff -----------------------------------------------------

    private Map<String, Object> eligibleCandidate() {
        return Profile.qualifiedTeacher("Матрицева Анна " + UUID.randomUUID()).achievement("WINNER", "MUNICIPAL").build();
    }

    private String candidate() {
        Api.Response created = callers.get(Caller.IMC_STAFF).post("/api/v1/candidates",
                Map.of("jurisdiction", "ust-ishim", "candidate", eligibleCandidate()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private String member() {
        Api.Response included = callers.get(Caller.IMC_STAFF).post("/api/v1/registry/ust-ishim/members",
                Map.of("candidateId", candidate()));
        assertThat(included.status()).as(included.toString()).isEqualTo(201);
        return included.json().get("id").asString();
    }

    private String decision() {
        return system.post("/api/v1/eligibility/decisions", Map.of("jurisdiction", "ust-ishim", "candidate", eligibleCandidate()))
                .json().get("decisionId").asString();
    }

    private String teacher() {
        Api.Response created = callers.get(Caller.IMC_STAFF).post("/api/v1/teachers", Map.of("jurisdiction", "ust-ishim",
                "teacher", eligibleCandidate(), "school", Map.of("name", "МБОУ «Аксёновская СОШ»")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static Map<String, Object> diagnostics() {
        return Map.of("asOf", "2026-11-23", "diagnostics", Map.of("date", "2026-10-01", "scores", Map.of("METHODICAL", 30, "DIGITAL", 60)));
    }

    /** A stored route of a new teacher: "teacherId/routes/routeId". */
    private String route() {
        String teacher = teacher();
        Api.Response created = callers.get(Caller.IMC_STAFF).post("/api/v1/teachers/" + teacher + "/diagnostics", diagnostics());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return teacher + "/routes/" + created.json().get("id").asString();
    }

    /** An asset member willing to mentor many. */
    private String mentor() {
        String member = member();
        Api.Response offered = callers.get(Caller.IMC_STAFF).put("/api/v1/mentoring/mentors/ust-ishim/" + member,
                Map.of("consent", true, "capacity", 100, "strengths", List.of("METHODICAL")));
        assertThat(offered.status()).as(offered.toString()).isEqualTo(200);
        return member;
    }

    /** A run with at least one proposed pair: its id and the id of a proposed pair. */
    private String[] runAndPair() {
        teacher();
        Api.Response run = callers.get(Caller.IMC_STAFF).post("/api/v1/mentoring/runs", Map.of("jurisdiction", "ust-ishim"));
        assertThat(run.status()).as(run.toString()).isEqualTo(201);
        assertThat(run.json().get("pairs").size()).as(run.toString()).isPositive();
        return new String[] {run.json().get("id").asString(), run.json().get("pairs").get(0).get("id").asString()};
    }

    private String draft() {
        Api editor = callers.get(Caller.POLICY_EDITOR);
        String manifest = editor.get("/api/v1/rulesets/ust-ishim/files").json().get("files").get("manifest.yaml").asString();
        Api.Response draft = editor.post("/api/v1/rulesets/ust-ishim/drafts",
                Map.of("files", Map.of("manifest.yaml", manifest), "comment", "проверка прав"));
        assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
        return draft.json().get("id").asString();
    }

    private void publishedVersion() {
        Api.Response published = callers.get(Caller.POLICY_APPROVER).post("/api/v1/rulesets/ust-ishim/drafts/" + draft() + "/publication");
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
    }

    private String newUser() {
        Api.Response created = admin.post("/api/v1/admin/users", Map.of("username", "matrix-" + UUID.randomUUID(),
                "password", PASSWORD, "roles", List.of("IMC_STAFF"), "jurisdictions", List.of("ust-ishim")));
        return created.json().get("id").asString();
    }

    private String newKey() {
        return admin.post("/api/v1/admin/api-keys", Map.of("name", "matrix-" + UUID.randomUUID(), "scopes", List.of("ELIGIBILITY"),
                "jurisdictions", List.of("ust-ishim"))).json().get("key").get("id").asString();
    }

    private List<Endpoint> endpoints() {
        Map<String, Object> decisionRequest = Map.of("jurisdiction", "ust-ishim", "asOf", "2026-11-23", "candidate", eligibleCandidate());
        String candidate = candidate();
        String member = member();
        String decision = decision();
        String workflowDecision = workflowDecision();
        String draft = draft();
        String teacher = teacher();
        String route = route();
        String mentor = mentor();
        String[] runAndPair = runAndPair();
        Map<String, Object> mentoringRequest = Map.of("jurisdiction", "ust-ishim", "asOf", "2026-11-23",
                "mentors", List.of(Map.of("id", "m1", "municipality", "Усть-Ишимский район", "subjects", List.of("математика"),
                        "capacity", 1, "consent", true)),
                "mentees", List.of(Map.of("id", "t1", "municipality", "Усть-Ишимский район", "subjects", List.of("математика"),
                        "schoolFlags", List.of("LOW_RESULTS"))));
        Map<String, Object> routeRequest = Map.of("jurisdiction", "ust-ishim", "asOf", "2026-11-23", "teacher", eligibleCandidate(),
                "school", Map.of("name", "МБОУ «Аксёновская СОШ»", "flags", List.of("LOW_RESULTS")),
                "diagnostics", Map.of("scores", Map.of("METHODICAL", 41, "FUNCTIONAL_LITERACY", 55)));
        List<Endpoint> all = new ArrayList<>();
        // Open to everyone.
        all.add(new Endpoint("GET", "/actuator/health", c -> new Request("GET", "/actuator/health", null), expect(200, 200, 200, 200, 200, 200, 200, 200)));
        all.add(new Endpoint("GET", "/v3/api-docs", c -> new Request("GET", "/v3/api-docs", null), expect(200, 200, 200, 200, 200, 200, 200, 200)));
        all.add(new Endpoint("GET", "/api/v1/session", c -> new Request("GET", "/api/v1/session", null), expect(200, 200, 200, 200, 200, 200, 200, 200)));
        // The login: open, but a browser needs the CSRF token of its session first (403 without); without credentials 400.
        all.add(new Endpoint("POST", "/api/v1/session/login", c -> new Request("POST", "/api/v1/session/login", null),
                expect(403, 400, 400, 400, 400, 400, 400, 400)));
        // The logout ends the session it is sent with: a fresh one of the same caller.
        all.add(new Endpoint("POST", "/api/v1/session/logout", c -> new Request("POST", "/api/v1/session/logout", null, freshClient(c)),
                expect(204, 204, 204, 204, 204, 204, 204, 204)));
        // A person's own password (a wrong current password here: 400 for anyone who may change theirs); never a key's.
        all.add(new Endpoint("POST", "/api/v1/session/password", c -> new Request("POST", "/api/v1/session/password",
                Map.of("currentPassword", "not-the-current-password", "newPassword", "some-new-password-1")),
                expect(401, 403, 400, 400, 400, 400, 400, 403)));
        // The contract's decisions.
        all.add(new Endpoint("POST", "/api/v1/eligibility/decisions", c -> new Request("POST", "/api/v1/eligibility/decisions", decisionRequest),
                expect(401, 200, 200, 200, 200, 403, 403, 403)));
        all.add(new Endpoint("POST", "/api/v1/eligibility/batch", c -> new Request("POST", "/api/v1/eligibility/batch",
                Map.of("jurisdiction", "ust-ishim", "candidates", List.of(eligibleCandidate()))), expect(401, 200, 200, 200, 200, 403, 403, 403)));
        all.add(new Endpoint("GET", "/api/v1/jurisdictions", c -> new Request("GET", "/api/v1/jurisdictions", null), expect(401, 200, 200, 200, 200, 200, 200, 403)));
        all.add(new Endpoint("GET", "/api/v1/decisions/{id}", c -> new Request("GET", "/api/v1/decisions/" + decision, null),
                expect(401, 200, 200, 200, 200, 200, 404, 403)));
        // A decision of the workflow: IMC staff of its jurisdiction (and the administrator) only; for others it does not exist.
        all.add(new Endpoint("GET", "/api/v1/decisions/{id}", c -> new Request("GET", "/api/v1/decisions/" + workflowDecision, null),
                expect(401, 404, 200, 404, 404, 200, 404, 403)));
        all.add(new Endpoint("POST", "/api/v1/routes/decisions", c -> new Request("POST", "/api/v1/routes/decisions", routeRequest),
                expect(401, 200, 200, 200, 200, 403, 403, 403)));
        all.add(new Endpoint("POST", "/api/v1/mentoring/decisions", c -> new Request("POST", "/api/v1/mentoring/decisions", mentoringRequest),
                expect(401, 200, 200, 200, 200, 403, 403, 403)));
        // The IMC workflow.
        all.add(new Endpoint("PUT", "/api/v1/mentoring/mentors/{jurisdiction}/{memberId}", c -> new Request("PUT",
                "/api/v1/mentoring/mentors/ust-ishim/" + mentor, Map.of("consent", true, "capacity", 100)), expect(401, 403, 200, 403, 403, 403, 403, 403)));
        all.add(new Endpoint("GET", "/api/v1/mentoring/mentors/{jurisdiction}/{memberId}", c -> new Request("GET",
                "/api/v1/mentoring/mentors/ust-ishim/" + mentor, null), expect(401, 403, 200, 403, 403, 403, 404, 403)));
        all.add(new Endpoint("POST", "/api/v1/mentoring/runs", c -> new Request("POST", "/api/v1/mentoring/runs",
                Map.of("jurisdiction", "ust-ishim")), expect(401, 403, 201, 403, 403, 403, 403, 403)));
        all.add(new Endpoint("GET", "/api/v1/mentoring/runs", c -> new Request("GET", "/api/v1/mentoring/runs?jurisdiction=ust-ishim", null),
                expect(401, 403, 200, 403, 403, 403, 404, 403)));
        all.add(new Endpoint("GET", "/api/v1/mentoring/runs/{id}", c -> new Request("GET", "/api/v1/mentoring/runs/" + runAndPair[0], null),
                expect(401, 403, 200, 403, 403, 403, 404, 403)));
        all.add(new Endpoint("POST", "/api/v1/mentoring/pairs/{id}/confirmation", c -> new Request("POST",
                "/api/v1/mentoring/pairs/" + (c == Caller.IMC_STAFF ? runAndPair()[1] : runAndPair[1]) + "/confirmation", null),
                expect(401, 403, 200, 403, 403, 403, 403, 403)));
        all.add(new Endpoint("POST", "/api/v1/mentoring/pairs/{id}/ending", c -> new Request("POST",
                "/api/v1/mentoring/pairs/" + (c == Caller.IMC_STAFF ? runAndPair()[1] : runAndPair[1]) + "/ending",
                Map.of("reason", "проверка прав")), expect(401, 403, 200, 403, 403, 403, 403, 403)));
        all.add(new Endpoint("POST", "/api/v1/teachers", c -> new Request("POST", "/api/v1/teachers",
                Map.of("jurisdiction", "ust-ishim", "teacher", eligibleCandidate())), expect(401, 403, 201, 403, 403, 403, 403, 403)));
        all.add(new Endpoint("GET", "/api/v1/teachers", c -> new Request("GET", "/api/v1/teachers?jurisdiction=ust-ishim", null),
                expect(401, 403, 200, 403, 403, 403, 404, 403)));
        all.add(new Endpoint("GET", "/api/v1/teachers/{id}", c -> new Request("GET", "/api/v1/teachers/" + teacher, null),
                expect(401, 403, 200, 403, 403, 403, 404, 403)));
        all.add(new Endpoint("GET", "/api/v1/schools", c -> new Request("GET", "/api/v1/schools?jurisdiction=ust-ishim", null),
                expect(401, 403, 200, 403, 403, 403, 404, 403)));
        all.add(new Endpoint("POST", "/api/v1/teachers/{teacherId}/diagnostics", c -> new Request("POST",
                "/api/v1/teachers/" + teacher + "/diagnostics", diagnostics()), expect(401, 403, 201, 403, 403, 403, 403, 403)));
        all.add(new Endpoint("GET", "/api/v1/teachers/{teacherId}/routes", c -> new Request("GET", "/api/v1/teachers/" + teacher + "/routes", null),
                expect(401, 403, 200, 403, 403, 403, 404, 403)));
        all.add(new Endpoint("GET", "/api/v1/teachers/{teacherId}/routes/{routeId}", c -> new Request("GET", "/api/v1/teachers/" + route, null),
                expect(401, 403, 200, 403, 403, 403, 404, 403)));
        all.add(new Endpoint("POST", "/api/v1/teachers/{teacherId}/routes/{routeId}/items/{number}/progress", c -> new Request("POST",
                "/api/v1/teachers/" + (c == Caller.IMC_STAFF ? route() : route) + "/items/1/progress", Map.of("status", "IN_PROGRESS")),
                expect(401, 403, 200, 403, 403, 403, 403, 403)));
        all.add(new Endpoint("POST", "/api/v1/candidates", c -> new Request("POST", "/api/v1/candidates",
                Map.of("jurisdiction", "ust-ishim", "candidate", eligibleCandidate())), expect(401, 403, 201, 403, 403, 403, 403, 403)));
        all.add(new Endpoint("GET", "/api/v1/candidates", c -> new Request("GET", "/api/v1/candidates?jurisdiction=ust-ishim", null),
                expect(401, 403, 200, 403, 403, 403, 404, 403)));
        all.add(new Endpoint("GET", "/api/v1/candidates/{id}", c -> new Request("GET", "/api/v1/candidates/" + candidate, null),
                expect(401, 403, 200, 403, 403, 403, 404, 403)));
        all.add(new Endpoint("GET", "/api/v1/candidates/export", c -> new Request("GET", "/api/v1/candidates/export?jurisdiction=ust-ishim", null),
                expect(401, 403, 200, 403, 403, 403, 404, 403)));
        all.add(new Endpoint("POST", "/api/v1/candidates/imports", c -> new Request("POST",
                "/api/v1/candidates/imports?jurisdiction=ust-ishim&dryRun=true", new Api.Upload("forma.xlsx",
                ru.edu.decisions.tests.support.Forms.xlsx(ru.edu.decisions.tests.support.Forms.form(List.of(
                        ru.edu.decisions.tests.support.Forms.candidate("Матрицева Мария Петровна", "12.03.1979")))))),
                expect(401, 403, 200, 403, 403, 403, 403, 403)));
        all.add(new Endpoint("GET", "/api/v1/candidates/imports/template", c -> new Request("GET",
                "/api/v1/candidates/imports/template?jurisdiction=ust-ishim", null), expect(401, 403, 200, 403, 403, 403, 404, 403)));
        all.add(new Endpoint("GET", "/api/v1/candidates/export.xlsx", c -> new Request("GET",
                "/api/v1/candidates/export.xlsx?jurisdiction=ust-ishim", null), expect(401, 403, 200, 403, 403, 403, 404, 403)));
        all.add(new Endpoint("GET", "/api/v1/registry/{jurisdiction}/export.xlsx", c -> new Request("GET",
                "/api/v1/registry/ust-ishim/export.xlsx", null), expect(401, 403, 200, 403, 403, 403, 404, 403)));
        all.add(new Endpoint("POST", "/api/v1/candidates/{id}/evaluations", c -> new Request("POST", "/api/v1/candidates/" + candidate + "/evaluations", null),
                expect(401, 403, 200, 403, 403, 403, 403, 403)));
        all.add(new Endpoint("PUT", "/api/v1/candidates/{id}/profile", c -> new Request("PUT", "/api/v1/candidates/" + candidate + "/profile",
                eligibleCandidate()), expect(401, 403, 200, 403, 403, 403, 403, 403)));
        all.add(new Endpoint("POST", "/api/v1/candidates/evaluations", c -> new Request("POST", "/api/v1/candidates/evaluations?jurisdiction=ust-ishim", null),
                expect(401, 403, 200, 403, 403, 403, 403, 403)));
        all.add(new Endpoint("POST", "/api/v1/registry/{jurisdiction}/members", c -> new Request("POST", "/api/v1/registry/ust-ishim/members",
                Map.of("candidateId", candidate())), expect(401, 403, 201, 403, 403, 403, 403, 403)));
        all.add(new Endpoint("GET", "/api/v1/registry/{jurisdiction}/members", c -> new Request("GET", "/api/v1/registry/ust-ishim/members", null),
                expect(401, 403, 200, 403, 403, 403, 404, 403)));
        all.add(new Endpoint("GET", "/api/v1/registry/{jurisdiction}/members/{memberId}", c -> new Request("GET", "/api/v1/registry/ust-ishim/members/" + member, null),
                expect(401, 403, 200, 403, 403, 403, 404, 403)));
        all.add(new Endpoint("POST", "/api/v1/registry/{jurisdiction}/members/{memberId}/exclusion", c -> new Request("POST",
                "/api/v1/registry/ust-ishim/members/" + member() + "/exclusion", Map.of("reason", "проверка прав")),
                expect(401, 403, 200, 403, 403, 403, 403, 403)));
        // Indicators of the methodological service: IMC staff of the jurisdiction and administrators. Ust-Ishim's
        // regulation sets none, so the figures are asked of Kuznetsk: not the Ust-Ishim callers' jurisdiction (404), the
        // administrator's (200); the entered values are kept for any jurisdiction, so they are written for Ust-Ishim.
        String indicators = "jurisdiction=kuznetsk&from=2026-09-01&to=2027-05-31";
        Api.Response snapshot = admin.post("/api/v1/indicators/snapshots", Map.of("jurisdiction", "kuznetsk",
                "from", "2026-09-01", "to", "2027-05-31"));
        assertThat(snapshot.status()).as(snapshot.toString()).isEqualTo(201);
        String snapshotId = snapshot.json().get("snapshot").get("id").asString();
        for (String read : List.of("/api/v1/indicators", "/api/v1/indicators/schools", "/api/v1/indicators/trend",
                "/api/v1/indicators/report.xlsx")) {
            all.add(new Endpoint("GET", read, c -> new Request("GET", read + "?" + indicators, null),
                    expect(401, 403, 404, 403, 403, 200, 404, 403)));
        }
        all.add(new Endpoint("GET", "/api/v1/indicators/{code}/subjects", c -> new Request("GET",
                "/api/v1/indicators/kuznetsk:4.1.2.1/subjects?" + indicators + "&part=NUMERATOR", null),
                expect(401, 403, 404, 403, 403, 200, 404, 403)));
        all.add(new Endpoint("POST", "/api/v1/indicators/snapshots", c -> new Request("POST", "/api/v1/indicators/snapshots",
                Map.of("jurisdiction", "kuznetsk", "from", "2026-09-01", "to", "2027-05-31")), expect(401, 403, 403, 403, 403, 201, 403, 403)));
        all.add(new Endpoint("GET", "/api/v1/indicators/snapshots", c -> new Request("GET", "/api/v1/indicators/snapshots?jurisdiction=kuznetsk", null),
                expect(401, 403, 404, 403, 403, 200, 404, 403)));
        all.add(new Endpoint("GET", "/api/v1/indicators/snapshots/{id}", c -> new Request("GET", "/api/v1/indicators/snapshots/" + snapshotId, null),
                expect(401, 403, 404, 403, 403, 200, 404, 403)));
        all.add(new Endpoint("GET", "/api/v1/indicators/snapshots/{id}/report.xlsx", c -> new Request("GET",
                "/api/v1/indicators/snapshots/" + snapshotId + "/report.xlsx", null), expect(401, 403, 404, 403, 403, 200, 404, 403)));
        all.add(new Endpoint("GET", "/api/v1/indicators/entries", c -> new Request("GET", "/api/v1/indicators/entries?jurisdiction=ust-ishim", null),
                expect(401, 403, 200, 403, 403, 200, 404, 403)));
        all.add(new Endpoint("POST", "/api/v1/indicators/entries/road-maps", c -> new Request("POST", "/api/v1/indicators/entries/road-maps",
                Map.of("jurisdiction", "ust-ishim", "number", "1-МАТРИЦА", "date", "2026-09-01")), expect(401, 403, 201, 403, 403, 201, 403, 403)));
        all.add(new Endpoint("POST", "/api/v1/indicators/entries/surveys", c -> new Request("POST", "/api/v1/indicators/entries/surveys",
                Map.of("jurisdiction", "ust-ishim", "date", "2026-12-01", "resultPercent", 80, "respondents", 10)),
                expect(401, 403, 201, 403, 403, 201, 403, 403)));
        all.add(new Endpoint("POST", "/api/v1/indicators/entries/management-teams", c -> new Request("POST",
                "/api/v1/indicators/entries/management-teams", Map.of("jurisdiction", "ust-ishim", "school", "МБОУ «Аксёновская СОШ»",
                "programme", "проверка прав", "date", "2026-11-01")), expect(401, 403, 201, 403, 403, 201, 403, 403)));
        all.add(new Endpoint("PUT", "/api/v1/indicators/entries/schools", c -> new Request("PUT", "/api/v1/indicators/entries/schools",
                Map.of("jurisdiction", "ust-ishim", "school", "МБОУ «Аксёновская СОШ»", "since", "2026-10-01")),
                expect(401, 403, 200, 403, 403, 200, 403, 403)));
        all.add(new Endpoint("DELETE", "/api/v1/indicators/entries/schools", c -> {
            callers.get(Caller.IMC_STAFF).put("/api/v1/indicators/entries/schools", Map.of("jurisdiction", "ust-ishim",
                    "school", "МБОУ «Ярковская ООШ»", "since", "2026-10-01"));
            return new Request("DELETE", "/api/v1/indicators/entries/schools?jurisdiction=ust-ishim&school="
                    + java.net.URLEncoder.encode("МБОУ «Ярковская ООШ»", java.nio.charset.StandardCharsets.UTF_8), null);
        }, expect(401, 403, 204, 403, 403, 204, 403, 403)));
        all.add(new Endpoint("PUT", "/api/v1/indicators/entries/regional-methodists/{teacherId}", c -> new Request("PUT",
                "/api/v1/indicators/entries/regional-methodists/" + teacher, Map.of("since", "2026-09-15")),
                expect(401, 403, 200, 403, 403, 200, 403, 403)));
        all.add(new Endpoint("DELETE", "/api/v1/indicators/entries/regional-methodists/{teacherId}", c -> {
            callers.get(Caller.IMC_STAFF).put("/api/v1/indicators/entries/regional-methodists/" + teacher, Map.of("since", "2026-09-15"));
            return new Request("DELETE", "/api/v1/indicators/entries/regional-methodists/" + teacher, null);
        }, expect(401, 403, 204, 403, 403, 204, 403, 403)));
        all.add(new Endpoint("POST", "/api/v1/teachers/roster", c -> {
            try {
                return new Request("POST", "/api/v1/teachers/roster?jurisdiction=ust-ishim&dryRun=true", new Api.Upload("штат.xlsx",
                        RosterImportTest.roster(List.of(List.of("МБОУ «Аксёновская СОШ»", "Матрицева Мария", "учитель",
                                java.time.LocalDate.of(1980, 1, 1), 10)))));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, expect(401, 403, 200, 403, 403, 403, 403, 403)));
        // Rule sets.
        all.add(new Endpoint("GET", "/api/v1/admin/rules", c -> new Request("GET", "/api/v1/admin/rules", null), expect(401, 403, 403, 200, 200, 200, 200, 403)));
        all.add(new Endpoint("POST", "/api/v1/admin/rules/reload", c -> new Request("POST", "/api/v1/admin/rules/reload", null),
                expect(401, 403, 403, 403, 403, 200, 403, 403)));
        all.add(new Endpoint("GET", "/api/v1/rulesets/{jurisdiction}/files", c -> new Request("GET", "/api/v1/rulesets/ust-ishim/files", null),
                expect(401, 403, 403, 200, 200, 403, 404, 403)));
        all.add(new Endpoint("POST", "/api/v1/rulesets/{jurisdiction}/drafts", c -> new Request("POST", "/api/v1/rulesets/ust-ishim/drafts",
                Map.of("files", Map.of("manifest.yaml", callers.get(Caller.POLICY_EDITOR).get("/api/v1/rulesets/ust-ishim/files").json()
                        .get("files").get("manifest.yaml").asString()))), expect(401, 403, 403, 201, 403, 403, 403, 403)));
        all.add(new Endpoint("GET", "/api/v1/rulesets/{jurisdiction}/drafts", c -> new Request("GET", "/api/v1/rulesets/ust-ishim/drafts", null),
                expect(401, 403, 403, 200, 200, 403, 404, 403)));
        all.add(new Endpoint("GET", "/api/v1/rulesets/{jurisdiction}/drafts/{id}", c -> new Request("GET", "/api/v1/rulesets/ust-ishim/drafts/" + draft, null),
                expect(401, 403, 403, 200, 200, 403, 404, 403)));
        all.add(new Endpoint("POST", "/api/v1/rulesets/{jurisdiction}/drafts/{id}/simulation", c -> new Request("POST",
                "/api/v1/rulesets/ust-ishim/drafts/" + draft + "/simulation", null), expect(401, 403, 403, 200, 200, 403, 404, 403)));
        all.add(new Endpoint("POST", "/api/v1/rulesets/{jurisdiction}/drafts/{id}/withdrawal", c -> new Request("POST",
                "/api/v1/rulesets/ust-ishim/drafts/" + draft() + "/withdrawal", null), expect(401, 403, 403, 200, 403, 403, 403, 403)));
        all.add(new Endpoint("POST", "/api/v1/rulesets/{jurisdiction}/drafts/{id}/publication", c -> new Request("POST",
                "/api/v1/rulesets/ust-ishim/drafts/" + (c == Caller.POLICY_APPROVER ? draft() : draft) + "/publication", null),
                expect(401, 403, 403, 403, 200, 403, 403, 403)));
        all.add(new Endpoint("POST", "/api/v1/rulesets/{jurisdiction}/rollback", c -> {
            if (c == Caller.POLICY_APPROVER) {
                publishedVersion();
            }
            return new Request("POST", "/api/v1/rulesets/ust-ishim/rollback", null);
        }, expect(401, 403, 403, 403, 200, 403, 403, 403)));
        all.add(new Endpoint("POST", "/api/v1/rulesets/{jurisdiction}/redecisions", c -> new Request("POST",
                "/api/v1/rulesets/ust-ishim/redecisions", Map.of("asOf", "2026-11-23")), expect(401, 403, 403, 403, 200, 403, 403, 403)));
        // Administration.
        all.add(new Endpoint("GET", "/api/v1/admin/users", c -> new Request("GET", "/api/v1/admin/users", null), expect(401, 403, 403, 403, 403, 200, 403, 403)));
        all.add(new Endpoint("POST", "/api/v1/admin/users", c -> new Request("POST", "/api/v1/admin/users", Map.of("username", "matrix-new-" + UUID.randomUUID(),
                "password", PASSWORD, "roles", List.of("IMC_STAFF"), "jurisdictions", List.of("ust-ishim"))), expect(401, 403, 403, 403, 403, 201, 403, 403)));
        all.add(new Endpoint("PUT", "/api/v1/admin/users/{id}", c -> new Request("PUT", "/api/v1/admin/users/" + newUser(),
                Map.of("roles", List.of("IMC_STAFF"), "jurisdictions", List.of("turochak"), "enabled", true)), expect(401, 403, 403, 403, 403, 200, 403, 403)));
        all.add(new Endpoint("POST", "/api/v1/admin/users/{id}/password", c -> new Request("POST", "/api/v1/admin/users/" + newUser() + "/password",
                Map.of("password", "another-password-1")), expect(401, 403, 403, 403, 403, 200, 403, 403)));
        all.add(new Endpoint("GET", "/api/v1/admin/api-keys", c -> new Request("GET", "/api/v1/admin/api-keys", null), expect(401, 403, 403, 403, 403, 200, 403, 403)));
        all.add(new Endpoint("POST", "/api/v1/admin/api-keys", c -> new Request("POST", "/api/v1/admin/api-keys", Map.of("name", "matrix-" + UUID.randomUUID(),
                "scopes", List.of("ELIGIBILITY"), "jurisdictions", List.of("ust-ishim"))), expect(401, 403, 403, 403, 403, 201, 403, 403)));
        all.add(new Endpoint("POST", "/api/v1/admin/api-keys/{id}/revocation", c -> new Request("POST", "/api/v1/admin/api-keys/" + newKey() + "/revocation", null),
                expect(401, 403, 403, 403, 403, 200, 403, 403)));
        all.add(new Endpoint("GET", "/api/v1/admin/personal-data-access", c -> new Request("GET", "/api/v1/admin/personal-data-access", null),
                expect(401, 403, 403, 403, 403, 200, 403, 403)));
        return all;
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersEveryCallerAsThePolicySays() {
        signInCallers();
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (Map.Entry<Caller, Integer> expected : endpoint.expected().entrySet()) {
                tests.add(DynamicTest.dynamicTest(endpoint.method() + " " + endpoint.template() + " as " + expected.getKey()
                        + " → " + expected.getValue(), () -> {
                    Request request = endpoint.request().apply(expected.getKey());
                    Api client = request.as() != null ? request.as() : callers.get(expected.getKey());
                    Api.Response response = client.call(request.method(), request.path(), request.body());
                    assertThat(response.status()).as(response.toString()).isEqualTo(expected.getValue());
                    if (response.status() >= 400) {
                        assertThat(response.contentType()).startsWith("application/problem+json");
                    }
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void everyOperationOfTheOpenApiDocumentIsInTheMatrix() {
        signInCallers();
        JsonNode paths = Api.browser(baseUrl()).get("/v3/api-docs").json().get("paths");
        Set<String> documented = new LinkedHashSet<>();
        for (String path : paths.propertyNames()) {
            for (String method : paths.get(path).propertyNames()) {
                documented.add(method.toUpperCase() + " " + path);
            }
        }
        Set<String> inMatrix = new LinkedHashSet<>();
        endpoints().forEach(e -> inMatrix.add(e.method() + " " + e.template()));
        assertThat(inMatrix).containsAll(documented);
        assertThat(documented).as("the OpenAPI document lists every endpoint of the matrix")
                .containsAll(inMatrix.stream().filter(e -> e.contains("/api/v1/")).toList());
    }
}
