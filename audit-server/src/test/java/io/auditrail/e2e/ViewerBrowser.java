package io.auditrail.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The starter's viewer in Debian's headless Chromium, as the sample app's browser tests drive it. */
final class ViewerBrowser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final WebDriver driver;
    private final WebDriverWait wait;
    private final Path profile;

    ViewerBrowser() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException(CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing: install it with 'apt-get install -y chromium chromium-driver'");
        }
        try {
            profile = Files.createTempDirectory("viewer-profile");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1000",
                "--user-data-dir=" + profile);
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    private void open(int port, String user) {
        String base = "http://127.0.0.1:" + port;
        driver.get(base + "/audit/ui/");
        driver.manage().deleteAllCookies();
        driver.manage().addCookie(new Cookie("test-user", user, "/"));
        driver.get(base + "/audit/ui/");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("summary"), "matching"));
    }

    /** Every row of every page, following "Next page" (cursor pages) until it is disabled. */
    List<String> allRows(int port, String user) {
        open(port, user);
        List<String> rows = new ArrayList<>();
        while (true) {
            List<String> page = rows();
            rows.addAll(page);
            WebElement next = driver.findElement(By.id("next-page"));
            if (!next.isEnabled()) {
                return rows;
            }
            String first = page.get(0);
            next.click();
            wait.until(driver -> !rows().isEmpty() && !rows().get(0).equals(first));
        }
    }

    /** Read in one script, so a re-render between finding the rows and reading them cannot interleave. */
    @SuppressWarnings("unchecked")
    private List<String> rows() {
        return (List<String>) ((JavascriptExecutor) driver).executeScript(
                "return Array.from(document.querySelectorAll('#events tbody tr')).map(function (r) { return r.innerText; });");
    }

    /** Opens the newest event; whether its detail shows while the proof box stays hidden. */
    boolean openFirstEvent(int port, String user) {
        open(port, user);
        driver.findElement(By.cssSelector("#events tbody tr")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("detail")));
        wait.until(driver -> !driver.findElement(By.id("detail-id")).getText().isEmpty());
        return !driver.findElement(By.id("detail-proof")).isDisplayed();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
