package io.auditrail.sample.boot3;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The sample's flows in a real headless Chromium on Spring Boot 3.5: a wrong password, a login, an
 * audited note, a logout, then the viewer showing all four. Uses Debian's chromium and
 * chromium-driver at fixed paths, so nothing is downloaded at test time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ViewerBrowserTests {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @LocalServerPort
    int port;

    @TempDir
    Path profile;

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
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void loginsNotesAndLogoutsShowInTheViewer() {
        logIn("alice", "not-alices-password");
        wait.until(ExpectedConditions.urlContains("/login?error"));
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("Invalid credentials");

        logIn("alice", "auditrail");
        wait.until(ExpectedConditions.textToBe(By.id("username"), "alice"));
        driver.findElement(By.id("note-text")).sendKeys("Ship the Boot 3 starter");
        driver.findElement(By.id("add-note")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notes"), "Ship the Boot 3 starter"));
        assertThat(driver.findElement(By.id("message")).getText()).isEqualTo("Saved \"Ship the Boot 3 starter\"");

        driver.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.urlContains("/login?logout"));

        logIn("alice", "auditrail");
        wait.until(ExpectedConditions.textToBe(By.id("username"), "alice"));
        driver.findElement(By.id("viewer-link")).click();
        wait.until(driver -> actions().contains("note.created") && actions().contains("user.logout"));
        List<String> actions = actions();
        // Newest first: the second login, the logout, the note, the first login, the wrong password.
        assertThat(actions).containsSubsequence("user.login", "user.logout", "note.created", "user.login",
                "user.login.failed");
        WebElement noteRow = driver.findElement(By.xpath("//table[@id='events']//tr[td[3][text()='note.created']]"));
        assertThat(noteRow.findElement(By.xpath("td[2]")).getText()).contains("alice");
        assertThat(noteRow.findElement(By.xpath("td[5]")).getText()).isEqualToIgnoringCase("success");

        noteRow.click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("detail")));
        assertThat(driver.findElement(By.id("detail-metadata")).getText()).contains("\"length\"").contains("23");
    }

    private void logIn(String username, String password) {
        driver.get("http://127.0.0.1:" + port + "/login");
        driver.findElement(By.name("username")).sendKeys(username);
        driver.findElement(By.name("password")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
    }

    private List<String> actions() {
        return driver.findElements(By.cssSelector("#events tbody tr td:nth-child(3)")).stream()
                .map(WebElement::getText).toList();
    }
}
