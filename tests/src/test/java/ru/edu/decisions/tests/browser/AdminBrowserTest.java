package ru.edu.decisions.tests.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import ru.edu.decisions.tests.support.Api;
import ru.edu.decisions.tests.support.BrowserTest;
import ru.edu.decisions.tests.support.Profile;

/**
 * The administrators' pages: a user created with a one-time password shown once, who must set their own at the first
 * sign-in; a user disabled (their next page is the sign-in page); an API key whose secret is shown once, then
 * revoked; the personal-data access log; and that nobody else opens them.
 */
class AdminBrowserTest extends BrowserTest {

    @Test
    void anAdministratorCreatesAUserWithAOneTimePasswordWhoMustChangeItAndThenDisablesThem() {
        String username = "browser-new-" + UUID.randomUUID().toString().substring(0, 8);
        signIn("admin", ADMIN_PASSWORD);
        open("/admin/users/new");
        assertThat(browser.findElement(By.id("generate")).isSelected()).isTrue();

        // Nothing chosen: said beside the fields, the typed name kept.
        browser.findElement(By.id("username")).sendKeys("не латиница");
        browser.findElement(By.id("role-IMC_STAFF")).click(); // unchecks the default
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertThat(find(By.id("username-error")).getText()).contains("латинские буквы");
        assertThat(find(By.id("roles-error")).getText()).isEqualTo("Выберите хотя бы одну роль");
        assertThat(find(By.id("jurisdictions-error")).getText()).contains("Выберите хотя бы одну территорию");
        assertThat(browser.findElement(By.id("username")).getAttribute("value")).isEqualTo("не латиница");
        consoleErrors(); // the 400 of the form shown again

        browser.findElement(By.id("username")).clear();
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("role-IMC_STAFF")).click();
        browser.findElement(By.id("jurisdiction-turochak")).click();
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        String oneTime = find(By.id("one-time-password")).getText();
        assertThat(oneTime).hasSize(16);
        assertThat(find(By.cssSelector(".notice")).getText()).contains(username);
        String userPage = browser.getCurrentUrl();
        // Shown once: not on the next visit of the page.
        open(userPage.substring(baseUrl().length()));
        assertThat(browser.findElements(By.id("one-time-password"))).isEmpty();

        open("/admin/users");
        WebElement row = find(By.cssSelector("tr[data-username='" + username + "']"));
        assertThat(row.getText()).contains("Методист ИМЦ", "Турочак", "включён");
        assertThat(mainText()).contains("Администратор");
        screenshot("40-admin-users");

        // The new user signs in with it and must set their own password first.
        browser.manage().deleteAllCookies();
        signIn(username, oneTime);
        assertThat(browser.getCurrentUrl()).endsWith("/account/password");
        browser.findElement(By.id("currentPassword")).sendKeys(oneTime);
        browser.findElement(By.id("newPassword")).sendKeys("browser-own-password-1");
        browser.findElement(By.id("repeatPassword")).sendKeys("browser-own-password-1");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/start"));
        open("/mentoring");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Наставничество");
        Cookie session = browser.manage().getCookieNamed("JSESSIONID");

        // The administrator disables the user; the user's next page is the sign-in page.
        browser.manage().deleteAllCookies();
        signIn("admin", ADMIN_PASSWORD);
        open(userPage.substring(baseUrl().length()));
        browser.findElement(By.id("enabled")).click();
        browser.findElement(By.cssSelector("main form.card button[type=submit]")).click();
        assertThat(find(By.cssSelector(".notice")).getText()).contains("отключена");
        assertThat(browser.findElement(By.id("enabled")).isSelected()).isFalse();
        open("/admin/users");
        assertThat(find(By.cssSelector("tr[data-username='" + username + "']")).getText()).contains("отключён");

        browser.manage().deleteAllCookies();
        open("/login");
        browser.manage().addCookie(session);
        open("/mentoring");
        assertThat(browser.getCurrentUrl()).contains("/login");
        assertThat(mainText()).contains("Сеанс завершён");
    }

    @Test
    void aResetPasswordIsShownOnceAndEndsTheUsersSessions() {
        Api victim = user("browser-reset-victim", List.of("IMC_STAFF"), List.of("turochak"));
        assertThat(victim.get("/api/v1/session").status()).isEqualTo(200);
        signIn("admin", ADMIN_PASSWORD);
        open("/admin/users/" + userId("browser-reset-victim"));
        browser.findElement(By.id("password-reset")).click();
        browser.switchTo().alert().accept();
        String oneTime = find(By.id("one-time-password")).getText();
        assertThat(oneTime).hasSize(16);
        assertThat(victim.get("/api/v1/mentoring/runs?jurisdiction=turochak").status()).isEqualTo(401);
        assertThat(Api.browser(baseUrl()).login("browser-reset-victim", oneTime).status()).isEqualTo(200);
        // Set the usual password back for the other tests of this run.
        sql("UPDATE app_user SET password_change_required = FALSE WHERE username = ?", "browser-reset-victim");
        assertThat(admin.post("/api/v1/admin/users/" + userId("browser-reset-victim") + "/password",
                Map.of("password", PASSWORD)).status()).isEqualTo(200);
    }

    @Test
    void anApiKeysSecretIsShownOnceThenOnlyItsPrefixAndARevokedKeyIsRefused() {
        String name = "Браузерная система " + UUID.randomUUID().toString().substring(0, 8);
        signIn("admin", ADMIN_PASSWORD);
        open("/admin/api-keys");
        browser.findElement(By.cssSelector("main form.card button[type=submit]")).click();
        assertThat(find(By.id("name-error")).getText()).contains("Укажите");
        assertThat(find(By.id("scopes-error")).getText()).contains("хотя бы одно");
        consoleErrors(); // the 400 of the form shown again

        browser.findElement(By.id("name")).sendKeys(name);
        browser.findElement(By.id("scope-ELIGIBILITY")).click();
        browser.findElement(By.id("jurisdiction-turochak")).click();
        browser.findElement(By.cssSelector("main form.card button[type=submit]")).click();
        String secret = find(By.id("new-secret")).getText();
        assertThat(secret).startsWith("dk_");
        assertThat(mainText()).contains("Скопируйте ключ сейчас");
        Api system = Api.withKey(baseUrl(), secret);
        assertThat(system.post("/api/v1/eligibility/decisions", "{}").status()).isEqualTo(400);

        open("/admin/api-keys");
        assertThat(browser.findElements(By.id("new-secret"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain(secret);
        WebElement row = find(By.cssSelector("tr[data-name='" + name + "']"));
        assertThat(row.getText()).contains("Включение в методический актив", "Турочак", "действует");
        assertThat(row.findElement(By.cssSelector("code.key-prefix")).getText()).hasSize(16);
        screenshot("41-admin-api-keys");

        row.findElement(By.cssSelector("button.revoke-key")).click();
        browser.switchTo().alert().accept();
        assertThat(find(By.cssSelector(".notice")).getText()).contains("отозван");
        assertThat(find(By.cssSelector("tr[data-name='" + name + "']")).getText()).contains("отозван");
        assertThat(system.post("/api/v1/eligibility/decisions", "{}").status()).isEqualTo(401);
    }

    @Test
    void theAccessLogListsTheReadsOfACandidate() {
        Api.Response candidate = api.post("/api/v1/candidates", Map.of("jurisdiction", "turochak",
                "candidate", Profile.qualifiedTeacher("Журналова Ирина Петровна").build()));
        assertThat(candidate.status()).as(candidate.toString()).isEqualTo(201);
        String id = candidate.json().get("id").asString();
        assertThat(api.get("/api/v1/candidates/" + id).status()).isEqualTo(200);

        signIn("admin", ADMIN_PASSWORD);
        open("/admin/access-log");
        assertThat(find(By.id("access-log")).getText()).contains("просмотр");
        browser.findElement(By.id("recordId")).sendKeys(id);
        browser.findElement(By.cssSelector("main form.filters button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("recordId=" + id));
        String log = find(By.id("access-log")).getText();
        assertThat(log).contains("e2e-methodist", "просмотр", "кандидат в актив", id, "Турочак");
        assertThat(browser.findElements(By.cssSelector("#access-log tbody tr"))).allSatisfy(r -> assertThat(r.getText()).contains(id));
        screenshot("42-access-log");

        open("/admin/access-log?recordId=not-an-id");
        assertThat(find(By.id("recordId-error")).getText()).contains("Идентификатор записи");
        consoleErrors(); // a 400
    }

    @Test
    void anImcMethodistCannotOpenTheAdministratorsPages() {
        signInAs("browser-not-admin", List.of("IMC_STAFF"), List.of("turochak"));
        for (String page : List.of("/admin/users", "/admin/api-keys", "/admin/access-log")) {
            open(page);
            assertThat(browser.findElement(By.tagName("h1")).getText()).as(page).isEqualTo("Доступ запрещён");
        }
        consoleErrors();
    }
}
