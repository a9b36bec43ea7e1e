package io.auditrail.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.core.event.Actor;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.Outcome;
import io.auditrail.core.event.Resource;
import io.auditrail.jdbc.JdbcAuditStore;
import io.auditrail.jdbc.contract.H2Config;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The viewer at {@code /audit/ui/} in Debian's headless Chromium, served by Micronaut's Netty server
 * and reading through Micronaut Security: an organisation admin sees the organisation's events, a
 * member only their own, and nobody another organisation's. Uses Chromium and ChromeDriver at fixed
 * paths, so nothing is downloaded at test time.
 */
@MicronautTest(environments = "h2", transactional = false)
@Property(name = "auditrail.web.enabled", value = "true")
@Property(name = "auditrail.jdbc.table-name", value = "mn_viewer_events")
// Every Basic-authenticated request would add a login event while the page loads; SecurityEventsTest covers those.
@Property(name = "auditrail.security-events.enabled", value = "false")
class H2ViewerBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @Inject
    EmbeddedServer server;

    @Inject
    JdbcAuditStore store;

    @TempDir
    Path profile;

    private ChromeDriver driver;
    private WebDriverWait wait;

    private final AuditEvent aliceCreated = event("acme", "alice", "invoice.created", "inv-1", "2026-11-01T10:00:00Z");
    private final AuditEvent annaChangedRole = event("acme", "anna", "member.role.changed", "alice", "2026-11-02T10:00:00Z");
    private final AuditEvent aliceDeleted = event("acme", "alice", "invoice.deleted", "inv-1", "2026-11-03T10:00:00Z");
    private final AuditEvent gusCreated = event("globex", "gus", "invoice.created", "inv-9", "2026-11-04T10:00:00Z");

    private static AuditEvent event(String org, String actor, String action, String resourceId, String at) {
        return AuditEvent.builder().organizationId(org).actor(Actor.user(actor, actor.toUpperCase(), null))
                .action(action).resource(Resource.of(action.startsWith("member") ? "member" : "invoice", resourceId))
                .timestamp(Instant.parse(at)).outcome(Outcome.success()).metadata(Map.of("note", action + " by " + actor))
                .build();
    }

    @BeforeEach
    void recordEventsAndStartBrowser() {
        try (Connection connection = H2Config.INSTANCE.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM mn_viewer_events");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        store.write(List.of(aliceCreated, annaChangedRole, aliceDeleted, gusCreated));

        String install = " is missing: install it with 'apt-get install -y chromium chromium-driver' (test-all does this)";
        assertThat(Files.isExecutable(CHROMIUM)).as(CHROMIUM + install).isTrue();
        assertThat(Files.isExecutable(CHROMEDRIVER)).as(CHROMEDRIVER + install).isTrue();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
                "--window-size=1400,1000", "--user-data-dir=" + profile);
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    /**
     * Every request of the page, the viewer's own fetches included, carries the user's HTTP Basic
     * credentials, so Micronaut Security's real authentication decides who is reading.
     */
    private void openViewerAs(String user) {
        String basic = Base64.getEncoder().encodeToString((user + ":secret").getBytes(StandardCharsets.UTF_8));
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization", "Basic " + basic)));
        driver.get("http://127.0.0.1:" + server.getPort() + "/audit/ui/");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("summary"), "matching"));
    }

    /** Read in one script, so a re-render between two element lookups cannot leave a stale reference. */
    @SuppressWarnings("unchecked")
    private List<String> rowIds() {
        return (List<String>) ((JavascriptExecutor) driver).executeScript(
                "return Array.from(document.querySelectorAll('#events tbody tr')).map(r => r.dataset.eventId);");
    }

    private static String id(AuditEvent event) {
        return event.id().toString();
    }

    @Test
    void anAdminSeesTheirOrganisationsEventsNewestFirst() {
        openViewerAs("anna");

        assertThat(rowIds()).containsExactly(id(aliceDeleted), id(annaChangedRole), id(aliceCreated));
        assertThat(driver.findElement(By.id("summary")).getText()).startsWith("3 events matching");
        assertThat(driver.findElement(By.id("events")).getText()).doesNotContain("GUS", "inv-9");
    }

    @Test
    void aMemberSeesOnlyTheEventsTheyPerformed() {
        openViewerAs("alice");

        assertThat(rowIds()).containsExactly(id(aliceDeleted), id(aliceCreated));
        assertThat(driver.findElement(By.id("summary")).getText()).startsWith("2 events matching");
    }

    @Test
    void theOtherOrganisationsAdminSeesOnlyTheirs() {
        openViewerAs("gus");

        assertThat(rowIds()).containsExactly(id(gusCreated));
    }

    @Test
    void anOpenedEventShowsItsDetail() {
        openViewerAs("alice");

        driver.findElement(By.cssSelector("#events tbody tr[data-event-id='" + id(aliceCreated) + "']")).click();
        WebElement detail = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("detail")));
        wait.until(ExpectedConditions.textToBe(By.id("detail-id"), id(aliceCreated)));
        assertThat(detail.getText()).contains("invoice.created", "inv-1", "ALICE", "acme");
        assertThat(driver.findElement(By.id("detail-metadata")).getText()).contains("invoice.created by alice");
    }
}
