package io.auditrail.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.core.tlog.InclusionProofBundle;
import io.auditrail.core.tlog.LeafHasher;
import io.auditrail.core.tlog.NoteVerifier;
import io.auditrail.jdbc.chain.JdbcAuditChain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The newcomer's path in a real headless Chromium: log in, change and delete an invoice, and
 * find those events in the viewer embedded in the app's page; filter, open an event, compare
 * old and new values, and download an export. Uses Debian's chromium and chromium-driver at
 * fixed paths, so nothing is downloaded at test time.
 */
@SampleAppTest
class ViewerBrowserTests {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** A zone whose offset differs from UTC by a fraction of an hour, so local time cannot pass for UTC. */
    private static final String BROWSER_ZONE = "Asia/Kolkata";

    @LocalServerPort
    int port;

    @Autowired
    JdbcAuditChain chain;

    @Value("${auditrail.chain.public-key-file}")
    String verifierKeyFile;

    @TempDir
    Path profile;

    @TempDir
    Path downloads;

    private WebDriver driver;
    private WebDriverWait wait;

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
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .withEnvironment(Map.of("TZ", BROWSER_ZONE)).build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    private String url(String path) {
        return url("127.0.0.1", path);
    }

    private String url(String host, String path) {
        return "http://" + host + ":" + port + path;
    }

    private void logIn(String username) {
        logIn("127.0.0.1", username);
    }

    private void logIn(String host, String username) {
        driver.get(url(host, "/login"));
        driver.findElement(By.name("username")).sendKeys(username);
        driver.findElement(By.name("password")).sendKeys("auditrail");
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.id("org-name"), "Acme Corporation"));
    }

    /** The invoice list re-renders after every change; a row found just before may already be replaced. */
    private void clickInRow(String customer, By button) {
        wait.ignoring(StaleElementReferenceException.class).until(driver -> {
            invoiceRow(customer).findElement(button).click();
            return true;
        });
    }

    private WebElement invoiceRow(String customer) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//table[@id='invoices']//tr[td[2][text()='" + customer + "']]")));
    }

    private void filterByAction(String action) {
        WebElement field = driver.findElement(By.id("filter-action"));
        field.clear();
        field.sendKeys(action);
        driver.findElement(By.id("apply")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("summary"), "matching"));
        wait.until(driver -> actions().stream().allMatch(action::equals) && !actions().isEmpty());
    }

    private List<String> actions() {
        return driver.findElements(By.cssSelector("#events tbody tr td:nth-child(3)")).stream()
                .map(WebElement::getText).toList();
    }

    @Test
    void aNewcomerSeesTheirChangesInTheEmbeddedViewer() throws Exception {
        logIn("alice");
        String customer = "<b>Browser & Co</b>";
        driver.findElement(By.id("invoice-customer")).sendKeys(customer);
        driver.findElement(By.id("invoice-amount")).sendKeys("12.34");
        driver.findElement(By.id("create-invoice")).click();
        clickInRow(customer, By.xpath(".//button[text()='+10%']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "updated"));
        clickInRow(customer, By.cssSelector("button.delete-invoice"));
        long deletedAt = System.nanoTime();

        driver.switchTo().frame("audit-viewer");
        wait.until(driver -> !actions().isEmpty() && actions().get(0).equals("invoice.deleted"));
        Duration untilVisible = Duration.ofNanos(System.nanoTime() - deletedAt);
        assertThat(untilVisible).as("delete to viewer row").isLessThan(Duration.ofSeconds(5));

        filterByAction("invoice.updated");
        driver.findElement(By.cssSelector("#events tbody tr")).click();
        WebElement detail = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("detail")));
        assertThat(detail.getText()).contains("invoice.updated", "Alice Admin (alice)", "127.0.0.1");
        WebElement amountChange = driver.findElement(
                By.xpath("//div[@id='detail-changes']//tr[td[1][text()='amountCents']]"));
        assertThat(amountChange.getAttribute("class")).isEqualTo("changed");
        assertThat(amountChange.findElements(By.tagName("td"))).extracting(WebElement::getText)
                .containsExactly("amountCents", "1234", "1357");
        assertThat(driver.findElement(By.id("detail-metadata")).getText()).contains(customer);
        assertThat(driver.findElements(By.cssSelector("#detail b, #events b"))).as("event text is never markup")
                .isEmpty();

        driver.findElement(By.id("export-csv")).click();
        Path csv = downloads.resolve("audit-events.csv");
        wait.until(driver -> Files.exists(csv) && !Files.exists(downloads.resolve("audit-events.csv.crdownload")));
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).startsWith("id,timestamp,actor_id");
        assertThat(lines.subList(1, lines.size())).isNotEmpty().allSatisfy(line -> assertThat(line).contains("invoice.updated"));
    }

    @Test
    void laterPagesKeepTheFirstPagesTotalWithoutCountingAgain() {
        logIn("alice");
        Object created = ((JavascriptExecutor) driver).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                fetch('/api/session', { credentials: 'same-origin' }).then(function (r) { return r.json(); })
                  .then(function (session) {
                    var headers = { 'Content-Type': 'application/json' };
                    headers[session.csrfHeader] = session.csrfToken;
                    var posts = [];
                    for (var i = 0; i < 30; i++) {
                      posts.push(fetch('/api/invoices', { method: 'POST', headers: headers, credentials: 'same-origin',
                        body: JSON.stringify({ customer: 'Paging ' + i, amountCents: 100 + i }) })
                        .then(function (r) { return r.status; }));
                    }
                    return Promise.all(posts);
                  }).then(done, function (error) { done(String(error)); });
                """);
        assertThat(created).asList().hasSize(30).allSatisfy(status -> assertThat(status).isEqualTo(200L));

        driver.switchTo().frame("audit-viewer");
        filterByAction("invoice.created");
        String firstSummary = driver.findElement(By.id("summary")).getText();
        assertThat(firstSummary).matches("\\d+ events matching; showing 25 on this page\\.");
        List<String> firstIds = eventIds();

        driver.findElement(By.id("next-page")).click();
        wait.until(driver -> !eventIds().isEmpty() && !eventIds().equals(firstIds));

        String total = firstSummary.substring(0, firstSummary.indexOf(' '));
        assertThat(driver.findElement(By.id("summary")).getText()).startsWith(total + " events matching; showing ");
        assertThat(eventIds()).doesNotContainAnyElementsOf(firstIds);
    }

    private void createInvoice(String customer) {
        driver.findElement(By.id("invoice-customer")).sendKeys(customer);
        driver.findElement(By.id("invoice-amount")).sendKeys("5.00");
        driver.findElement(By.id("create-invoice")).click();
        invoiceRow(customer);
    }

    private String firstCell(int column) {
        return wait.ignoring(StaleElementReferenceException.class).until(driver -> driver.findElement(
                By.cssSelector("#events tbody tr:first-child td:nth-child(" + column + ")")).getText());
    }

    @Test
    void anErrorClearsTheResultsAndTimesCanBeShownInLocalTime() {
        logIn("alice");
        createInvoice("Clock & Co");
        driver.switchTo().frame("audit-viewer");
        wait.until(driver -> !actions().isEmpty() && actions().get(0).equals("invoice.created"));
        String utc = firstCell(1);
        assertThat(utc).endsWith("Z");

        driver.findElement(By.id("local-time")).click();
        wait.until(ExpectedConditions.textToBe(By.id("time-heading"), "Time (local)"));
        String local = firstCell(1);
        assertThat(local).endsWith(" +05:30").isNotEqualTo(utc);
        assertThat(java.time.OffsetDateTime.parse(local.replace(' ', 'T').replace("T+", "+")).toInstant())
                .isEqualTo(java.time.Instant.parse(utc).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));

        ((JavascriptExecutor) driver).executeScript(
                "document.getElementById('filter-search').value = 'x'.repeat(1100);");
        driver.findElement(By.id("apply")).click();
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertThat(error.getText()).contains("search must be at most 1024 characters");
        assertThat(driver.findElements(By.cssSelector("#events tbody tr"))).as("no stale rows under the error").isEmpty();
        assertThat(driver.findElement(By.id("summary")).getText()).isEmpty();
        assertThat(driver.findElement(By.id("next-page")).isEnabled()).isFalse();

        driver.findElement(By.id("clear")).click();
        wait.until(driver -> !actions().isEmpty());
        assertThat(driver.findElement(By.id("error")).isDisplayed()).isFalse();
        assertThat(firstCell(1)).as("the choice of local time is kept").endsWith(" +05:30");
    }

    @Test
    void anIpv6LoopbackClientIsShownCompressed() {
        logIn("[::1]", "alice");
        createInvoice("Six & Co");
        driver.switchTo().frame("audit-viewer");
        wait.until(driver -> !actions().isEmpty() && actions().get(0).equals("invoice.created"));
        assertThat(firstCell(6)).isEqualTo("::1");
        driver.findElement(By.cssSelector("#events tbody tr")).click();
        WebElement detail = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("detail")));
        assertThat(detail.getText()).contains("::1").doesNotContain("0:0:0:0");
    }

    @Test
    void anOpenedEventShowsItsVerifiedMarkAndOffersTheProofBundle() throws Exception {
        logIn("alice");
        createInvoice("Proof & Co");
        driver.switchTo().frame("audit-viewer");
        wait.until(driver -> !actions().isEmpty() && actions().get(0).equals("invoice.created"));
        driver.findElement(By.cssSelector("#events tbody tr")).click();
        // Before the next checkpoint the event has no proof yet; the job may take one meanwhile.
        wait.until(ExpectedConditions.textMatches(By.id("proof-mark"), java.util.regex.Pattern.compile(
                "Not yet sealed|\u2713 Verified")));

        chain.sealPending();
        chain.writeCheckpoints();
        driver.findElement(By.id("close-detail")).click();
        driver.findElement(By.cssSelector("#events tbody tr")).click();
        wait.until(ExpectedConditions.textToBe(By.id("proof-mark"), "\u2713 Verified"));
        WebElement proof = driver.findElement(By.id("detail-proof"));
        assertThat(proof.getText()).contains("The server checked:", "inclusion path", "validly signed",
                "Leaf index", "Tree size", "sample.auditrail.local/org/acme", "OfflineVerifier");

        String eventId = driver.findElement(By.id("detail-id")).getText();
        driver.findElement(By.id("proof-download")).click();
        Path bundleFile = downloads.resolve("audit-proof-" + eventId + ".json");
        wait.until(driver -> Files.exists(bundleFile)
                && !Files.exists(downloads.resolve(bundleFile.getFileName() + ".crdownload")));
        InclusionProofBundle bundle = InclusionProofBundle.parse(Files.readString(bundleFile));
        NoteVerifier key = NoteVerifier.parse(Files.readString(Path.of(verifierKeyFile)).strip());
        assertThat(bundle.event().id()).hasToString(eventId);
        assertThat(bundle.verify(LeafHasher.sha256(), key, "sample.auditrail.local").intact()).isTrue();
    }

    /** Read in one script, so a re-render between two element lookups cannot leave a stale reference. */
    @SuppressWarnings("unchecked")
    private List<String> eventIds() {
        return (List<String>) ((JavascriptExecutor) driver).executeScript(
                "return Array.from(document.querySelectorAll('#events tbody tr')).map(r => r.dataset.eventId);");
    }
}
