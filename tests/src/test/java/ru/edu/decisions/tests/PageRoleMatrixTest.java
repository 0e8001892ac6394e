package ru.edu.decisions.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import ru.edu.decisions.tests.support.Browser;
import ru.edu.decisions.tests.support.EndToEndTest;
import ru.edu.decisions.tests.support.Profile;

/**
 * Every page of the workspace × every kind of caller → what the security policy demands: the sign-in page for
 * anyone not signed in and for a system with an API key (a key opens no page), the page for the roles it is
 * declared for, a refusal (403 page) for the others, and — for a record of a jurisdiction that is not the caller's
 * — «not found» (404 page: nobody learns it exists). A second test checks that every page mapping of the
 * application is in this matrix, so a page cannot be born outside it. The API has its own matrix
 * ({@link RoleMatrixTest}).
 */
class PageRoleMatrixTest extends EndToEndTest {

    enum Caller { ANONYMOUS, INTEGRATION_KEY, IMC_STAFF, POLICY_EDITOR, POLICY_APPROVER, ADMIN, OTHER_JURISDICTION,
        NO_ROLE }

    /** A page request: method, path, form fields. */
    record Request(String method, String path, Map<String, String> form) {
        static Request get(String path) {
            return new Request("GET", path, Map.of());
        }

        static Request post(String path, Map<String, String> form) {
            return new Request("POST", path, form);
        }
    }

    /** A page (as its mapping names it), how to ask for it, and the expected answer per caller. */
    record Endpoint(String method, String template, Function<Caller, Request> request, Map<Caller, String> expected) {
    }

    /** Expected answers: a status, or {@code "login"} for a redirect to the sign-in page. */
    private static Map<Caller, String> expect(String anonymous, String key, String imc, String editor, String approver,
                                              String admin, String other, String noRole) {
        Map<Caller, String> expected = new LinkedHashMap<>();
        expected.put(Caller.ANONYMOUS, anonymous);
        expected.put(Caller.INTEGRATION_KEY, key);
        expected.put(Caller.IMC_STAFF, imc);
        expected.put(Caller.POLICY_EDITOR, editor);
        expected.put(Caller.POLICY_APPROVER, approver);
        expected.put(Caller.ADMIN, admin);
        expected.put(Caller.OTHER_JURISDICTION, other);
        expected.put(Caller.NO_ROLE, noRole);
        return expected;
    }

    /** A page for every workspace role (IMC staff, editors, approvers, administrators). */
    private static Map<Caller, String> everyRole(String answer) {
        return expect("login", "login", answer, answer, answer, answer, answer, "403");
    }

    /** A page of IMC staff; a record of Ust-Ishim is not found for the Turochak user. */
    private static Map<Caller, String> imc(String answer, String otherJurisdiction) {
        return expect("login", "login", answer, "403", "403", "403", otherJurisdiction, "403");
    }

    /** A page of administrators. */
    private static Map<Caller, String> admin(String answer) {
        return expect("login", "login", "403", "403", "403", answer, "403", "403");
    }

    /**
     * A page of the indicators: IMC staff and administrators. The Ust-Ishim and Turochak staff work in jurisdictions
     * without indicators; the administrator works in Kuznetsk (the first of all jurisdictions by name).
     */
    private static Map<Caller, String> indicators(String imc, String admin, String other) {
        return expect("login", "login", imc, "403", "403", admin, other, "403");
    }

    /** The request, with the administrator switched to Kuznetsk first (an earlier case switched them to Ust-Ishim). */
    private Request inKuznetsk(Caller caller, Request request) {
        if (caller == Caller.ADMIN) {
            assertThat(callers.get(Caller.ADMIN).post("/jurisdiction", Map.of("code", "kuznetsk")).status()).isEqualTo(302);
        }
        return request;
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private Map<Caller, Browser> callers;

    private void signInCallers() {
        callers = new LinkedHashMap<>();
        callers.put(Caller.ANONYMOUS, new Browser(baseUrl()));
        callers.put(Caller.INTEGRATION_KEY, new Browser(baseUrl()).withHeader("X-API-Key", INTEGRATION_KEY));
        callers.put(Caller.IMC_STAFF, signedIn("pages-imc", List.of("IMC_STAFF"), List.of("ust-ishim")));
        callers.put(Caller.POLICY_EDITOR, signedIn("pages-editor", List.of("POLICY_EDITOR"), List.of("ust-ishim")));
        callers.put(Caller.POLICY_APPROVER, signedIn("pages-approver", List.of("POLICY_APPROVER"), List.of("ust-ishim")));
        callers.put(Caller.ADMIN, new Browser(baseUrl()).signIn("admin", ADMIN_PASSWORD));
        callers.put(Caller.OTHER_JURISDICTION, signedIn("pages-turochak",
                List.of("IMC_STAFF", "POLICY_EDITOR", "POLICY_APPROVER"), List.of("turochak")));
        // An account whose only role counts for nothing (ADMIN stored without every jurisdiction) may open no page.
        user("pages-no-role", List.of("IMC_STAFF"), List.of("ust-ishim"));
        sql("UPDATE app_user SET roles = 'ADMIN' WHERE username = ?", "pages-no-role");
        callers.put(Caller.NO_ROLE, new Browser(baseUrl()).signIn("pages-no-role", PASSWORD));
    }

    private Browser signedIn(String username, List<String> roles, List<String> jurisdictions) {
        user(username, roles, jurisdictions);
        return new Browser(baseUrl()).signIn(username, PASSWORD);
    }

    // ---- fixtures: records of Ust-Ishim made by its own staff through the API -----------------------------------

    private String candidate() {
        var created = api.post("/api/v1/candidates", Map.of("jurisdiction", "ust-ishim",
                "candidate", Profile.qualifiedTeacher("Страницева Анна " + UUID.randomUUID()).achievement("WINNER", "MUNICIPAL").build()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private String member() {
        var included = api.post("/api/v1/registry/ust-ishim/members", Map.of("candidateId", candidate()));
        assertThat(included.status()).as(included.toString()).isEqualTo(201);
        String member = included.json().get("id").asString();
        var offered = api.put("/api/v1/mentoring/mentors/ust-ishim/" + member,
                Map.of("consent", true, "capacity", 100, "strengths", List.of("METHODICAL")));
        assertThat(offered.status()).as(offered.toString()).isEqualTo(200);
        return member;
    }

    private String teacher() {
        var created = api.post("/api/v1/teachers", Map.of("jurisdiction", "ust-ishim", "teacher",
                Profile.qualifiedTeacher("Страницев Иван " + UUID.randomUUID()).build(), "school", Map.of("name", "МБОУ «Аксёновская СОШ»")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    /** A stored route of a new Ust-Ishim teacher: "teacherId/routes/routeId". */
    private String route() {
        String teacher = teacher();
        var created = api.post("/api/v1/teachers/" + teacher + "/diagnostics", Map.of("asOf", "2026-11-23",
                "diagnostics", Map.of("date", "2026-10-01", "scores", Map.of("METHODICAL", 30, "DIGITAL", 60))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return teacher + "/routes/" + created.json().get("id").asString();
    }

    /** A run of Ust-Ishim with a proposed pair: the run's id and the pair's. */
    private String[] runAndPair() {
        member();
        teacher();
        var run = api.post("/api/v1/mentoring/runs", Map.of("jurisdiction", "ust-ishim"));
        assertThat(run.status()).as(run.toString()).isEqualTo(201);
        assertThat(run.json().get("pairs").size()).as(run.toString()).isPositive();
        return new String[] {run.json().get("id").asString(), run.json().get("pairs").get(0).get("id").asString()};
    }

    private String newUser() {
        var created = admin.post("/api/v1/admin/users", Map.of("username", "pages-" + UUID.randomUUID(),
                "password", PASSWORD, "roles", List.of("IMC_STAFF"), "jurisdictions", List.of("ust-ishim")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private String newKey() {
        return admin.post("/api/v1/admin/api-keys", Map.of("name", "pages-" + UUID.randomUUID(), "scopes", List.of("ELIGIBILITY"),
                "jurisdictions", List.of("ust-ishim"))).json().get("key").get("id").asString();
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> all = new ArrayList<>();
        // The sign-in page: open; someone signed in goes to the start page.
        all.add(new Endpoint("GET", "/", c -> Request.get("/"), expect("200", "200", "302", "302", "302", "302", "302", "302")));
        all.add(new Endpoint("GET", "/login", c -> Request.get("/login"), expect("200", "200", "302", "302", "302", "302", "302", "302")));
        // The frame: every workspace role.
        all.add(new Endpoint("GET", "/start", c -> Request.get("/start"), everyRole("200")));
        all.add(new Endpoint("GET", "/account/password", c -> Request.get("/account/password"), everyRole("200")));
        all.add(new Endpoint("POST", "/account/password", c -> Request.post("/account/password", Map.of(
                "currentPassword", "not-the-password", "newPassword", "some-new-password", "repeatPassword", "some-new-password")),
                everyRole("400")));
        all.add(new Endpoint("POST", "/jurisdiction", c -> Request.post("/jurisdiction", Map.of("code", "ust-ishim")),
                expect("login", "login", "302", "302", "302", "302", "403", "403")));
        // The import of a filled candidate form: upload, preview (a preview of nobody is not found).
        all.add(new Endpoint("GET", "/candidates/imports", c -> Request.get("/candidates/imports"), imc("200", "200")));
        all.add(new Endpoint("POST", "/candidates/imports", c -> Request.post("/candidates/imports", Map.of()), imc("400", "400")));
        all.add(new Endpoint("GET", "/candidates/imports/{id}", c -> Request.get("/candidates/imports/" + UUID.randomUUID()),
                imc("404", "404")));
        all.add(new Endpoint("POST", "/candidates/imports/{id}/rows/{row}", c -> Request.post("/candidates/imports/"
                + UUID.randomUUID() + "/rows/5", Map.of("cell-2", "12.03.1979")), imc("404", "404")));
        all.add(new Endpoint("POST", "/candidates/imports/{id}/rows/{row}/drop", c -> Request.post("/candidates/imports/"
                + UUID.randomUUID() + "/rows/5/drop", Map.of("dropped", "true")), imc("404", "404")));
        all.add(new Endpoint("POST", "/candidates/imports/{id}/confirmation", c -> Request.post("/candidates/imports/"
                + UUID.randomUUID() + "/confirmation", Map.of()), imc("404", "404")));
        // Long actions: their starter only (a task of nobody is not found).
        all.add(new Endpoint("GET", "/tasks/{id}", c -> Request.get("/tasks/" + UUID.randomUUID()), imc("404", "404")));
        // Candidates: the jurisdiction the person works in; a candidate of Ust-Ishim is not found for Turochak's staff.
        String candidate = candidate();
        all.add(new Endpoint("GET", "/candidates", c -> Request.get("/candidates?q=страницева&verdict=ELIGIBLE"), imc("200", "200")));
        all.add(new Endpoint("GET", "/candidates/new", c -> Request.get("/candidates/new"), imc("200", "200")));
        all.add(new Endpoint("POST", "/candidates", c -> Request.post("/candidates", Map.of("fullName", "Страницева Ольга "
                + UUID.randomUUID())), imc("302", "302")));
        all.add(new Endpoint("POST", "/candidates/evaluations", c -> Request.post("/candidates/evaluations", Map.of()), imc("302", "302")));
        all.add(new Endpoint("GET", "/candidates/evaluations/{resultId}", c -> Request.get("/candidates/evaluations/"
                + UUID.randomUUID()), imc("404", "404")));
        all.add(new Endpoint("GET", "/candidates/{id}", c -> Request.get("/candidates/" + candidate), imc("200", "404")));
        all.add(new Endpoint("GET", "/candidates/{id}/edit", c -> Request.get("/candidates/" + candidate + "/edit"), imc("200", "404")));
        all.add(new Endpoint("POST", "/candidates/{id}", c -> Request.post("/candidates/" + candidate, Map.of("fullName",
                "Страницева Анна Сергеевна")), imc("302", "404")));
        all.add(new Endpoint("POST", "/candidates/{id}/evaluations", c -> Request.post("/candidates/" + candidate + "/evaluations",
                Map.of()), imc("302", "404")));
        all.add(new Endpoint("POST", "/candidates/{id}/registry", c -> Request.post("/candidates/"
                + (c == Caller.IMC_STAFF ? candidate() : candidate) + "/registry", Map.of()), imc("302", "404")));
        // The regulations' texts: public documents, for every workspace role, of any jurisdiction.
        all.add(new Endpoint("GET", "/regulations/{jurisdiction:[a-z0-9-]{1,64}}", c -> Request.get("/regulations/ust-ishim"),
                everyRole("200")));
        // Mentoring: the jurisdiction the person works in; a record of Ust-Ishim is not found for Turochak's staff,
        // and a change to one of its pairs is refused (403), as in the API.
        String member = member();
        String[] run = runAndPair();
        all.add(new Endpoint("GET", "/mentoring", c -> Request.get("/mentoring"), imc("200", "200")));
        all.add(new Endpoint("GET", "/mentoring/mentors/{memberId}", c -> Request.get("/mentoring/mentors/" + member), imc("200", "404")));
        all.add(new Endpoint("POST", "/mentoring/mentors/{memberId}", c -> Request.post("/mentoring/mentors/" + member,
                Map.of("consent", "true", "capacity", "100", "strengths", "METHODICAL")), imc("302", "404")));
        all.add(new Endpoint("POST", "/mentoring/runs", c -> Request.post("/mentoring/runs", Map.of()), imc("302", "302")));
        all.add(new Endpoint("GET", "/mentoring/runs/{id}", c -> Request.get("/mentoring/runs/" + run[0]), imc("200", "404")));
        all.add(new Endpoint("POST", "/mentoring/pairs/{id}/confirmation", c -> Request.post("/mentoring/pairs/"
                + (c == Caller.IMC_STAFF ? runAndPair()[1] : run[1]) + "/confirmation", Map.of()), imc("302", "403")));
        all.add(new Endpoint("POST", "/mentoring/pairs/{id}/ending", c -> Request.post("/mentoring/pairs/"
                + (c == Caller.IMC_STAFF ? runAndPair()[1] : run[1]) + "/ending", Map.of("reason", "проверка прав")), imc("302", "403")));
        // The registry of the asset.
        all.add(new Endpoint("GET", "/registry", c -> Request.get("/registry"), imc("200", "200")));
        all.add(new Endpoint("GET", "/registry/members/{id}", c -> Request.get("/registry/members/" + member), imc("200", "404")));
        all.add(new Endpoint("POST", "/registry/members/{id}/exclusion", c -> Request.post("/registry/members/"
                + (c == Caller.IMC_STAFF ? member() : member) + "/exclusion", Map.of("reason", "проверка прав")), imc("302", "404")));
        all.add(new Endpoint("GET", "/registry/export.xlsx", c -> Request.get("/registry/export.xlsx"), imc("200", "200")));
        // Teachers, diagnostics and routes.
        String teacher = teacher();
        String route = route();
        all.add(new Endpoint("GET", "/teachers", c -> Request.get("/teachers"), imc("200", "200")));
        all.add(new Endpoint("GET", "/teachers/new", c -> Request.get("/teachers/new"), imc("200", "200")));
        all.add(new Endpoint("POST", "/teachers", c -> Request.post("/teachers", Map.of("fullName", "Страницев Пётр " + UUID.randomUUID(),
                "position", "TEACHER", "experience", "3")), imc("302", "302")));
        all.add(new Endpoint("GET", "/teachers/{id}", c -> Request.get("/teachers/" + teacher), imc("200", "404")));
        all.add(new Endpoint("GET", "/teachers/{id}/diagnostics", c -> Request.get("/teachers/" + teacher + "/diagnostics"), imc("200", "404")));
        all.add(new Endpoint("POST", "/teachers/{id}/diagnostics", c -> Request.post("/teachers/" + teacher + "/diagnostics",
                Map.of("date", "2026-10-01", "score-METHODICAL", "40")), imc("302", "404")));
        all.add(new Endpoint("GET", "/teachers/{id}/routes/{routeId}", c -> Request.get("/teachers/" + route), imc("200", "404")));
        all.add(new Endpoint("POST", "/teachers/{id}/routes/{routeId}/items/{number}/progress", c -> Request.post("/teachers/" + route
                + "/items/1/progress", Map.of("status", "IN_PROGRESS")), imc("302", "404")));
        all.add(new Endpoint("GET", "/teachers/{id}/routes/{routeId}/print", c -> Request.get("/teachers/" + route + "/print"), imc("200", "404")));
        // The staff roster import (teachers: IMC staff).
        all.add(new Endpoint("GET", "/teachers/roster", c -> Request.get("/teachers/roster"), imc("200", "200")));
        all.add(new Endpoint("POST", "/teachers/roster", c -> Request.post("/teachers/roster", Map.of()), imc("400", "400")));
        all.add(new Endpoint("POST", "/teachers/roster/confirmation", c -> Request.post("/teachers/roster/confirmation", Map.of()),
                imc("400", "400")));
        // Indicators of the methodological service.
        var snapshot = admin.post("/api/v1/indicators/snapshots", Map.of("jurisdiction", "kuznetsk", "from", "2026-09-01", "to", "2027-05-31"));
        assertThat(snapshot.status()).as(snapshot.toString()).isEqualTo(201);
        String snapshotId = snapshot.json().get("snapshot").get("id").asString();
        all.add(new Endpoint("GET", "/indicators", c -> inKuznetsk(c, Request.get("/indicators")), indicators("200", "200", "200")));
        all.add(new Endpoint("GET", "/indicators/subjects", c -> inKuznetsk(c, Request.get("/indicators/subjects?code=kuznetsk:4.1.2.1&part=NUMERATOR")),
                indicators("404", "200", "404")));
        all.add(new Endpoint("GET", "/indicators/report", c -> inKuznetsk(c, Request.get("/indicators/report")), indicators("404", "200", "404")));
        all.add(new Endpoint("GET", "/indicators/report.xlsx", c -> inKuznetsk(c, Request.get("/indicators/report.xlsx")), indicators("404", "200", "404")));
        all.add(new Endpoint("POST", "/indicators/snapshots", c -> inKuznetsk(c, Request.post("/indicators/snapshots", Map.of("note", "проверка прав"))),
                indicators("404", "302", "404")));
        all.add(new Endpoint("GET", "/indicators/snapshots", c -> inKuznetsk(c, Request.get("/indicators/snapshots")), indicators("200", "200", "200")));
        all.add(new Endpoint("GET", "/indicators/snapshots/{id}", c -> inKuznetsk(c, Request.get("/indicators/snapshots/" + snapshotId)),
                indicators("404", "200", "404")));
        all.add(new Endpoint("GET", "/indicators/snapshots/{id}/report.xlsx", c -> inKuznetsk(c, Request.get("/indicators/snapshots/" + snapshotId
                + "/report.xlsx")), indicators("404", "200", "404")));
        all.add(new Endpoint("GET", "/indicators/entries", c -> inKuznetsk(c, Request.get("/indicators/entries")), indicators("200", "200", "200")));
        all.add(new Endpoint("POST", "/indicators/entries/road-map", c -> inKuznetsk(c, Request.post("/indicators/entries/road-map",
                Map.of("number", "1-С", "date", "2026-09-01"))), indicators("302", "302", "302")));
        all.add(new Endpoint("POST", "/indicators/entries/survey", c -> inKuznetsk(c, Request.post("/indicators/entries/survey",
                Map.of("date", "2026-12-01", "result", "80,5", "respondents", "12"))), indicators("302", "302", "302")));
        all.add(new Endpoint("POST", "/indicators/entries/team", c -> inKuznetsk(c, Request.post("/indicators/entries/team",
                Map.of("school", "Школа проверки прав", "programme", "Программа", "date", "2026-11-01"))), indicators("302", "302", "302")));
        all.add(new Endpoint("POST", "/indicators/entries/school", c -> inKuznetsk(c, Request.post("/indicators/entries/school",
                Map.of("school", "Школа проверки прав", "since", "2026-10-01"))), indicators("302", "302", "302")));
        all.add(new Endpoint("POST", "/indicators/entries/school/removal", c -> inKuznetsk(c, Request.post("/indicators/entries/school/removal",
                Map.of("school", "Школа проверки прав"))), indicators("302", "302", "302")));
        all.add(new Endpoint("POST", "/indicators/entries/methodist", c -> inKuznetsk(c, Request.post("/indicators/entries/methodist",
                Map.of("fullName", "Никто Никтович " + UUID.randomUUID(), "since", "2026-09-15"))), indicators("400", "400", "400")));
        all.add(new Endpoint("POST", "/indicators/entries/methodist/removal", c -> inKuznetsk(c, Request.post("/indicators/entries/methodist/removal",
                Map.of("teacherId", teacher))), indicators("302", "302", "403")));
        // Administration: users, keys, the personal-data access log.
        all.add(new Endpoint("GET", "/admin/users", c -> Request.get("/admin/users"), admin("200")));
        all.add(new Endpoint("GET", "/admin/users/new", c -> Request.get("/admin/users/new"), admin("200")));
        all.add(new Endpoint("POST", "/admin/users", c -> Request.post("/admin/users", Map.of("username", "pages-new-" + UUID.randomUUID(),
                "generate", "true", "roles", "IMC_STAFF", "jurisdictions", "ust-ishim")), admin("302")));
        all.add(new Endpoint("GET", "/admin/users/{id}", c -> Request.get("/admin/users/" + newUser()), admin("200")));
        all.add(new Endpoint("POST", "/admin/users/{id}", c -> Request.post("/admin/users/" + newUser(),
                Map.of("roles", "IMC_STAFF", "jurisdictions", "turochak", "enabled", "true")), admin("302")));
        all.add(new Endpoint("POST", "/admin/users/{id}/password-reset", c -> Request.post("/admin/users/" + newUser()
                + "/password-reset", Map.of()), admin("302")));
        all.add(new Endpoint("GET", "/admin/api-keys", c -> Request.get("/admin/api-keys"), admin("200")));
        all.add(new Endpoint("POST", "/admin/api-keys", c -> Request.post("/admin/api-keys", Map.of("name", "pages-key-" + UUID.randomUUID(),
                "scopes", "ELIGIBILITY", "jurisdictions", "ust-ishim")), admin("302")));
        all.add(new Endpoint("POST", "/admin/api-keys/{id}/revocation", c -> Request.post("/admin/api-keys/" + newKey() + "/revocation",
                Map.of()), admin("302")));
        all.add(new Endpoint("GET", "/admin/access-log", c -> Request.get("/admin/access-log"), admin("200")));
        return all;
    }

    @TestFactory
    Stream<DynamicTest> everyPageAnswersEveryCallerAsThePolicyDemands() {
        signInCallers();
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (Caller caller : Caller.values()) {
                tests.add(DynamicTest.dynamicTest(endpoint.method() + " " + endpoint.template() + " as " + caller, () -> {
                    Request request = endpoint.request().apply(caller);
                    Browser browser = callers.get(caller);
                    Browser.Page page = "GET".equals(request.method()) ? browser.get(request.path())
                            : browser.post(request.path(), request.form());
                    String expected = endpoint.expected().get(caller);
                    if ("login".equals(expected)) {
                        assertThat(page.status()).as(request + " " + page.location()).isEqualTo(302);
                        assertThat(page.location()).as(request.toString()).endsWith("/login");
                    } else {
                        assertThat(page.status()).as(request + " → " + page.location()).isEqualTo(Integer.parseInt(expected));
                        if (page.status() == 302) {
                            assertThat(page.location()).as(request.toString()).doesNotEndWith("/login");
                        }
                        if (page.status() == 403 || page.status() == 404) {
                            assertThat(page.body()).as(request.toString()).contains("<html lang=\"ru\"").contains("Код ошибки")
                                    .doesNotContain("Exception").doesNotContain("\"status\"");
                        }
                    }
                }));
            }
        }
        return tests.stream();
    }

    /** A mapping's path with its variables' patterns left out: {@code /candidates/{id:[0-9a-f-]+}} → {@code /candidates/{id}}. */
    private static String withoutPatterns(String path) {
        StringBuilder plain = new StringBuilder();
        int depth = 0;
        boolean skipping = false;
        for (char c : path.toCharArray()) {
            if (c == '{' && depth++ == 0) {
                plain.append(c);
                continue;
            }
            if (c == '}' && --depth == 0) {
                skipping = false;
                plain.append(c);
                continue;
            }
            if (depth == 1 && c == ':') {
                skipping = true;
            }
            if (!skipping && depth <= 1) {
                plain.append(c);
            }
        }
        return plain.toString();
    }

    @Test
    void everyPageOfTheApplicationIsInTheMatrix() {
        Set<String> declared = new TreeSet<>();
        endpoints().forEach(e -> declared.add(e.method() + " " + withoutPatterns(e.template())));
        Set<String> pages = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (handler.getBeanType().isAnnotationPresent(RestController.class)
                    || !handler.getBeanType().getName().startsWith("ru.edu.decisions.")) {
                return;
            }
            Set<String> methods = info.getMethodsCondition().getMethods().stream().map(Enum::name)
                    .collect(java.util.stream.Collectors.toSet());
            for (String pattern : info.getPatternValues()) {
                for (String method : methods.isEmpty() ? Set.of("GET") : methods) {
                    pages.add(method + " " + withoutPatterns(pattern));
                }
            }
        });
        assertThat(pages).as("page mappings").isNotEmpty();
        assertThat(declared).as("pages missing from the role matrix").containsAll(pages);
    }
}
