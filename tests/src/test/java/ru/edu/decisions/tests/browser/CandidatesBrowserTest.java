package ru.edu.decisions.tests.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import ru.edu.decisions.tests.support.Api;
import ru.edu.decisions.tests.support.BrowserTest;
import ru.edu.decisions.tests.support.Profile;

/**
 * The IMC's candidate pages: the nomination form with repeatable rows, validation beside the field, the explained
 * verdict with the regulation's clauses beside it, completing missing data, inclusion into the registry and the
 * list's filters.
 */
class CandidatesBrowserTest extends BrowserTest {

    private static final String METHODIST = "browser-candidates";

    private Api methodist() {
        return user(METHODIST, List.of("IMC_STAFF"), List.of("ust-ishim"));
    }

    private void signInMethodist() {
        signInAs(METHODIST, List.of("IMC_STAFF"), List.of("ust-ishim"));
    }

    private String submit(Profile profile) {
        Api.Response created = methodist().post("/api/v1/candidates",
                Map.of("jurisdiction", "ust-ishim", "asOf", "2026-11-23", "candidate", profile.build()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private void choose(String id, String value) {
        new Select(browser.findElement(By.id(id))).selectByValue(value);
    }

    /** Clicks a button that reloads the page and waits for the new page. */
    private void clickAndWait(By button) {
        WebElement element = browser.findElement(button);
        element.click();
        wait.until(ExpectedConditions.stalenessOf(element));
    }

    private String verdict() {
        return find(By.id("verdict")).getAttribute("data-verdict");
    }

    @Test
    void aMethodistSubmitsACandidateThroughTheFormAndReadsTheExplainedVerdict() {
        signInMethodist();
        open("/candidates");
        clickAndWait(By.linkText("Новый кандидат"));
        assertThat(browser.getTitle()).startsWith("Новый кандидат");

        type("fullName", "Формова Мария Петровна");
        type("birthDate", "14.03.1985");
        choose("education[0].level", "SECONDARY_VOCATIONAL");
        choose("education[0].pedagogical", "true");
        type("education[0].year", "2003");
        type("education[0].specialty", "Преподавание в начальных классах");
        clickAndWait(By.cssSelector("button[name=addRow][value=education]"));
        assertThat(browser.findElement(By.id("fullName")).getAttribute("value")).isEqualTo("Формова Мария Петровна");
        assertThat(browser.findElement(By.id("education[0].year")).getAttribute("value")).isEqualTo("2003");
        choose("education[1].level", "HIGHER");
        choose("education[1].pedagogical", "true");
        type("education[1].year", "2007");
        type("education[1].specialty", "Математика");
        type("education[1].institution", "ОмГПУ");

        clickAndWait(By.cssSelector("button[name=addRow][value=trainings]"));
        type("trainings[0].title", "Школа современного учителя. Математика");
        type("trainings[0].provider", "Академия Минпросвещения России");
        type("trainings[0].year", "2024");
        type("trainings[0].hours", "100");
        choose("trainings[0].kind", "QUALIFICATION_UPGRADE");
        choose("trainings[0].federalRegistry", "true");

        type("employment.organization", "МБОУ «Аксёновская СОШ»");
        choose("employment.organizationKind", "SCHOOL");
        choose("employment.position", "TEACHER");
        type("employment.positionTitle", "учитель математики");
        choose("employment.mainPlaceOfWork", "true");
        choose("employment.qualificationCategory", "HIGHEST");
        type("employment.pedagogicalExperienceYears", "15");
        type("employment.specialtyExperienceYears", "12");
        type("employment.subjects", "математика");

        clickAndWait(By.cssSelector("button[name=addRow][value=memberships]"));
        choose("memberships[0].kind", "GIA_COMMISSION");
        choose("memberships[0].role", "MEMBER");
        choose("memberships[0].level", "MUNICIPAL");
        type("memberships[0].title", "ОГЭ, математика");
        clickAndWait(By.cssSelector("button[name=addRow][value=assessments]"));
        choose("assessments[0].kind", "FIOKO_DIAGNOSTICS");
        choose("assessments[0].result", "PASSED");
        type("assessments[0].date", "10.04.2024");
        choose("stableHighStudentResults", "true");
        type("contacts.phone", "+7 900 000-00-00");
        type("contacts.email", "formova@example.ru");
        type("nomination.nominatedBy", "МБОУ «Аксёновская СОШ»");
        type("nomination.basis", "п. 3.2 пп. 3");
        type("asOf", "23.11.2026");
        assertThat(browser.findElement(By.id("memberships[0].title")).getAttribute("value")).isEqualTo("ОГЭ, математика");
        assertThat(browser.findElement(By.id("education[1].institution")).getAttribute("value")).isEqualTo("ОмГПУ");
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        screenshot("11-candidate-form");

        clickAndWait(By.id("save"));
        assertThat(browser.getCurrentUrl()).matches(".*/candidates/[0-9a-f-]{36}$");
        assertThat(verdict()).isEqualTo("ELIGIBLE");
        assertThat(find(By.cssSelector(".verdict-large")).getText()).contains("Включается");
        assertThat(find(By.cssSelector(".notice")).getText()).contains("Включается");
        WebElement reasons = browser.findElement(By.id("reasons"));
        assertThat(reasons.getText()).contains("ust-ishim:3.2.1", "ust-ishim:3.2.2", "ust-ishim:3.2.3", "выполнено");
        assertThat(browser.findElement(By.id("facts")).getText()).contains("ДА");
        assertThat(browser.findElement(By.id("history")).findElements(By.cssSelector("tbody tr"))).hasSize(1);
        assertThat(browser.findElement(By.id("profile")).getText()).contains("ОГЭ, математика", "14.03.1985");
        screenshot("12-candidate-verdict");

        clickAndWait(By.linkText("ust-ishim:3.2.1"));
        assertThat(browser.getCurrentUrl()).endsWith("/regulations/ust-ishim#clause-3.2.1");
        Object target = ((JavascriptExecutor) browser).executeScript("var t = document.querySelector(':target'); return t && t.id;");
        assertThat(target).isEqualTo("clause-3.2.1");
        assertThat(browser.findElement(By.id("clause-3.2.1")).getText()).contains("педагогические работники Усть-Ишимского МР");
        assertThat(mainText()).contains("Положение о муниципальном методическом активе", "№ 03/1");
        screenshot("13-regulation");
    }

    @Test
    void aFormWithErrorsComesBackWithWhatWasTypedAndRussianMessagesBesideTheFields() {
        signInMethodist();
        open("/candidates/new");
        type("fullName", "Ошибкина Ольга");
        type("birthDate", "31.02.1990");
        type("education[0].year", "abc");
        type("employment.specialtyExperienceYears", "200");
        type("contacts.email", "не-почта");
        clickAndWait(By.id("save"));

        assertThat(find(By.id("education[0].year-error")).getText()).isEqualTo("Введите целое число (или оставьте поле пустым, если неизвестно)");
        assertThat(browser.findElement(By.id("birthDate-error")).getText()).isEqualTo("Введите существующую дату в виде дд.мм.гггг");
        assertThat(browser.findElement(By.id("employment.specialtyExperienceYears-error")).getText()).containsPattern("[а-я]");
        assertThat(browser.findElement(By.id("contacts.email-error")).getText()).containsPattern("[а-я]");
        assertThat(browser.findElement(By.id("education[0].year")).getAttribute("value")).isEqualTo("abc");
        assertThat(browser.findElement(By.id("education[0].year")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("birthDate")).getAttribute("value")).isEqualTo("31.02.1990");
        assertThat(browser.findElement(By.id("fullName")).getAttribute("value")).isEqualTo("Ошибкина Ольга");
        assertThat(browser.findElement(By.id("error-summary")).getText()).contains("Образование, строка 1: год окончания");
        assertThat(consoleErrors()).as("the form comes back with 400").anySatisfy(e -> assertThat(e).contains("400"));
    }

    @Test
    void missingDataLinksToTheFieldOfTheEditFormAndCompletingItChangesTheVerdict() {
        Profile profile = Profile.qualifiedTeacher("Неполнова Нина " + UUID.randomUUID().toString().substring(0, 6))
                .achievement("WINNER", "MUNICIPAL");
        profile.employment("specialtyExperienceYears", null).employment("pedagogicalExperienceYears", null);
        String id = submit(profile);
        signInMethodist();
        open("/candidates/" + id);
        assertThat(verdict()).isEqualTo("INSUFFICIENT_DATA");
        WebElement link = find(By.cssSelector("#missing a[data-path='employment.specialtyExperienceYears']"));
        assertThat(link.getText()).isEqualTo("Основное место работы: стаж по специальности, лет");

        clickAndWait(By.cssSelector("#missing a[data-path='employment.specialtyExperienceYears']"));
        assertThat(browser.getCurrentUrl()).endsWith("/candidates/" + id + "/edit#employment.specialtyExperienceYears");
        Object target = ((JavascriptExecutor) browser).executeScript("var t = document.querySelector(':target'); return t && t.id;");
        assertThat(target).isEqualTo("employment.specialtyExperienceYears");
        assertThat(browser.findElement(By.id("employment.organization")).getAttribute("value")).isEqualTo("МБОУ «Аксёновская СОШ»");
        assertThat(browser.findElement(By.id("employment.pedagogicalExperienceYears")).getAttribute("value")).isEmpty();
        type("employment.specialtyExperienceYears", "12");
        clickAndWait(By.id("save"));

        assertThat(browser.getCurrentUrl()).endsWith("/candidates/" + id);
        assertThat(verdict()).isEqualTo("ELIGIBLE");
        assertThat(browser.findElement(By.id("history")).findElements(By.cssSelector("tbody tr"))).hasSize(2);
        assertThat(browser.findElements(By.id("missing"))).isEmpty();
    }

    @Test
    void anEligibleCandidateIsIncludedInTheRegistryAndANotEligibleOneGetsTheRefusal() {
        String eligible = submit(Profile.qualifiedTeacher("Реестрова Ирина " + UUID.randomUUID().toString().substring(0, 6))
                .achievement("WINNER", "MUNICIPAL"));
        String notEligible = submit(Profile.qualifiedTeacher("Отказова Лидия " + UUID.randomUUID().toString().substring(0, 6))
                .achievement("WINNER", "MUNICIPAL").employment("specialtyExperienceYears", 2));
        signInMethodist();

        open("/candidates/" + eligible);
        assertThat(verdict()).isEqualTo("ELIGIBLE");
        clickAndWait(By.xpath("//button[normalize-space()='Включить в реестр']"));
        assertThat(find(By.cssSelector(".notice")).getText()).isEqualTo("Кандидат включён в реестр методического актива");
        assertThat(browser.findElements(By.id("refusal"))).isEmpty();

        open("/candidates/" + notEligible);
        assertThat(verdict()).isEqualTo("NOT_ELIGIBLE");
        clickAndWait(By.xpath("//button[normalize-space()='Включить в реестр']"));
        WebElement refusal = find(By.id("refusal"));
        assertThat(refusal.getAttribute("role")).isEqualTo("alert");
        assertThat(refusal.getText()).contains("В реестр не включён", "ust-ishim:3.2");
        assertThat(browser.getCurrentUrl()).endsWith("/candidates/" + notEligible);

        clickAndWait(By.xpath("//button[normalize-space()='Решить заново']"));
        assertThat(find(By.cssSelector(".notice")).getText()).contains("Не включается");
        assertThat(browser.findElement(By.id("history")).findElements(By.cssSelector("tbody tr"))).hasSize(2);
    }

    @Test
    void theListIsFilteredByNameSchoolAndVerdict() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        submit(Profile.qualifiedTeacher("Фильтрова Анна " + tag).achievement("WINNER", "MUNICIPAL")
                .employment("organization", "МБОУ «Фильтровая СОШ " + tag + "»"));
        submit(Profile.qualifiedTeacher("Фильтров Борис " + tag).employment("organization", "МБОУ «Фильтровая СОШ " + tag + "»"));
        submit(Profile.qualifiedTeacher("Сеткина Вера " + tag).achievement("WINNER", "MUNICIPAL")
                .employment("organization", "МБОУ «Другая ООШ " + tag + "»"));
        signInMethodist();
        open("/candidates");
        type("filter-school", "фильтровая сош " + tag);
        clickAndWait(By.xpath("//button[normalize-space()='Найти']"));
        assertThat(rows()).containsExactlyInAnyOrder("Фильтрова Анна " + tag, "Фильтров Борис " + tag);
        screenshot("10-candidates-list");

        new Select(browser.findElement(By.id("filter-verdict"))).selectByVisibleText("Включается");
        clickAndWait(By.xpath("//button[normalize-space()='Найти']"));
        assertThat(rows()).containsExactly("Фильтрова Анна " + tag);
        assertThat(browser.findElement(By.cssSelector("#candidates tbody tr")).getText()).contains("Включается");

        type("filter-school", "");
        type("filter-q", "СЕТКИНА вера " + tag);
        clickAndWait(By.xpath("//button[normalize-space()='Найти']"));
        assertThat(rows()).containsExactly("Сеткина Вера " + tag);

        type("filter-q", "никого-нет-" + tag);
        clickAndWait(By.xpath("//button[normalize-space()='Найти']"));
        assertThat(find(By.cssSelector(".empty")).getText()).contains("Никто не найден");
        clickAndWait(By.linkText("покажите всех кандидатов"));
        assertThat(browser.findElements(By.cssSelector("#candidates tbody tr"))).isNotEmpty();

        browser.findElement(By.xpath("//button[normalize-space()='Решить заново по всем кандидатам']")).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        // The task page shows the progress and forwards to the result when the task is done (or links to it when the
        // task was done before the page was shown).
        wait.until(d -> d.getCurrentUrl().contains("/candidates/evaluations/")
                || !d.findElements(By.linkText("Открыть результат")).isEmpty());
        if (!browser.getCurrentUrl().contains("/candidates/evaluations/")) {
            clickAndWait(By.linkText("Открыть результат"));
        }
        String summary = find(By.id("reevaluation-summary")).getText();
        assertThat(summary).contains("Кандидатов", "Решение изменилось", "Включается", "Не включается", "Недостаточно данных");
        assertThat(mainText()).contains("Решения по ", "кандидатам вынесены заново");
    }

    private List<String> rows() {
        return browser.findElements(By.cssSelector("#candidates tbody tr td:first-child a")).stream().map(WebElement::getText).toList();
    }
}
