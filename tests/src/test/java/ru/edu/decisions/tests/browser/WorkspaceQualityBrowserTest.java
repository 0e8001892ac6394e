package ru.edu.decisions.tests.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import ru.edu.decisions.tests.support.Api;
import ru.edu.decisions.tests.support.BrowserTest;
import ru.edu.decisions.tests.support.Profile;

/**
 * What a person notices on every page of the workspace, checked on each of them: Russian (the page's language and
 * no English error words), a label for every field, nothing wider than the window at 1366×768 and on a tablet
 * (768×1024), and a keyboard path (the skip link, then the menu) — as an IMC methodist who is also the
 * administrator, so that every page can be opened.
 */
class WorkspaceQualityBrowserTest extends BrowserTest {

    @Test
    void everyPageIsRussianLabelledAndFitsALaptopAndATablet() {
        Api staff = user("quality-all", List.of("IMC_STAFF", "ADMIN"), List.of("*"));
        String candidate = staff.post("/api/v1/candidates", Map.of("jurisdiction", "ust-ishim", "candidate",
                Profile.qualifiedTeacher("Качествова Анна " + UUID.randomUUID()).achievement("WINNER", "MUNICIPAL").build()))
                .json().get("id").asString();
        Api.Response teacher = staff.post("/api/v1/teachers", Map.of("jurisdiction", "ust-ishim",
                "teacher", Profile.qualifiedTeacher("Качествов Иван " + UUID.randomUUID()).build(),
                "school", Map.of("name", "МБОУ «Аксёновская СОШ»")));
        String teacherId = teacher.json().get("id").asString();
        String route = staff.post("/api/v1/teachers/" + teacherId + "/diagnostics", Map.of("asOf", "2026-11-23",
                "diagnostics", Map.of("date", "2026-10-01", "scores", Map.of("METHODICAL", 30, "DIGITAL", 60))))
                .json().get("id").asString();
        signIn("quality-all", PASSWORD);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("jurisdiction-switch"))).selectByValue("ust-ishim");
        wait.until(d -> d.findElement(By.cssSelector("#jurisdiction-switch option:checked")).getAttribute("value").equals("ust-ishim"));

        List<String> pages = List.of("/start", "/account/password", "/candidates", "/candidates/new", "/candidates/imports",
                "/candidates/" + candidate, "/regulations/ust-ishim", "/registry", "/teachers", "/teachers/new",
                "/teachers/" + teacherId, "/teachers/" + teacherId + "/diagnostics",
                "/teachers/" + teacherId + "/routes/" + route, "/mentoring", "/admin/users", "/admin/users/new",
                "/admin/api-keys", "/admin/access-log");
        List<String> problems = new ArrayList<>();
        for (Dimension size : List.of(new Dimension(1366, 768), new Dimension(768, 1024))) {
            browser.manage().window().setSize(size);
            for (String page : pages) {
                open(page);
                problems.addAll(check(page, size));
            }
        }
        // The indicators: Kuznetsk's regulation sets them.
        browser.manage().window().setSize(new Dimension(1366, 768));
        open("/start");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("jurisdiction-switch"))).selectByValue("kuznetsk");
        wait.until(d -> d.findElement(By.cssSelector("#jurisdiction-switch option:checked")).getAttribute("value").equals("kuznetsk"));
        List<String> indicatorPages = List.of("/indicators", "/indicators/subjects?code=kuznetsk:4.1.2.1&part=DENOMINATOR",
                "/indicators/entries", "/indicators/snapshots", "/indicators/report", "/teachers/roster");
        for (Dimension size : List.of(new Dimension(1366, 768), new Dimension(768, 1024))) {
            browser.manage().window().setSize(size);
            for (String page : indicatorPages) {
                open(page);
                problems.addAll(check(page, size));
            }
        }
        browser.manage().window().setSize(new Dimension(1366, 768));
        assertThat(problems).isEmpty();
    }

    @Test
    void theKeyboardReachesTheContentAndTheMenu() {
        signInAs("quality-keyboard", List.of("IMC_STAFF"), List.of("ust-ishim"));
        open("/start");
        WebElement body = browser.findElement(By.tagName("body"));
        body.sendKeys(Keys.TAB);
        WebElement first = browser.switchTo().activeElement();
        assertThat(first.getText()).isEqualTo("Перейти к содержанию");
        assertThat(first.getCssValue("left")).isNotEqualTo("-999px");
        first.sendKeys(Keys.TAB);
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Методическая служба");
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Кандидаты");
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        wait.until(d -> d.getCurrentUrl().endsWith("/candidates"));
    }

    @SuppressWarnings("unchecked")
    private List<String> check(String page, Dimension size) {
        List<String> problems = new ArrayList<>();
        String where = page + " at " + size.width + "×" + size.height + ": ";
        JavascriptExecutor js = (JavascriptExecutor) browser;
        if (!"ru".equals(js.executeScript("return document.documentElement.lang"))) {
            problems.add(where + "the page's language is not ru");
        }
        String title = browser.getTitle();
        if (title == null || title.isBlank() || !title.matches(".*[А-Яа-яЁё].*")) {
            problems.add(where + "no Russian title");
        }
        String text = browser.findElement(By.tagName("body")).getText();
        for (String english : List.of("Whitelabel", "Exception", "Internal Server Error", "Forbidden", "Not Found", "null")) {
            if (text.contains(english)) {
                problems.add(where + "shows «" + english + "»");
            }
        }
        if (browser.findElements(By.tagName("h1")).isEmpty()) {
            problems.add(where + "no heading");
        }
        List<String> unlabelled = (List<String>) js.executeScript("""
                return Array.from(document.querySelectorAll('input, select, textarea'))
                  .filter(e => !['hidden', 'submit', 'button', 'reset'].includes(e.type))
                  .filter(e => e.offsetParent !== null)
                  .filter(e => e.labels.length === 0 && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby'))
                  .map(e => e.name || e.id || e.outerHTML.substring(0, 80));""");
        unlabelled.forEach(field -> problems.add(where + "field without a label: " + field));
        Number overflow = (Number) js.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        if (overflow.intValue() > 1) {
            Object widest = js.executeScript("const width = document.documentElement.clientWidth;"
                    + "const wide = Array.from(document.querySelectorAll('body *'))"
                    + "  .filter(e => e.getBoundingClientRect().right > width + 1"
                    + "    && !(e.parentElement && e.parentElement.closest('.table-wrap')));"
                    + "return wide.map(e => e.tagName + '.' + e.className + '#' + (e.id || '')"
                    + "  + ' ' + Math.round(e.getBoundingClientRect().width)).join(' > ');");
            problems.add(where + "wider than the window by " + overflow + " px (" + widest + ")");
        }
        return problems;
    }
}
