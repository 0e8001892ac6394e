package ru.edu.decisions.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.edu.decisions.tests.EligibilityApiTest.list;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import ru.edu.decisions.tests.support.Api;
import ru.edu.decisions.tests.support.EndToEndTest;
import ru.edu.decisions.tests.support.Profile;
import tools.jackson.databind.JsonNode;

/** Authentication, keys, four eyes, personal data and hardening, end to end on PostgreSQL. */
@ExtendWith(OutputCaptureExtension.class)
class SecurityTest extends EndToEndTest {

    private static final Map<String, Object> UST_ISHIM_DECISION = Map.of("jurisdiction", "ust-ishim", "asOf", "2026-11-23",
            "candidate", Profile.qualifiedTeacher("Ключевая Проверка").achievement("WINNER", "MUNICIPAL").build());

    @Test
    void apiKeyIsShownOnceWorksWithinItsScopesAndJurisdictionsAndStopsWhenRevoked() {
        Api.Response created = admin.post("/api/v1/admin/api-keys", Map.of("name", "Электронный журнал «Дневник»",
                "scopes", List.of("ELIGIBILITY"), "jurisdictions", List.of("ust-ishim")));
        assertThat(created.status()).isEqualTo(201);
        String secret = created.json().get("secret").asString();
        String id = created.json().get("key").get("id").asString();
        assertThat(secret).startsWith("dk_").hasSizeGreaterThan(30);

        Api journal = Api.withKey(baseUrl(), secret);
        assertThat(journal.post("/api/v1/eligibility/decisions", UST_ISHIM_DECISION).status()).isEqualTo(200);
        Api.Response otherJurisdiction = journal.post("/api/v1/eligibility/decisions",
                Map.of("jurisdiction", "turochak", "candidate", Map.of("stableHighStudentResults", true)));
        assertThat(otherJurisdiction.status()).isEqualTo(403);
        assertThat(journal.get("/api/v1/candidates?jurisdiction=ust-ishim").status()).isEqualTo(403);

        Api.Response listed = admin.get("/api/v1/admin/api-keys");
        assertThat(listed.body()).doesNotContain(secret);
        assertThat(list(listed.json())).filteredOn(k -> k.get("id").asString().equals(id)).singleElement()
                .satisfies(k -> assertThat(k.get("lastUsedAt").isNull()).isFalse());

        assertThat(admin.post("/api/v1/admin/api-keys/" + id + "/revocation").status()).isEqualTo(200);
        Api.Response revoked = journal.post("/api/v1/eligibility/decisions", UST_ISHIM_DECISION);
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.json().get("detail").asString()).contains("отозван");
        assertThat(Api.withKey(baseUrl(), "dk_not-a-real-key-0000000000000000000").post("/api/v1/eligibility/decisions",
                UST_ISHIM_DECISION).status()).isEqualTo(401);
    }

    @Test
    void keyWithoutTheDecisionInItsScopesIsForbidden() {
        String secret = admin.post("/api/v1/admin/api-keys", Map.of("name", "ДПО-платформа", "scopes", List.of("ROUTES"),
                "jurisdictions", List.of("*"))).json().get("secret").asString();

        Api.Response response = Api.withKey(baseUrl(), secret).post("/api/v1/eligibility/decisions", UST_ISHIM_DECISION);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("detail").asString()).contains("ELIGIBILITY");
    }

    @Test
    void approverCannotPublishTheirOwnDraftButAnotherApproverCanAndCanRollItBack() {
        Api author = user("four-eyes-author", List.of("POLICY_EDITOR", "POLICY_APPROVER"), List.of("turochak"));
        Api colleague = user("four-eyes-colleague", List.of("POLICY_APPROVER"), List.of("turochak"));
        JsonNode files = author.get("/api/v1/rulesets/turochak/files").json();
        String before = files.get("version").asString();
        String manifest = files.get("files").get("manifest.yaml").asString();
        assertThat(manifest).contains("value: 5");

        Api.Response draft = author.post("/api/v1/rulesets/turochak/drafts", Map.of(
                "files", Map.of("manifest.yaml", manifest.replace("ruleSetVersion: \"2022.1\"", "ruleSetVersion: \"2022.2\"")),
                "comment", "Новая редакция набора правил (проект изменения)"));
        assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
        assertThat(draft.json().get("compiles").asBoolean()).isTrue();
        String id = draft.json().get("id").asString();

        Api.Response own = author.post("/api/v1/rulesets/turochak/drafts/" + id + "/publication");
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.json().get("detail").asString()).contains("автору");

        Api.Response published = colleague.post("/api/v1/rulesets/turochak/drafts/" + id + "/publication");
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        assertThat(published.json().get("approver").asString()).isEqualTo("four-eyes-colleague");
        String after = list(system.get("/api/v1/jurisdictions").json()).stream()
                .filter(j -> j.get("code").asString().equals("turochak")).findFirst().orElseThrow().get("ruleSet").get("version").asString();
        assertThat(after).startsWith("2022.2+");

        Api.Response rolledBack = colleague.post("/api/v1/rulesets/turochak/rollback");
        assertThat(rolledBack.status()).isEqualTo(200);
        String restored = list(system.get("/api/v1/jurisdictions").json()).stream()
                .filter(j -> j.get("code").asString().equals("turochak")).findFirst().orElseThrow().get("ruleSet").get("version").asString();
        assertThat(restored).isEqualTo(before);
    }

    @Test
    void brokenDraftIsStoredWithItsProblemsAndCannotBePublished() {
        Api editor = user("broken-draft-editor", List.of("POLICY_EDITOR"), List.of("ust-ishim"));
        Api approver = user("broken-draft-approver", List.of("POLICY_APPROVER"), List.of("ust-ishim"));
        String table = editor.get("/api/v1/rulesets/ust-ishim/files").json().get("files").get("eligibility-table.csv").asString();

        Api.Response draft = editor.post("/api/v1/rulesets/ust-ishim/drafts",
                Map.of("files", Map.of("eligibility-table.csv", table.replace("основание;ust-ishim:3.2.1;", "основаниие;ust-ishim:3.2.1;"))));

        assertThat(draft.status()).isEqualTo(201);
        assertThat(draft.json().get("compiles").asBoolean()).isFalse();
        assertThat(draft.json().get("problems").get(0).get("file").asString()).isEqualTo("ust-ishim/eligibility-table.csv");
        assertThat(draft.json().get("problems").get(0).get("line").asInt()).isPositive();
        Api.Response publish = approver.post("/api/v1/rulesets/ust-ishim/drafts/" + draft.json().get("id").asString() + "/publication");
        assertThat(publish.status()).isEqualTo(409);
    }

    @Test
    void personalDataNeverReachesTheLogsOfAFullWorkflow(CapturedOutput output) {
        String surname = "Уникальнофамильная";
        String phone = "+7 913 555-01-77";
        String email = "unikalnaya.pochta@example.ru";
        Map<String, Object> profile = Profile.qualifiedTeacher(surname + " Персона Данных").set("birthDate", "1979-06-05")
                .set("contacts", Map.of("phone", phone, "email", email)).achievement("WINNER", "REGIONAL").build();

        Api.Response submitted = api.post("/api/v1/candidates", Map.of("jurisdiction", "ust-ishim", "candidate", profile));
        String id = submitted.json().get("id").asString();
        api.get("/api/v1/candidates?jurisdiction=ust-ishim");
        api.get("/api/v1/candidates/" + id);
        api.get("/api/v1/candidates/export?jurisdiction=ust-ishim");
        String member = api.post("/api/v1/registry/ust-ishim/members", Map.of("candidateId", id)).json().get("id").asString();
        api.get("/api/v1/registry/ust-ishim/members");
        api.post("/api/v1/registry/ust-ishim/members/" + member + "/exclusion", Map.of("reason", "Проверка журнала"));
        api.post("/api/v1/candidates/" + id + "/evaluations");
        system.post("/api/v1/eligibility/decisions", Map.of("jurisdiction", "ust-ishim", "candidate", profile));
        system.post("/api/v1/eligibility/batch", Map.of("jurisdiction", "ust-ishim", "candidates",
                List.of(profile, Map.of("fullName", surname, "birthDate", "1979-02-31", "contacts", Map.of("email", email)))));
        system.post("/api/v1/eligibility/decisions", Map.of("jurisdiction", "ust-ishim", "candidate",
                Map.of("fullName", surname, "contacts", Map.of("email", "не-почта " + email))));
        // Routes and mentoring of the same person.
        String teacher = api.post("/api/v1/teachers", Map.of("jurisdiction", "ust-ishim", "teacher", profile,
                "school", Map.of("name", "МБОУ «Ярковская ООШ»"))).json().get("id").asString();
        api.get("/api/v1/teachers/" + teacher);
        String route = api.post("/api/v1/teachers/" + teacher + "/diagnostics",
                Map.of("diagnostics", Map.of("scores", Map.of("METHODICAL", 30)))).json().get("id").asString();
        api.post("/api/v1/teachers/" + teacher + "/routes/" + route + "/items/1/progress", Map.of("status", "IN_PROGRESS"));
        system.post("/api/v1/routes/decisions", Map.of("jurisdiction", "ust-ishim", "teacher", profile,
                "diagnostics", Map.of("scores", Map.of("METHODICAL", 30))));
        api.post("/api/v1/mentoring/runs", Map.of("jurisdiction", "ust-ishim"));

        assertThat(output.getAll()).as("the application's log of this workflow is captured")
                .contains("Route " + route + " for teacher " + teacher)
                .contains("Candidate " + id + " submitted in ust-ishim").contains("member " + member + " excluded");
        assertThat(output.getAll()).doesNotContain(surname, phone, email, "1979-06-05", "05.06.1979");
    }

    @Test
    void everyReadAndExportOfPersonalDataIsRecordedWithWhoAndWhich() {
        Api methodist = user("access-log-methodist", List.of("IMC_STAFF"), List.of("ust-ishim"));
        String id = methodist.post("/api/v1/candidates", Map.of("jurisdiction", "ust-ishim",
                "candidate", Profile.qualifiedTeacher("Журналова Вера").build())).json().get("id").asString();
        methodist.get("/api/v1/candidates/" + id);
        methodist.get("/api/v1/candidates/export?jurisdiction=ust-ishim");

        JsonNode entries = admin.get("/api/v1/admin/personal-data-access?recordId=" + id).json().get("items");

        assertThat(list(entries)).extracting(e -> e.get("actor").asString() + " " + e.get("action").asString() + " "
                        + e.get("recordKind").asString())
                .contains("access-log-methodist READ CANDIDATE", "access-log-methodist EXPORT CANDIDATE");
        assertThat(list(entries)).allSatisfy(e -> assertThat(e.get("jurisdiction").asString()).isEqualTo("ust-ishim"));
    }

    @Test
    void exportIsTheOfficialFormTableForTheJurisdictionsStaffOnly() {
        Api methodist = user("export-methodist", List.of("IMC_STAFF"), List.of("ust-ishim"));
        methodist.post("/api/v1/candidates", Map.of("jurisdiction", "ust-ishim", "candidate",
                Profile.qualifiedTeacher("Выгрузкина Ольга").set("contacts", Map.of("phone", "+7 900 111-22-33")).build()));

        Api.Response csv = methodist.get("/api/v1/candidates/export?jurisdiction=ust-ishim");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).contains("Ф.И.О.;Дата рождения;Образование").contains("Выгрузкина Ольга").contains("+7 900 111-22-33");
        assertThat(methodist.get("/api/v1/candidates/export?jurisdiction=turochak").status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/candidates/export?jurisdiction=ust-ishim").status()).isEqualTo(403);
    }

    @Test
    void repeatedFailedLoginsLockTheAccountUntilAnAdministratorResetsThePassword() {
        String username = "throttled-" + UUID.randomUUID().toString().substring(0, 8);
        String userId = admin.post("/api/v1/admin/users", Map.of("username", username, "password", PASSWORD,
                "roles", List.of("IMC_STAFF"), "jurisdictions", List.of("ust-ishim"))).json().get("id").asString();
        Api browser = Api.browser(baseUrl()).from(ownAddress());
        for (int i = 0; i < 5; i++) {
            assertThat(browser.login(username, "wrong-password-" + i).status()).isEqualTo(401);
        }

        Api.Response locked = browser.login(username, PASSWORD);
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.json().get("detail").asString()).contains("заблокирован");
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 900L);

        assertThat(admin.post("/api/v1/admin/users/" + userId + "/password", Map.of("password", "a-brand-new-password")).status())
                .isEqualTo(200);
        assertThat(Api.browser(baseUrl()).login(username, "a-brand-new-password").status()).isEqualTo(200);
    }

    @Test
    void sessionWritesNeedTheCsrfTokenAndLogoutEndsTheSession() {
        Api methodist = user("csrf-methodist", List.of("IMC_STAFF"), List.of("ust-ishim"));
        Api withoutToken = methodist.withHeader("X-CSRF-TOKEN", "forged");

        Api.Response forged = withoutToken.post("/api/v1/candidates", Map.of("jurisdiction", "ust-ishim", "candidate", Map.of()));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.json().get("type").asString()).endsWith("/csrf");

        assertThat(methodist.post("/api/v1/session/logout").status()).isEqualTo(204);
        assertThat(methodist.get("/api/v1/candidates?jurisdiction=ust-ishim").status()).isEqualTo(401);
    }

    @Test
    void responsesCarrySecurityHeadersAndNoStackTraces() {
        Api.Response response = api.get("/api/v1/candidates/not-a-uuid");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("Exception", "at ru.", "at org.", "SQL", "java.");
        HttpResponse<String> raw = rawGet("/api/v1/jurisdictions");
        assertThat(raw.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(raw.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(raw.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'");
        assertThat(raw.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    }

    @Test
    void fiftyMegabyteBodyIsRefusedBeforeItIsRead() throws Exception {
        byte[] body = new byte[50 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) ' ');
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/eligibility/batch"))
                        .header("Content-Type", "application/json").header("X-API-Key", INTEGRATION_KEY)
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("Тело запроса больше допустимых");
    }

    // ---- the session sees the account as it is now (review item 1) --------------------------------------------

    private String newUser(String prefix, List<String> roles, List<String> jurisdictions) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response created = admin.post("/api/v1/admin/users", Map.of("username", username, "password", PASSWORD,
                "roles", roles, "jurisdictions", jurisdictions));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return username;
    }

    @Test
    void disablingAUserEndsTheirOpenSession() {
        String username = newUser("session-disabled", List.of("IMC_STAFF"), List.of("ust-ishim"));
        String id = userId(username);
        Api session = Api.signIn(baseUrl(), username, PASSWORD);
        assertThat(session.get("/api/v1/candidates?jurisdiction=ust-ishim").status()).isEqualTo(200);

        assertThat(admin.put("/api/v1/admin/users/" + id, Map.of("roles", List.of("IMC_STAFF"),
                "jurisdictions", List.of("ust-ishim"), "enabled", false)).status()).isEqualTo(200);

        Api.Response ended = session.get("/api/v1/candidates?jurisdiction=ust-ishim");
        assertThat(ended.status()).isEqualTo(401);
        assertThat(ended.json().get("detail").asString()).contains("Сессия завершена");
        assertThat(admin.put("/api/v1/admin/users/" + id, Map.of("roles", List.of("IMC_STAFF"),
                "jurisdictions", List.of("ust-ishim"), "enabled", true)).status()).isEqualTo(200);
        assertThat(session.get("/api/v1/candidates?jurisdiction=ust-ishim").status())
                .as("the ended session stays ended").isEqualTo(401);
        assertThat(Api.signIn(baseUrl(), username, PASSWORD).get("/api/v1/candidates?jurisdiction=ust-ishim").status())
                .isEqualTo(200);
    }

    @Test
    void settingANewPasswordEndsTheUsersOpenSessions() {
        String username = newUser("session-password", List.of("IMC_STAFF"), List.of("ust-ishim"));
        Api session = Api.signIn(baseUrl(), username, PASSWORD);
        assertThat(session.get("/api/v1/session").json().get("authenticated").asBoolean()).isTrue();

        assertThat(admin.post("/api/v1/admin/users/" + userId(username) + "/password",
                Map.of("password", "a-brand-new-password")).status()).isEqualTo(200);

        assertThat(session.get("/api/v1/candidates?jurisdiction=ust-ishim").status()).isEqualTo(401);
        assertThat(session.get("/api/v1/session").json().get("authenticated").asBoolean()).isFalse();
        assertThat(Api.browser(baseUrl()).login(username, "a-brand-new-password").status()).isEqualTo(200);
    }

    @Test
    void changedRolesAndJurisdictionsApplyToAnOpenSessionAtOnce() {
        String username = newUser("session-access", List.of("IMC_STAFF"), List.of("ust-ishim"));
        String id = userId(username);
        Api session = Api.signIn(baseUrl(), username, PASSWORD);
        assertThat(session.get("/api/v1/candidates?jurisdiction=ust-ishim").status()).isEqualTo(200);
        assertThat(session.get("/api/v1/candidates?jurisdiction=turochak").status()).isEqualTo(404);

        admin.put("/api/v1/admin/users/" + id, Map.of("roles", List.of("IMC_STAFF"), "jurisdictions", List.of("turochak"),
                "enabled", true));
        assertThat(session.get("/api/v1/candidates?jurisdiction=ust-ishim").status()).isEqualTo(404);
        assertThat(session.get("/api/v1/candidates?jurisdiction=turochak").status()).isEqualTo(200);
        assertThat(session.post("/api/v1/candidates", Map.of("jurisdiction", "ust-ishim",
                "candidate", Profile.qualifiedTeacher("Сменова Анна").build())).status()).isEqualTo(403);

        admin.put("/api/v1/admin/users/" + id, Map.of("roles", List.of("POLICY_EDITOR"), "jurisdictions", List.of("turochak"),
                "enabled", true));
        assertThat(session.get("/api/v1/candidates?jurisdiction=turochak").status()).isEqualTo(403);
        assertThat(session.get("/api/v1/rulesets/turochak/files").status()).isEqualTo(200);
        JsonNode now = session.get("/api/v1/session").json();
        assertThat(list(now.get("roles"))).extracting(JsonNode::asString).containsExactly("POLICY_EDITOR");
        assertThat(list(now.get("jurisdictions"))).extracting(JsonNode::asString).containsExactly("turochak");
    }

    // ---- administrators, jurisdictions, reload (items 2, 8, 11) -----------------------------------------------

    @Test
    void administratorRoleIsGivenOnlyWithEveryJurisdiction() {
        Api.Response scoped = admin.post("/api/v1/admin/users", Map.of("username", "scoped-admin-" + UUID.randomUUID(),
                "password", PASSWORD, "roles", List.of("ADMIN"), "jurisdictions", List.of("ust-ishim")));
        assertThat(scoped.status()).isEqualTo(400);
        assertThat(scoped.json().get("detail").asString()).contains("ADMIN").contains("«*»");

        String username = newUser("future-admin", List.of("IMC_STAFF"), List.of("turochak"));
        Api.Response promoted = admin.put("/api/v1/admin/users/" + userId(username), Map.of("roles", List.of("ADMIN", "IMC_STAFF"),
                "jurisdictions", List.of("turochak"), "enabled", true));
        assertThat(promoted.status()).isEqualTo(400);
        assertThat(promoted.json().get("detail").asString()).contains("ADMIN");

        Api.Response everywhere = admin.put("/api/v1/admin/users/" + userId(username), Map.of("roles", List.of("ADMIN"),
                "jurisdictions", List.of("*"), "enabled", true));
        assertThat(everywhere.status()).as(everywhere.toString()).isEqualTo(200);
        assertThat(Api.signIn(baseUrl(), username, PASSWORD).get("/api/v1/admin/users").status()).isEqualTo(200);
    }

    @Test
    void administratorStoredWithOneJurisdictionIsNoAdministrator() {
        String username = newUser("legacy-admin", List.of("IMC_STAFF"), List.of("ust-ishim"));
        sql("UPDATE app_user SET roles = 'ADMIN,IMC_STAFF' WHERE username = ?", username);
        Api session = Api.signIn(baseUrl(), username, PASSWORD);

        assertThat(list(session.get("/api/v1/session").json().get("roles"))).extracting(JsonNode::asString).containsExactly("IMC_STAFF");
        assertThat(session.get("/api/v1/admin/users").status()).isEqualTo(403);
        assertThat(session.post("/api/v1/admin/api-keys", Map.of("name", "не выйдет", "scopes", List.of("ELIGIBILITY"),
                "jurisdictions", List.of("*"))).status()).isEqualTo(403);
        assertThat(session.get("/api/v1/admin/personal-data-access").status()).isEqualTo(403);
        assertThat(session.get("/api/v1/candidates?jurisdiction=ust-ishim").status()).isEqualTo(200);
    }

    @Test
    void usersAndKeysGetOnlyKnownJurisdictions() {
        Api.Response user = admin.post("/api/v1/admin/users", Map.of("username", "nowhere-" + UUID.randomUUID(),
                "password", PASSWORD, "roles", List.of("IMC_STAFF"), "jurisdictions", List.of("ust-ishim", "atlantis")));
        assertThat(user.status()).isEqualTo(400);
        assertThat(user.json().get("errors").get(0).get("field").asString()).isEqualTo("jurisdictions");
        assertThat(user.json().get("detail").asString()).contains("«atlantis»").contains("ust-ishim");
        Api.Response key = admin.post("/api/v1/admin/api-keys", Map.of("name", "Атлантида",
                "scopes", List.of("ELIGIBILITY"), "jurisdictions", List.of("atlantis")));
        assertThat(key.status()).isEqualTo(400);
        String existing = newUser("known-jurisdictions", List.of("IMC_STAFF"), List.of("ust-ishim"));
        assertThat(admin.put("/api/v1/admin/users/" + userId(existing), Map.of("roles", List.of("IMC_STAFF"),
                "jurisdictions", List.of("atlantis"), "enabled", true)).status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/admin/api-keys", Map.of("name", "Все территории", "scopes", List.of("ROUTES"),
                "jurisdictions", List.of("*"))).status()).isEqualTo(201);
    }

    @Test
    void reloadIsForAdministratorsAndApproversOfEveryJurisdiction() {
        Api approverOfAll = user("reload-approver-all", List.of("POLICY_APPROVER"), List.of("*"));
        Api approverOfOne = user("reload-approver-one", List.of("POLICY_APPROVER"), List.of("ust-ishim", "turochak"));

        assertThat(approverOfAll.post("/api/v1/admin/rules/reload").status()).isEqualTo(200);
        Api.Response refused = approverOfOne.post("/api/v1/admin/rules/reload");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void nothingButHealthTheOpenApiDocumentTheSessionAndTheSignInPageIsOpen() {
        Api anonymous = new Api(baseUrl());
        Api.Response signIn = anonymous.get("/");
        assertThat(signIn.status()).isEqualTo(200);
        assertThat(signIn.body()).contains("Имя пользователя", "Пароль");
        for (String path : List.of("/api/v1/jurisdictions", "/api/v1/no/such/endpoint", "/actuator/info", "/actuator/env")) {
            Api.Response response = anonymous.get(path);
            assertThat(response.status()).as(path + ": " + response).isEqualTo(401);
        }
        // Pages (declared or not) send someone not signed in to the sign-in page.
        for (String path : List.of("/index.html", "/app/index.html", "/error", "/start", "/candidates", "/no/such/page")) {
            Api.Response response = anonymous.get(path);
            assertThat(response.status()).as(path + ": " + response).isEqualTo(302);
            assertThat(response.header("Location")).as(path).endsWith("/login");
        }
        JsonNode paths = anonymous.get("/v3/api-docs").json().get("paths");
        assertThat(paths.has("/api/v1/session/login")).isTrue();
        assertThat(paths.get("/api/v1/session/login").has("post")).isTrue();
        assertThat(paths.get("/api/v1/session/logout").has("post")).isTrue();
    }

    // ---- the decision log (item 7) ---------------------------------------------------------------------------

    @Test
    void workflowDecisionsAreReadOnlyByImcStaffOfTheJurisdictionAndEveryReadIsLogged() {
        Api methodist = user("decision-log-methodist", List.of("IMC_STAFF"), List.of("ust-ishim"));
        Api editor = user("decision-log-editor", List.of("POLICY_EDITOR", "POLICY_APPROVER"), List.of("ust-ishim"));
        Api.Response submitted = methodist.post("/api/v1/candidates", Map.of("jurisdiction", "ust-ishim",
                "candidate", Profile.qualifiedTeacher("Журналова Решения").build()));
        String candidate = submitted.json().get("id").asString();
        String decision = submitted.json().get("latestDecision").get("decisionId").asString();

        assertThat(system.get("/api/v1/decisions/" + decision).status()).isEqualTo(404);
        assertThat(editor.get("/api/v1/decisions/" + decision).status()).isEqualTo(404);
        Api.Response read = methodist.get("/api/v1/decisions/" + decision);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("source").asString()).isEqualTo("WORKFLOW");

        JsonNode entries = admin.get("/api/v1/admin/personal-data-access?recordId=" + candidate).json().get("items");
        assertThat(list(entries)).extracting(e -> e.get("actor").asString() + " " + e.get("action").asString() + " "
                + e.get("recordKind").asString()).contains("decision-log-methodist READ CANDIDATE");
    }

    @Test
    void aKeyReadsOnlyStatelessDecisionsOfItsScopes() {
        String decision = system.post("/api/v1/eligibility/decisions", UST_ISHIM_DECISION).json().get("decisionId").asString();
        String routesOnly = admin.post("/api/v1/admin/api-keys", Map.of("name", "Только маршруты", "scopes", List.of("ROUTES"),
                "jurisdictions", List.of("*"))).json().get("secret").asString();

        assertThat(system.get("/api/v1/decisions/" + decision).status()).isEqualTo(200);
        assertThat(Api.withKey(baseUrl(), routesOnly).get("/api/v1/decisions/" + decision).status()).isEqualTo(404);
    }

    // ---- login throttling (items 9, 10) ----------------------------------------------------------------------

    @Test
    void unknownUserNameIsAnsweredExactlyLikeAKnownOne() {
        String known = newUser("throttle-known", List.of("IMC_STAFF"), List.of("ust-ishim"));
        String unknown = "throttle-unknown-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> knownAnswers = new java.util.ArrayList<>();
        List<String> unknownAnswers = new java.util.ArrayList<>();
        Api browser = Api.browser(baseUrl()).from(ownAddress());
        for (int i = 0; i < 7; i++) {
            Api.Response k = browser.login(known, "wrong-password-" + i);
            Api.Response u = browser.login(unknown, "wrong-password-" + i);
            knownAnswers.add(k.status() + " " + k.json().get("type").asString());
            unknownAnswers.add(u.status() + " " + u.json().get("type").asString());
            assertThat(u.json().get("detail").asString().replaceAll("\\d", "#"))
                    .isEqualTo(k.json().get("detail").asString().replaceAll("\\d", "#"));
        }
        assertThat(knownAnswers).containsExactly("401 /problems/login-failed", "401 /problems/login-failed",
                "401 /problems/login-failed", "401 /problems/login-failed", "401 /problems/login-failed",
                "429 /problems/login-throttled", "429 /problems/login-throttled");
        assertThat(unknownAnswers).isEqualTo(knownAnswers);
    }

    @Test
    void successfulLoginResetsOnlyTheAccountsCountNotTheAddresses() {
        String address = ownAddress();
        String username = newUser("throttle-address", List.of("IMC_STAFF"), List.of("ust-ishim"));
        Api browser = Api.browser(baseUrl()).from(address);
        for (int i = 0; i < 4; i++) {
            assertThat(browser.login(username, "wrong-password-" + i).status()).isEqualTo(401);
        }
        assertThat(browser.login(username, PASSWORD).status()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            assertThat(browser.login(username, "wrong-again-" + i).status())
                    .as("the account's own count started again after the successful login").isEqualTo(401);
        }
        // 8 failures so far from this address; 12 more (other names) reach the address's limit of 20.
        for (int i = 0; i < 12; i++) {
            assertThat(Api.browser(baseUrl()).from(address).login("spray-" + UUID.randomUUID(), "wrong").status()).isEqualTo(401);
        }
        assertThat(browser.login(username, PASSWORD).status()).as("20 failures from the address, whatever succeeded between")
                .isEqualTo(429);
        assertThat(Api.browser(baseUrl()).from(ownAddress()).login(username, PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void parallelWrongPasswordsGetNoMoreChecksThanTheLimit() throws Exception {
        String username = newUser("throttle-parallel", List.of("IMC_STAFF"), List.of("ust-ishim"));
        int attempts = 16;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(attempts);
        try {
            java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(attempts);
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                int n = i;
                answers.add(pool.submit(() -> {
                    Api browser = Api.browser(baseUrl()).from(ownAddress());
                    browser.get("/api/v1/session");
                    ready.countDown();
                    ready.await();
                    return browser.login(username, "parallel-wrong-" + n).status();
                }));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get(2, java.util.concurrent.TimeUnit.MINUTES));
            }
            assertThat(statuses).containsOnly(401, 429);
            assertThat(statuses.stream().filter(s -> s == 401).count()).as(statuses.toString()).isLessThanOrEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
        assertThat(Api.browser(baseUrl()).from(ownAddress()).login(username, PASSWORD).status()).isEqualTo(429);
    }

    @Test
    void passwordOverSeventyTwoBytesIsA400NotA500() {
        String cyrillic = "очень-длинный-пароль-".repeat(2); // 42 characters, 78 bytes in UTF-8
        Api.Response created = admin.post("/api/v1/admin/users", Map.of("username", "long-password-" + UUID.randomUUID(),
                "password", cyrillic, "roles", List.of("IMC_STAFF"), "jurisdictions", List.of("ust-ishim")));
        assertThat(created.status()).as(created.toString()).isEqualTo(400);
        assertThat(created.json().get("detail").asString()).contains("72 байт");
        String username = newUser("long-password", List.of("IMC_STAFF"), List.of("ust-ishim"));
        Api.Response set = admin.post("/api/v1/admin/users/" + userId(username) + "/password", Map.of("password", "x".repeat(73)));
        assertThat(set.status()).isEqualTo(400);
        assertThat(Api.browser(baseUrl()).from(ownAddress()).login(username, "ж".repeat(100)).status()).isEqualTo(401);
    }

    // ---- request size (item 4) -------------------------------------------------------------------------------

    @Test
    void chunkedBodyOverTheLimitIsRefusedWith413() throws Exception {
        long limit = 40L * 1024 * 1024;
        byte[] head = "{\"jurisdiction\":\"ust-ishim\",\"candidates\":[".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.io.InputStream body = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head), new java.io.InputStream() {
            private long sent;

            @Override
            public int read() {
                return sent++ < limit + 1024 ? ' ' : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (sent >= limit + 1024) {
                    return -1;
                }
                int n = (int) Math.min(length, limit + 1024 - sent);
                java.util.Arrays.fill(buffer, offset, offset + n, (byte) ' ');
                sent += n;
                return n;
            }
        });
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/eligibility/batch"))
                        .header("Content-Type", "application/json").header("X-API-Key", INTEGRATION_KEY)
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).contains("Тело запроса больше допустимых 40 МБ");
    }

    private HttpResponse<String> rawGet(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                    .header("X-API-Key", INTEGRATION_KEY).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
