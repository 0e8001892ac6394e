package ru.edu.decisions.tests.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import ru.edu.decisions.tests.support.Api;
import ru.edu.decisions.tests.support.BrowserTest;
import ru.edu.decisions.tests.support.Profile;
import tools.jackson.databind.JsonNode;

/** The registry of the methodological asset in the workspace: the list, a member, exclusion, the Excel export. */
class RegistryBrowserTest extends BrowserTest {

    /** An ELIGIBLE candidate of Ust-Ishim included in the registry through the API; the member's id. */
    private String includedMember(String fullName) {
        Api.Response candidate = api.post("/api/v1/candidates", Map.of("jurisdiction", "ust-ishim", "asOf", "2026-11-23",
                "candidate", Profile.qualifiedTeacher(fullName).set("birthDate", "1980-03-14")
                        .achievement("WINNER", "MUNICIPAL").build()));
        assertThat(candidate.status()).as(candidate.toString()).isEqualTo(201);
        assertThat(candidate.json().get("latestDecision").get("verdict").asString()).isEqualTo("ELIGIBLE");
        Api.Response included = api.post("/api/v1/registry/ust-ishim/members",
                Map.of("candidateId", candidate.json().get("id").asString()));
        assertThat(included.status()).as(included.toString()).isEqualTo(201);
        return included.json().get("id").asString();
    }

    @Test
    void aMemberIsListedWithItsGroundsAndExcludedWithAReasonKeptInItsHistory() {
        String name = "Реестрова Анна " + UUID.randomUUID().toString().substring(0, 6);
        String memberId = includedMember(name);
        signInAs("browser-registry", List.of("IMC_STAFF"), List.of("ust-ishim"));

        open("/registry");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Реестр методического актива");
        String row = find(By.xpath("//table[@id='registry-members']//tr[td/a[text()='" + name + "']]")).getText();
        assertThat(row).contains("МБОУ «Аксёновская СОШ»", "действует", LocalDate.now(ZoneId.of("Europe/Moscow")).format(
                java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")));
        assertThat(browser.findElements(By.cssSelector("#registry-members th[scope=col]"))).extracting(e -> e.getText())
                .containsExactly("Ф.И.О.", "Место работы", "Основания включения", "Включён(а)", "Статус");
        screenshot("20-registry");

        browser.findElement(By.linkText(name)).click();
        wait.until(ExpectedConditions.urlContains("/registry/members/" + memberId));
        assertThat(mainText()).contains("Основания включения", "Включение в реестр", "e2e-methodist");
        assertThat(browser.findElement(By.partialLinkText("представление кандидата")).getAttribute("href")).contains("/candidates/");

        // No reason: the message is beside the field.
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        browser.switchTo().alert().accept();
        assertThat(find(By.id("reason-error")).getText()).isEqualTo("Укажите причину исключения");
        assertThat(browser.findElement(By.id("reason")).getAttribute("aria-invalid")).isEqualTo("true");
        consoleErrors();

        browser.findElement(By.id("reason")).sendKeys("Заявление о выходе из актива от 20.11.2026");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        browser.switchTo().alert().accept();
        assertThat(find(By.cssSelector(".notice")).getText()).contains(name, "исключ");
        assertThat(browser.findElement(By.id("member-history")).getText())
                .contains("Исключение из реестра", "browser-registry", "Заявление о выходе из актива от 20.11.2026");
        assertThat(browser.findElements(By.id("reason"))).isEmpty();

        open("/registry");
        assertThat(browser.findElements(By.linkText(name))).isEmpty();
        new Select(browser.findElement(By.id("status"))).selectByValue("EXCLUDED");
        browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        assertThat(find(By.xpath("//table[@id='registry-members']//tr[td/a[text()='" + name + "']]")).getText())
                .contains("исключён(а)");
    }

    @Test
    void theExcelExportHasRussianHeadersAndARowPerMemberWithRealDates() throws Exception {
        String name = "Выгрузова Елена " + UUID.randomUUID().toString().substring(0, 6);
        String memberId = includedMember(name);
        signInAs("browser-registry-export", List.of("IMC_STAFF"), List.of("ust-ishim"));
        open("/registry");
        assertThat(browser.findElement(By.linkText("Выгрузить в Excel")).getAttribute("href")).endsWith("/registry/export.xlsx?status=ACTIVE");

        Cookie session = browser.manage().getCookieNamed("JSESSIONID");
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/registry/export.xlsx?status=ALL"))
                .header("Cookie", "JSESSIONID=" + session.getValue()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment", ".xlsx");

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<String> headers = new ArrayList<>();
            sheet.getRow(0).forEach(cell -> headers.add(cell.getStringCellValue()));
            assertThat(headers).containsExactly("№ п/п", "Ф.И.О.", "Дата рождения", "Место работы", "Должность",
                    "Основания включения (пункты Положения)", "Дата включения", "Статус", "Дата исключения",
                    "Причина исключения");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getColumnWidth(1)).isGreaterThan(20 * 256);
            Row member = null;
            for (Row row : sheet) {
                if (row.getRowNum() > 0 && name.equals(row.getCell(1).getStringCellValue())) {
                    member = row;
                }
            }
            assertThat(member).as("the member's row").isNotNull();
            Cell birth = member.getCell(2);
            assertThat(birth.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(birth)).isTrue();
            assertThat(birth.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(1980, 3, 14));
            assertThat(birth.getCellStyle().getDataFormatString()).isEqualTo("dd.mm.yyyy");
            assertThat(member.getCell(3).getStringCellValue()).isEqualTo("МБОУ «Аксёновская СОШ»");
            assertThat(member.getCell(4).getStringCellValue()).isEqualTo("педагогический работник");
            assertThat(member.getCell(5).getStringCellValue()).startsWith("п. 3.").contains(" — ");
            assertThat(DateUtil.isCellDateFormatted(member.getCell(6))).isTrue();
            assertThat(member.getCell(7).getStringCellValue()).isEqualTo("действует");
        }

        // Every exported member is in the personal-data access log as an export by the person.
        JsonNode entries = admin.get("/api/v1/admin/personal-data-access?recordId=" + memberId).json().get("items");
        List<String> accesses = new ArrayList<>();
        entries.forEach(e -> accesses.add(e.get("actor").asString() + " " + e.get("action").asString() + " "
                + e.get("recordKind").asString()));
        assertThat(accesses).contains("browser-registry-export EXPORT REGISTRY_MEMBER");
    }
}
