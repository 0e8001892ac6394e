package ru.edu.decisions.tests.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import ru.edu.decisions.tests.support.Api;
import ru.edu.decisions.tests.support.BrowserTest;
import ru.edu.decisions.tests.support.Profile;

/** Teachers and their individual educational routes (ИОМ) in the workspace. */
class TeacherRouteBrowserTest extends BrowserTest {

    private static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 6);
    }

    /** A teacher of Ust-Ishim registered through the API; their id. */
    private String teacherThroughTheApi(String fullName) {
        Api.Response registered = api.post("/api/v1/teachers", Map.of("jurisdiction", "ust-ishim",
                "teacher", Profile.qualifiedTeacher(fullName).set("birthDate", "1979-05-20").build(),
                "school", Map.of("name", "МБОУ «Аксёновская СОШ»")));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return registered.json().get("id").asString();
    }

    @Test
    void aMethodistRegistersATeacherEntersDiagnosticsAndTracksTheRouteToCompletion() {
        String name = unique("Громова Светлана Петровна");
        signInAs("browser-teachers", List.of("IMC_STAFF"), List.of("ust-ishim"));

        open("/teachers");
        browser.findElement(By.linkText("Добавить педагога")).click();
        wait.until(ExpectedConditions.urlContains("/teachers/new"));
        // Nothing typed: the name is required, and what was chosen stays chosen.
        new Select(browser.findElement(By.id("position"))).selectByValue("TEACHER");
        browser.findElement(By.id("experience")).sendKeys("много");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertThat(find(By.id("fullName-error")).getText()).isEqualTo("Укажите фамилию, имя и отчество");
        assertThat(browser.findElement(By.id("experience-error")).getText()).isEqualTo("Укажите целое число лет");
        assertThat(new Select(browser.findElement(By.id("position"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("TEACHER");
        assertThat(browser.findElement(By.id("experience")).getAttribute("value")).isEqualTo("много");
        consoleErrors();

        browser.findElement(By.id("fullName")).sendKeys(name);
        WebElement experience = browser.findElement(By.id("experience"));
        experience.clear();
        experience.sendKeys("15");
        new Select(browser.findElement(By.id("school"))).selectByVisibleText("МБОУ «Аксёновская СОШ»");
        new Select(browser.findElement(By.id("qualificationCategory"))).selectByValue("FIRST");
        browser.findElement(By.id("positionTitle")).sendKeys("учитель математики");
        browser.findElement(By.id("subjects")).sendKeys("математика, информатика");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();

        assertThat(find(By.cssSelector(".notice")).getText()).contains(name);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(name);
        assertThat(mainText()).contains("МБОУ «Аксёновская СОШ»", "школа с низкими образовательными результатами",
                "Усть-Ишимский муниципальный район", "учитель математики", "математика, информатика", "Маршрутов пока нет");
        String teacherPage = browser.getCurrentUrl();

        open("/teachers?name=" + java.net.URLEncoder.encode(name.substring(0, 12).toUpperCase(), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(browser.findElement(By.id("teachers")).getText()).contains(name);
        screenshot("21-teachers");
        open("/teachers?name=" + UUID.randomUUID());
        assertThat(mainText()).contains("Никого не нашлось");

        browser.get(teacherPage);
        browser.findElement(By.linkText("Внести результаты диагностики")).click();
        wait.until(ExpectedConditions.urlContains("/diagnostics"));
        assertThat(browser.findElements(By.cssSelector("input.score"))).hasSize(12);
        assertThat(browser.findElement(By.cssSelector("label[for=score-FUNCTIONAL_LITERACY]")).getText())
                .isEqualTo("Формирование функциональной грамотности");
        browser.findElement(By.id("score-METHODICAL")).sendKeys("41");
        browser.findElement(By.id("score-DIGITAL")).sendKeys("70");
        screenshot("22-diagnostics");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();

        wait.until(ExpectedConditions.urlContains("/routes/"));
        assertThat(find(By.cssSelector(".notice")).getText()).startsWith("Маршрут составлен");
        assertThat(browser.findElement(By.id("route-status")).getText()).isEqualTo("действует");
        assertThat(browser.findElement(By.id("deficits")).getText()).contains("Методические", "41", "выраженный");
        List<WebElement> items = browser.findElements(By.cssSelector("#route-items tbody tr"));
        assertThat(items).isNotEmpty();
        assertThat(items.get(0).getText()).contains("запланировано");
        assertThat(browser.findElement(By.id("route-history")).getText()).contains("Маршрут: действует", "browser-teachers");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('deficits-heading').scrollIntoView()");
        screenshot("23-route");

        int count = items.size();
        for (int n = 1; n <= count; n++) {
            By row = By.id("item-" + n);
            submit(find(row).findElement(By.xpath(".//button[text()='Начато']")));
            assertThat(find(By.cssSelector(".notice")).getText()).isEqualTo("Мероприятие № " + n + " отмечено начатым");
            assertThat(browser.findElement(row).getText()).contains("начато");
            if (n == 1) {
                // Done without evidence: the message is beside the field of that item.
                submit(browser.findElement(row).findElement(By.xpath(".//button[text()='Выполнено']")));
                assertThat(find(By.id("evidence-1-error")).getText()).isEqualTo("Укажите подтверждение выполнения");
                consoleErrors();
            }
            browser.findElement(By.id("evidence-" + n)).sendKeys("удостоверение № " + n);
            submit(browser.findElement(row).findElement(By.xpath(".//button[text()='Выполнено']")));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice")));
            assertThat(browser.findElement(row).getText()).contains("выполнено", "удостоверение № " + n);
        }
        assertThat(find(By.cssSelector(".notice")).getText()).isEqualTo("Все мероприятия выполнены — маршрут завершён");
        assertThat(browser.findElement(By.id("route-status")).getText()).isEqualTo("завершён");
        assertThat(browser.findElements(By.cssSelector("#route-items button"))).isEmpty();
        assertThat(browser.findElement(By.id("route-history")).getText()).contains("Маршрут: завершён");

        browser.get(teacherPage);
        assertThat(browser.findElement(By.id("routes")).getText()).contains("завершён");
    }

    @Test
    void wrongDiagnosticsScoresAreExplainedBesideTheirFieldsAndWhatWasTypedIsKept() {
        String teacher = teacherThroughTheApi(unique("Ошибкина Мария"));
        signInAs("browser-diagnostics", List.of("IMC_STAFF"), List.of("ust-ishim"));
        open("/teachers/" + teacher + "/diagnostics");
        browser.findElement(By.id("score-SUBJECT")).sendKeys("55");
        browser.findElement(By.id("score-METHODICAL")).sendKeys("150");
        browser.findElement(By.id("score-DIGITAL")).sendKeys("много");
        browser.findElement(By.id("distanceOnly")).click();
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();

        assertThat(find(By.id("score-METHODICAL-error")).getText()).isEqualTo("Балл должен быть от 0 до 100, указано 150");
        assertThat(browser.findElement(By.id("score-DIGITAL-error")).getText()).isEqualTo("Балл — целое число от 0 до 100");
        assertThat(browser.findElements(By.id("score-SUBJECT-error"))).isEmpty();
        assertThat(browser.findElement(By.id("score-SUBJECT")).getAttribute("value")).isEqualTo("55");
        assertThat(browser.findElement(By.id("score-METHODICAL")).getAttribute("value")).isEqualTo("150");
        assertThat(browser.findElement(By.id("score-DIGITAL")).getAttribute("value")).isEqualTo("много");
        assertThat(browser.findElement(By.id("score-METHODICAL")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("distanceOnly")).isSelected()).isTrue();
        assertThat(browser.getCurrentUrl()).endsWith("/diagnostics");
        consoleErrors();
        assertThat(api.get("/api/v1/teachers/" + teacher + "/routes").json().size()).isZero();
    }

    @Test
    void theRouteIsPrintedOnOneA4PageWithSignatureLines() throws Exception {
        String name = unique("Печатникова Ирина Олеговна");
        String teacher = teacherThroughTheApi(name);
        Api.Response route = api.post("/api/v1/teachers/" + teacher + "/diagnostics", Map.of(
                "diagnostics", Map.of("date", "2026-10-01", "scores", Map.of("METHODICAL", 41, "DIGITAL", 55))));
        assertThat(route.status()).as(route.toString()).isEqualTo(201);
        int items = route.json().get("items").size();
        assertThat(items).isGreaterThan(1);
        signInAs("browser-print", List.of("IMC_STAFF"), List.of("ust-ishim"));

        open("/teachers/" + teacher + "/routes/" + route.json().get("id").asString());
        browser.findElement(By.linkText("Версия для печати")).click();
        wait.until(ExpectedConditions.urlContains("/print"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Индивидуальный образовательный маршрут педагога");
        assertThat(mainText()).contains(name, "МБОУ «Аксёновская СОШ»", "01.10.2026", "Педагог", "Методист ИМЦ",
                "Руководитель ИМЦ", "Дата", "Итого");
        assertThat(browser.findElements(By.cssSelector(".print-items tbody tr"))).hasSize(items);
        assertThat(browser.findElement(By.cssSelector("button[data-print]")).getText()).isEqualTo("Печать");
        screenshot("24-route-print");

        // As printed on A4 (180 mm between the margins): nothing sticks out to the right; a picture of it.
        ChromeDriver chrome = (ChromeDriver) browser;
        try {
            chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
            chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 680, "height", 1400, "deviceScaleFactor", 1, "mobile", false));
            Object overflow = chrome.executeScript("var sheet = document.querySelector('.print-sheet');"
                    + "return Math.max(sheet.scrollWidth, document.querySelector('.print-items').getBoundingClientRect().right)"
                    + " - document.documentElement.clientWidth;");
            assertThat(((Number) overflow).doubleValue()).as("pixels beyond the A4 width").isLessThanOrEqualTo(0);
            screenshot("24-route-print-a4");
        } finally {
            chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }

        PrintOptions options = new PrintOptions();
        options.setPageSize(new PageSize(29.7, 21.0));
        options.setBackground(false);
        Pdf pdf = ((PrintsPage) browser).print(options);
        byte[] bytes = Base64.getDecoder().decode(pdf.getContent());
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve("24-route-print.pdf"), bytes);
        assertThat(pages(bytes)).as("pages of the printed route").isEqualTo(1);
    }

    /** The number of pages of a PDF as Chromium writes it (its page tree's /Count). */
    private static int pages(byte[] pdf) {
        String text = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1);
        Matcher pagesNode = Pattern.compile("/Type\\s*/Pages\\b[^>]*?/Count\\s+(\\d+)|/Count\\s+(\\d+)[^>]*?/Type\\s*/Pages\\b")
                .matcher(text);
        if (pagesNode.find()) {
            return Integer.parseInt(pagesNode.group(1) != null ? pagesNode.group(1) : pagesNode.group(2));
        }
        Matcher page = Pattern.compile("/Type\\s*/Page\\b(?!s)").matcher(text);
        int count = 0;
        while (page.find()) {
            count++;
        }
        return count;
    }

    /**
     * Clicks a button that submits a form by a full page load and waits until the page it was on is gone, so that what
     * the test finds next is on the answer page, never on the page before it (whose notice is visible too).
     */
    private void submit(WebElement button) {
        WebElement page = browser.findElement(By.tagName("html"));
        button.click();
        wait.until(ExpectedConditions.stalenessOf(page));
    }
}
