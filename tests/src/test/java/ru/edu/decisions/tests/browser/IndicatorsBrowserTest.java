package ru.edu.decisions.tests.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import ru.edu.decisions.tests.support.Api;
import ru.edu.decisions.tests.support.BrowserTest;

/** The indicators of the methodological service in the workspace: the dashboard, its charts, the drill-down, the entries. */
class IndicatorsBrowserTest extends BrowserTest {

    private String teacher(Api staff, String name, String school, String position) {
        Map<String, Object> employment = new LinkedHashMap<>();
        employment.put("organization", school);
        employment.put("position", position);
        employment.put("pedagogicalExperienceYears", 7);
        Api.Response created = staff.post("/api/v1/teachers", Map.of("jurisdiction", "kuznetsk",
                "teacher", Map.of("fullName", name, "birthDate", "1984-02-02", "employment", employment), "school", Map.of("name", school)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    /** A date field set as the browser's date picker would (its typing order depends on the browser's locale). */
    private void date(String id, String iso) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id(id)), iso);
    }

    @Test
    void aMethodistReadsTheIndicatorsChartsAndOpensThePeopleAFigureCounts() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Api staff = user("browser-indicators", List.of("IMC_STAFF"), List.of("kuznetsk"));
        String diagnosed = "Показателева Мария " + tag;
        String id = teacher(staff, diagnosed, "МБОУ СОШ № 7 г. Кузнецка", "TEACHER");
        teacher(staff, "Показателев Олег " + tag, "МБОУ СОШ № 7 г. Кузнецка", "TEACHER");
        teacher(staff, "Показателева Нина " + tag, "МБОУ СОШ № 8 г. Кузнецка", "DEPUTY_HEAD");
        assertThat(staff.post("/api/v1/teachers/" + id + "/diagnostics", Map.of("asOf", "2026-10-05",
                "diagnostics", Map.of("date", "2026-10-05", "scores", Map.of("METHODICAL", 30, "DIGITAL", 60)))).status()).isEqualTo(201);
        signIn("browser-indicators", PASSWORD);

        // The menu leads to the indicators.
        browser.findElement(By.linkText("Показатели")).click();
        wait.until(ExpectedConditions.urlContains("/indicators"));
        List<WebElement> rows = browser.findElements(By.cssSelector("#indicators tbody tr"));
        assertThat(rows).hasSize(14);
        WebElement diagnostics = browser.findElement(By.cssSelector("#indicators tr[data-code='kuznetsk:4.1.2.1']"));
        assertThat(diagnostics.getText()).contains("Доля педагогических работников, прошедших диагностику профессиональных компетенций");
        assertThat(diagnostics.findElement(By.linkText("п. 4.1.2")).getAttribute("href")).endsWith("/regulations/kuznetsk#clause-4.1.2");
        // The period: the current school year by default, with labelled fields.
        assertThat(browser.findElement(By.cssSelector("label[for=from]")).getText()).isEqualTo("Начало периода");
        assertThat(browser.findElement(By.id("from")).getAttribute("value")).endsWith("-09-01");
        // Both charts are drawn (ECharts from its webjar, data from the page and the API).
        wait.until(d -> !d.findElements(By.cssSelector("#trend-chart canvas")).isEmpty());
        wait.until(d -> !d.findElements(By.cssSelector("#schools-chart canvas")).isEmpty());
        assertThat(browser.findElement(By.id("trend-chart")).getAttribute("aria-label")).contains("сен 2026").contains("Доля педагогических работников, прошедших диагностику");
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        screenshot("60-indicators");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('trend-title').scrollIntoView()");
        screenshot("61-indicators-charts");

        // Keyboard: the numerator of 4.1.2.1 is a link; Enter opens who it counts.
        WebElement numerator = diagnostics.findElements(By.cssSelector("a.figure-link")).get(0);
        assertThat(numerator.getAttribute("aria-label")).startsWith("Числитель").contains("педагогический работник, прошедший диагностику");
        numerator.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("/indicators/subjects"));
        assertThat(find(By.tagName("h1")).getText()).isEqualTo("Числитель показателя");
        assertThat(mainText()).contains("педагогический работник, прошедший диагностику");
        String listed = browser.findElement(By.id("indicator-subjects")).getText();
        assertThat(listed).contains(diagnosed).doesNotContain("Показателев Олег " + tag).doesNotContain("Показателева Нина " + tag);
        screenshot("62-indicator-people");
        browser.findElement(By.linkText("Знаменатель")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Знаменатель показателя"));
        assertThat(browser.findElement(By.id("indicator-subjects")).getText()).contains(diagnosed, "Показателев Олег " + tag)
                .doesNotContain("Показателева Нина " + tag);

        // Entered values: a wrong survey is explained by field; a right road map is recorded with who entered it.
        open("/indicators/entries");
        date("surveyDate", "2026-12-01");
        browser.findElement(By.id("surveyResult")).sendKeys("больше половины");
        browser.findElement(By.id("surveyRespondents")).sendKeys("40");
        browser.findElement(By.id("surveyRespondents")).submit();
        assertThat(find(By.cssSelector(".error-summary")).getText()).contains("Укажите результат опроса числом");
        consoleErrors();
        browser.findElement(By.id("roadMapNumber")).sendKeys("12-ОД-" + tag);
        date("roadMapDate", "2026-08-28");
        browser.findElement(By.id("roadMapNumber")).submit();
        assertThat(find(By.cssSelector(".notice")).getText()).isEqualTo("Дорожная карта внесена");
        assertThat(browser.findElement(By.id("road-maps")).getText()).contains("№ 12-ОД-" + tag + " от 28.08.2026")
                .contains("browser-indicators");
        screenshot("63-indicator-entries");

        // The printable report.
        open("/indicators/report");
        assertThat(find(By.tagName("h1")).getText())
                .isEqualTo("Отчёт о показателях эффективности деятельности муниципальной методической службы");
        assertThat(browser.findElement(By.id("indicator-report")).getText()).contains("4.1.1.1").contains("да");
    }
}
