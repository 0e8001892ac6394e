package ru.edu.decisions.tests.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A browser test of the workspace: Debian's headless Chromium driven by Selenium WebDriver through Debian's
 * chromium-driver ({@code scripts/local-chromium.sh} installs both; {@code CHROMIUM_BINARY} and {@code CHROMEDRIVER}
 * point elsewhere), against the running service on PostgreSQL, at 1366×768. After every test: no page loaded
 * anything from another origin and the browser's console has no severe error (a test that opens a refused page on
 * purpose drains the console with {@link #consoleErrors()}). Screenshots go to {@code target/screenshots}.
 */
public abstract class BrowserTest extends EndToEndTest {

    private static final String CHROMIUM = env("CHROMIUM_BINARY", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = env("CHROMEDRIVER", "/usr/bin/chromedriver");
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static WebDriver shared;

    protected WebDriver browser;
    protected WebDriverWait wait;
    private final List<String> visited = new ArrayList<>();

    @BeforeEach
    void openBrowser() {
        browser = driver();
        browser.manage().deleteAllCookies();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        consoleErrors();
    }

    @AfterEach
    void checkBrowser() {
        List<String> foreign = resources().stream().filter(url -> !url.startsWith(baseUrl()) && !url.startsWith("data:")
                && !url.startsWith("about:")).toList();
        assertThat(foreign).as("resources loaded from another origin").isEmpty();
        assertThat(consoleErrors()).as("severe console errors").isEmpty();
    }

    /** Opens a page of the service (a path such as {@code /candidates}). */
    protected void open(String path) {
        browser.get(baseUrl() + path);
        visited.add(browser.getCurrentUrl());
    }

    /** Signs in through the sign-in page. */
    protected void signIn(String username, String password) {
        open("/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /** A user with these roles and jurisdictions (created through the admin API once), signed in in the browser. */
    protected void signInAs(String username, List<String> roles, List<String> jurisdictions) {
        user(username, roles, jurisdictions);
        signIn(username, PASSWORD);
    }

    /** The text of the page's main part. */
    protected String mainText() {
        return browser.findElement(By.id("main")).getText();
    }

    protected WebElement find(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Saves a screenshot of the browser window as {@code target/screenshots/NAME.png}. */
    protected Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Severe entries of the browser console since the last call (and drains them). */
    protected List<String> consoleErrors() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /** Every resource the current page loaded (its scripts, style sheets, images, fetches) and the page itself. */
    @SuppressWarnings("unchecked")
    protected List<String> resources() {
        List<String> urls = new ArrayList<>(visited);
        Object loaded = ((JavascriptExecutor) browser).executeScript(
                "return performance.getEntriesByType('resource').map(function (e) { return e.name; });");
        if (loaded instanceof List<?> list) {
            list.forEach(url -> urls.add(String.valueOf(url)));
        }
        urls.add(browser.getCurrentUrl());
        return urls;
    }

    private static synchronized WebDriver driver() {
        if (shared == null) {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-extensions", "--lang=ru-RU", "--window-size=1366,768",
                    "--user-data-dir=" + tempDir());
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
            shared = new ChromeDriver(service, options);
            shared.manage().window().setSize(new Dimension(1366, 768));
            shared.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            WebDriver quit = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(quit::quit));
        }
        return shared;
    }

    private static String tempDir() {
        try {
            return Files.createTempDirectory("e2e-chromium-").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
