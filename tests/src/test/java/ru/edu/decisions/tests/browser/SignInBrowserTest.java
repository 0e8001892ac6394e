package ru.edu.decisions.tests.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import ru.edu.decisions.tests.support.BrowserTest;

/** Signing in and out of the workspace, the one-time password, and who may open which page. */
class SignInBrowserTest extends BrowserTest {

    @Test
    void theRootAddressShowsARussianSignInPageAndAWrongPasswordIsRefused() throws Exception {
        open("/");
        assertThat(browser.getTitle()).contains("Вход");
        assertThat(browser.findElement(By.cssSelector("label[for=username]")).getText()).isEqualTo("Имя пользователя");
        assertThat(browser.findElement(By.cssSelector("label[for=password]")).getText()).isEqualTo("Пароль");
        screenshot("01-sign-in");

        user("browser-wrong-password", List.of("IMC_STAFF"), List.of("ust-ishim"));
        browser.findElement(By.id("username")).sendKeys("browser-wrong-password");
        browser.findElement(By.id("password")).sendKeys("not-the-password");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();

        assertThat(find(By.cssSelector(".alert-error")).getText()).isEqualTo("Неверное имя пользователя или пароль");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        consoleErrors();
    }

    @Test
    void anImcMethodistSignsInToHerStartPageSwitchesJurisdictionAndSignsOut() {
        signInAs("browser-methodist", List.of("IMC_STAFF"), List.of("ust-ishim", "turochak"));

        assertThat(browser.getCurrentUrl()).endsWith("/start");
        assertThat(find(By.cssSelector(".site-header .user")).getText()).isEqualTo("browser-methodist");
        assertThat(mainText()).contains("Кандидаты в актив", "Реестр методического актива", "Педагоги и маршруты", "Наставничество");
        screenshot("02-start-imc");

        String before = browser.findElement(By.cssSelector("#jurisdiction-switch option:checked")).getText();
        By other = By.xpath("//select[@id='jurisdiction-switch']/option[not(@selected)]");
        String target = browser.findElement(other).getText();
        browser.findElement(other).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#jurisdiction-switch option:checked"), target));
        assertThat(target).isNotEqualTo(before);
        assertThat(mainText()).contains("Территория: " + target);

        browser.findElement(By.cssSelector(".session form.inline button")).click();
        assertThat(find(By.cssSelector(".alert-error")).getText()).isEqualTo("Вы вышли из системы");
        open("/start");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
    }

    @Test
    void anExpiredSessionBringsTheSignInPageBackWithAMessage() {
        signInAs("browser-expiry", List.of("IMC_STAFF"), List.of("ust-ishim"));
        // What the browser holds after the server forgot the session (timeout, restart): an id nobody knows.
        browser.manage().deleteCookieNamed("JSESSIONID");
        browser.manage().addCookie(new org.openqa.selenium.Cookie("JSESSIONID", "0123456789ABCDEF0123456789ABCDEF", "/"));

        open("/start");

        assertThat(browser.getCurrentUrl()).endsWith("/login");
        assertThat(find(By.cssSelector(".alert-error")).getText()).isEqualTo("Сеанс истёк: войдите снова");
        signIn("browser-expiry", PASSWORD);
        assertThat(browser.getCurrentUrl()).endsWith("/start");
    }

    @Test
    void aPersonSignedInWithAOneTimePasswordMustSetTheirOwnBeforeAnythingElse() {
        user("browser-one-time", List.of("ADMIN"), List.of("*"));
        // The state the first start leaves the generated administrator in (BootstrapAccountsTest checks that part).
        sql("UPDATE app_user SET password_change_required = TRUE WHERE username = ?", "browser-one-time");

        signIn("browser-one-time", PASSWORD);
        assertThat(browser.getCurrentUrl()).endsWith("/account/password");
        assertThat(mainText()).contains("одноразовым паролем");
        screenshot("03-one-time-password");
        open("/admin/users");
        assertThat(browser.getCurrentUrl()).endsWith("/account/password");

        browser.findElement(By.id("currentPassword")).sendKeys(PASSWORD);
        browser.findElement(By.id("newPassword")).sendKeys("my-own-password-1");
        browser.findElement(By.id("repeatPassword")).sendKeys("my-own-password-2");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertThat(find(By.id("repeatPassword-error")).getText()).isEqualTo("Пароли не совпадают");
        consoleErrors();

        browser.findElement(By.id("currentPassword")).sendKeys(PASSWORD);
        browser.findElement(By.id("newPassword")).sendKeys("my-own-password-1");
        browser.findElement(By.id("repeatPassword")).sendKeys("my-own-password-1");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/start"));
        assertThat(find(By.cssSelector(".notice")).getText()).isEqualTo("Пароль изменён");
        open("/admin/users");
        assertThat(browser.getCurrentUrl()).endsWith("/admin/users");
    }

    @Test
    void aPolicyEditorCannotOpenImcPagesAndAnUnknownPageIsRefused() {
        signInAs("browser-editor", List.of("POLICY_EDITOR"), List.of("ust-ishim"));
        assertThat(mainText()).contains("Правила территорий").doesNotContain("Кандидаты в актив");

        for (String page : List.of("/candidates", "/registry", "/teachers", "/mentoring", "/admin/users", "/no-such-page")) {
            open(page);
            assertThat(browser.findElement(By.tagName("h1")).getText()).as(page).isEqualTo("Доступ запрещён");
            assertThat(mainText()).as(page).contains("Код ошибки");
        }
        screenshot("04-forbidden");
        consoleErrors();
    }

    @Test
    void anIntegrationKeyOpensNoPage() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String page : List.of("/start", "/candidates", "/teachers", "/admin/users")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + page))
                    .header("X-API-Key", INTEGRATION_KEY).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(page).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElseThrow()).as(page).endsWith("/login");
        }
    }
}
