package ru.edu.decisions.tests.browser;

import static org.assertj.core.api.Assertions.assertThat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import ru.edu.decisions.tests.support.Api;
import ru.edu.decisions.tests.support.BrowserTest;
import ru.edu.decisions.tests.support.Profile;
import tools.jackson.databind.JsonNode;

/**
 * The IMC's mentoring pages: a member's mentor offer set on its page, an assignment run followed on the task page,
 * a run's pairs with their reasons confirmed and ended, a refusal shown on the run page, the mentee left without a
 * mentor with the reasons.
 */
class MentoringBrowserTest extends BrowserTest {

    @Test
    void aMethodistSetsAMentorsOfferRunsAnAssignmentAndConfirmsAndEndsPairs() {
        String municipality = "Турочакский район, участок " + UUID.randomUUID();
        String first = member("Первая Наставница Ольга", municipality);
        String second = member("Вторая Наставница Лидия", municipality);
        assertThat(api.put("/api/v1/mentoring/mentors/turochak/" + first,
                Map.of("consent", true, "capacity", 1, "strengths", List.of("METHODICAL"))).status()).isEqualTo(200);
        String lowA = teacher("Низкова Анна Павловна", municipality, "LOW_RESULTS");
        String lowB = teacher("Низкова Белла Павловна", municipality, "LOW_RESULTS");
        String difficult = teacher("Трудова Вера Павловна", municipality, "DIFFICULT_SOCIAL");

        signInAs("browser-mentoring", List.of("IMC_STAFF"), List.of("turochak"));
        open("/mentoring");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Наставничество");
        WebElement row = find(By.id("mentor-" + second));
        assertThat(row.getText()).contains("Вторая Наставница Лидия", "не спрашивали");
        assertThat(find(By.id("mentor-" + first)).getText()).contains("согласен", "методические", "0 / 1");

        // The second member's offer, set on its page: a wrong capacity is refused beside the field, the rest kept.
        row.findElement(By.linkText("Изменить")).click();
        wait.until(ExpectedConditions.urlContains("/mentoring/mentors/" + second));
        browser.findElement(By.id("consent-yes")).click();
        browser.findElement(By.id("capacity")).sendKeys("-3");
        browser.findElement(By.id("strength-SUBJECT")).click();
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertThat(find(By.id("capacity-error")).getText()).contains("от 0 до 1000");
        assertThat(browser.findElement(By.id("capacity")).getAttribute("value")).isEqualTo("-3");
        assertThat(browser.findElement(By.id("consent-yes")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("strength-SUBJECT")).isSelected()).isTrue();
        consoleErrors(); // the 400 of the form shown again
        browser.findElement(By.id("capacity")).clear();
        browser.findElement(By.id("capacity")).sendKeys("1");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlMatches(".*/mentoring$"));
        assertThat(find(By.cssSelector(".notice")).getText()).isEqualTo("Сведения о наставнике сохранены");
        assertThat(find(By.id("mentor-" + second)).getText()).contains("согласен", "предметные", "0 / 1");
        screenshot("30-mentoring");

        // The run: the task page, then the run's page.
        browser.findElement(By.id("run-assignment")).click();
        wait.until(ExpectedConditions.urlContains("/mentoring/runs/"));
        String runId = browser.getCurrentUrl().replaceAll(".*/mentoring/runs/([0-9a-f-]+).*", "$1");
        assertThat(browser.getTitle()).contains("Подбор наставников");
        JsonNode run = api.get("/api/v1/mentoring/runs/" + runId).json();
        JsonNode pairA = pairOf(run, lowA);
        JsonNode pairB = pairOf(run, lowB);

        // A pair and its reasons with their codes; a code that is not a clause of the regulation (LOW_RESULTS names
        // the school's flag) is shown, not linked to a place the regulation text does not have.
        WebElement a = find(By.id("pair-" + pairA.get("id").asString()));
        assertThat(a.getText()).contains("Низкова Анна Павловна", "предложена", "LOW_RESULTS");
        assertThat(a.findElements(By.xpath(".//a[code='LOW_RESULTS']"))).isEmpty();
        // The mentee nobody could take, with the reasons.
        assertThat(find(By.id("unassigned")).getText()).contains("Трудова Вера Павловна", "CAPACITY");
        assertThat(run.get("unassigned").toString()).contains(difficult);
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", a);
        screenshot("31-mentoring-run");

        // The mentor of pair B withdraws consent: confirming it is refused on the run page, saying why.
        String mentorB = pairB.get("mentorMemberId").asString();
        assertThat(api.put("/api/v1/mentoring/mentors/turochak/" + mentorB, Map.of("consent", false)).status()).isEqualTo(200);
        find(By.id("pair-" + pairB.get("id").asString())).findElement(By.cssSelector("button.confirm-pair")).click();
        assertThat(find(By.id("refusal")).getText()).contains("не дал согласия");
        assertThat(browser.getCurrentUrl()).contains("/mentoring/runs/" + runId);

        // Pair A is confirmed.
        find(By.id("pair-" + pairA.get("id").asString())).findElement(By.cssSelector("button.confirm-pair")).click();
        assertThat(find(By.cssSelector(".notice")).getText()).isEqualTo("Пара подтверждена");
        assertThat(find(By.id("pair-" + pairA.get("id").asString())).getText()).contains("подтверждена");
        assertThat(find(By.id("pair-" + pairA.get("id").asString())).getAttribute("data-status")).isEqualTo("CONFIRMED");

        // Pair B is ended: a reason is required.
        By pairBBy = By.id("pair-" + pairB.get("id").asString());
        find(pairBBy).findElement(By.cssSelector("button.end-pair")).click();
        assertThat(find(By.id("reason-error-" + pairB.get("id").asString())).getText()).isEqualTo("Укажите причину завершения пары");
        find(pairBBy).findElement(By.tagName("textarea")).sendKeys("наставник отказался");
        find(pairBBy).findElement(By.cssSelector("button.end-pair")).click();
        assertThat(find(By.cssSelector(".notice")).getText()).isEqualTo("Пара завершена");
        assertThat(find(pairBBy).getAttribute("data-status")).isEqualTo("ENDED");
        assertThat(find(pairBBy).getText()).contains("завершена", "наставник отказался");

        // The list shows the run, and the confirmed pair fills the mentor's place.
        open("/mentoring");
        assertThat(find(By.id("runs")).getText()).contains("browser-mentoring");
        String mentorA = pairA.get("mentorMemberId").asString();
        assertThat(find(By.id("mentor-" + mentorA)).getText()).contains("1 / 1");
    }

    @Test
    void withoutRunsAndMembersThePageSaysWhatToDo() {
        // Kuznetsk: nobody in this suite includes members or runs assignments there.
        signInAs("browser-mentoring-empty", List.of("IMC_STAFF"), List.of("kuznetsk"));
        open("/mentoring");
        String text = mainText();
        if (list(api.get("/api/v1/registry/kuznetsk/members?status=ACTIVE").json().get("items")).isEmpty()) {
            assertThat(text).contains("В реестре методического актива территории пока нет членов", "включите кандидатов");
        }
        if (list(api.get("/api/v1/mentoring/runs?jurisdiction=kuznetsk").json()).isEmpty()) {
            assertThat(text).contains("Подборов ещё не было", "Подобрать наставников");
        }
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private static JsonNode pairOf(JsonNode run, String mentee) {
        return list(run.get("pairs")).stream().filter(p -> p.get("menteeTeacherId").asString().equals(mentee))
                .findFirst().orElseThrow(() -> new AssertionError("no pair for " + mentee + " in " + run));
    }

    private String teacher(String name, String municipality, String flag) {
        Api.Response created = api.post("/api/v1/teachers", Map.of("jurisdiction", "turochak",
                "teacher", Profile.qualifiedTeacher(name).set("birthDate", "1980-02-02").build(), "municipality", municipality,
                "school", Map.of("name", "МБОУ «Школа " + name + "»", "flags", List.of(flag))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    /** An asset member of Turochak working in the given municipality (as MentoringApiTest makes them). */
    private String member(String name, String municipality) {
        String externalId = "member-" + UUID.randomUUID();
        Map<String, Object> profile = Profile.qualifiedTeacher(name).set("id", externalId).set("stableHighStudentResults", false)
                .membership("SUBJECT_ASSOCIATION", "HEAD", "MUNICIPAL", "РМО учителей математики").build();
        Api.Response candidate = api.post("/api/v1/candidates", Map.of("jurisdiction", "turochak", "candidate", profile));
        assertThat(candidate.json().get("latestDecision").get("verdict").asString()).as(candidate.toString()).isEqualTo("ELIGIBLE");
        Api.Response included = api.post("/api/v1/registry/turochak/members", Map.of("candidateId", candidate.json().get("id").asString()));
        assertThat(included.status()).as(included.toString()).isEqualTo(201);
        assertThat(api.post("/api/v1/teachers", Map.of("jurisdiction", "turochak", "teacher", profile,
                "municipality", municipality)).status()).isEqualTo(201);
        return included.json().get("id").asString();
    }
}
