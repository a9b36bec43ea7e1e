package io.auditrail.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.core.stream.testing.WebhookReceiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The viewer's Streams panel in a real headless Chromium, on the sample app's dev profile (streams
 * on, loopback allow-listed): an admin creates a webhook stream to a real receiver on loopback,
 * tests it, sees an invoice change arrive signed, pauses, resumes and deletes it; a member never
 * sees the panel; an address outside the allow-list is refused with its reason.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:sample-streams-tests;DB_CLOSE_DELAY=-1",
        "auditrail.streams.poll-interval=200ms"})
@ActiveProfiles("dev")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamsBrowserTests {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String SECRET = "whsec_c2FtcGxlLWFwcC1icm93c2VyLXRlc3Qtc2VjcmV0";

    @LocalServerPort
    int port;

    @TempDir
    Path profile;

    private final WebhookReceiver receiver;
    private WebDriver driver;
    private WebDriverWait wait;

    StreamsBrowserTests() throws Exception {
        receiver = new WebhookReceiver(SECRET);
    }

    @AfterAll
    void stopReceiver() {
        receiver.close();
    }

    @BeforeEach
    void startBrowser() {
        String install = " is missing: install it with 'apt-get install -y chromium chromium-driver' (.ci/run does this)";
        assertThat(Files.isExecutable(CHROMIUM)).as(CHROMIUM + install).isTrue();
        assertThat(Files.isExecutable(CHROMEDRIVER)).as(CHROMEDRIVER + install).isTrue();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
                "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().withEnvironment(Map.of()).build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    private void logInAndOpenTheViewer(String username) {
        driver.get("http://127.0.0.1:" + port + "/login");
        driver.findElement(By.name("username")).sendKeys(username);
        driver.findElement(By.name("password")).sendKeys("auditrail");
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.id("org-name"), "Acme Corporation"));
        driver.switchTo().frame("audit-viewer");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("summary"), "matching"));
    }

    private WebElement streamRow(String name) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//table[@id='stream-list']//tr[td[1][text()='" + name + "']]")));
    }

    private void clickInStream(String name, String buttonClass) {
        wait.until(driver -> {
            try {
                streamRow(name).findElement(By.className(buttonClass)).click();
                return true;
            } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
                return false;
            }
        });
    }

    private String state(String name) {
        try {
            return streamRow(name).findElement(By.cssSelector("td:nth-child(4) .state")).getText();
        } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
            return "";
        }
    }

    @Test
    void anAdminCreatesTestsPausesResumesAndDeletesAStreamToARealReceiver() {
        logInAndOpenTheViewer("alice");
        WebElement panel = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("streams")));
        assertThat(panel.getText()).contains("No streams yet.");

        driver.findElement(By.id("stream-name")).sendKeys("Local SIEM");
        new Select(driver.findElement(By.id("stream-destination"))).selectByValue("webhook");
        driver.findElement(By.id("stream-url")).sendKeys(receiver.url().toString());
        driver.findElement(By.id("stream-secret")).sendKeys(SECRET);
        new Select(driver.findElement(By.id("stream-format"))).selectByValue("ocsf");
        driver.findElement(By.id("create-stream")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("streams-message"), "Stream Local SIEM created."));
        wait.until(driver -> state("Local SIEM").equals("Healthy"));
        assertThat(streamRow("Local SIEM").getText()).contains("webhook " + receiver.url(), "ocsf");
        assertThat(driver.findElement(By.id("stream-secret")).getAttribute("value")).as("the form is cleared").isEmpty();
        assertThat(driver.getPageSource()).doesNotContain(SECRET);

        clickInStream("Local SIEM", "test-stream");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("streams-message"),
                "Test event delivered to Local SIEM: HTTP 204"));
        assertThat(receiver.received()).isNotEmpty().allMatch(WebhookReceiver.Received::signatureValid);

        driver.switchTo().defaultContent();
        createInvoice("Streamed & Co");
        wait.until(driver -> receiver.received().stream().anyMatch(received -> received.body().contains("Streamed & Co")
                || received.body().contains("invoice.created")));
        assertThat(receiver.received()).allMatch(WebhookReceiver.Received::signatureValid);
        driver.switchTo().frame("audit-viewer");

        clickInStream("Local SIEM", "pause-stream");
        wait.until(driver -> state("Local SIEM").equals("Paused"));
        clickInStream("Local SIEM", "resume-stream");
        wait.until(driver -> state("Local SIEM").equals("Healthy"));

        clickInStream("Local SIEM", "delete-stream");
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("streams-message"), "Stream Local SIEM deleted."));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("stream-list"), "No streams yet."));
    }

    @Test
    void anAddressOutsideTheAllowListIsRefusedWithItsReason() {
        logInAndOpenTheViewer("alice");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("streams")));
        driver.findElement(By.id("stream-name")).sendKeys("Internal");
        driver.findElement(By.id("stream-url")).sendKeys("http://10.1.2.3/hook");
        driver.findElement(By.id("stream-secret")).sendKeys(SECRET);
        driver.findElement(By.id("create-stream")).click();
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("streams-error")));
        assertThat(error.getText()).contains("10.1.2.3");
        assertThat(driver.findElements(By.xpath("//table[@id='stream-list']//td[text()='Internal']"))).isEmpty();
    }

    @Test
    void aMemberNeverSeesThePanel() {
        logInAndOpenTheViewer("bob");
        Object status = ((JavascriptExecutor) driver).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                fetch('/audit/streams', { credentials: 'same-origin' }).then(function (r) { done(r.status); });
                """);
        assertThat(status).isEqualTo(403L);
        assertThat(driver.findElement(By.id("streams")).isDisplayed()).isFalse();
    }

    private void createInvoice(String customer) {
        driver.findElement(By.id("invoice-customer")).sendKeys(customer);
        driver.findElement(By.id("invoice-amount")).sendKeys("12.34");
        driver.findElement(By.id("create-invoice")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//table[@id='invoices']//tr[td[2][text()='" + customer + "']]")));
    }
}
