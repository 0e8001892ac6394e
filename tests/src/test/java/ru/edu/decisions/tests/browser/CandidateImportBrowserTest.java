package ru.edu.decisions.tests.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import ru.edu.decisions.tests.support.BrowserTest;
import ru.edu.decisions.tests.support.Forms;

/** The workspace's import of a filled form: upload → preview → correct a cell → import. */
class CandidateImportBrowserTest extends BrowserTest {

    @Test
    void aMethodistUploadsAFormCorrectsAnUnreadableDateAndImports() throws Exception {
        signInAs("browser-import", List.of("IMC_STAFF"), List.of("ust-ishim"));
        String name = "Предпросмотрова Анна " + "Сергеевна";
        List<String> row = Forms.candidate(name, "30.02.1979");
        row.set(8, "п. 3.2.2 Положения — проверка в браузере " + System.nanoTime());
        Path file = Files.createTempFile("forma-", ".xlsx");
        Files.write(file, Forms.xlsx(Forms.form(List.of(row))));

        open("/candidates/imports");
        assertThat(browser.getTitle()).contains("Загрузка формы кандидатов");
        assertThat(browser.findElement(By.cssSelector("label[for=file]")).getText()).isEqualTo("Файл формы");
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        screenshot("import-01-upload");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();

        WebElement problem = find(By.cssSelector("tr.import-problem"));
        assertThat(problem.getText()).contains("Дата рождения").contains("30.02.1979").contains("не существует");
        assertThat(find(By.id("importable")).getText()).isEqualTo("1");
        screenshot("import-02-preview");

        browser.findElement(By.cssSelector("#row-5 details summary")).click();
        WebElement date = browser.findElement(By.cssSelector("#row-5 textarea[name='cell-2']"));
        date.clear();
        date.sendKeys("28.02.1979");
        browser.findElement(By.cssSelector("#row-5 details button[type=submit]")).click();

        assertThat(find(By.cssSelector(".notice, .alert-success, [role=status]")).getText()).contains("прочитана заново");
        assertThat(browser.findElements(By.cssSelector("tr.import-problem"))).isEmpty();
        assertThat(mainText()).contains("28.02.1979");
        screenshot("import-03-corrected");

        browser.findElement(By.id("confirm-import")).click();
        assertThat(find(By.id("imported-count")).getText()).isEqualTo("1");
        assertThat(mainText()).contains("сохранён");
        screenshot("import-04-imported");
    }
}
