package io.auditrail.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The app on its no-setup default, the H2 file under {@code ./data}, in a child JVM: invoices
 * are created one request at a time, the JVM is killed with SIGKILL right after the last answer,
 * and restarted on the same files. Every invoice the app confirmed must be there, with its
 * audit event: with H2's default write delay the last commits of both vanished together.
 */
class SigkillTests {

    private static final int INVOICES = 100;

    @TempDir
    Path workingDirectory;

    private Process app;
    private int port;
    private int starts;

    @AfterEach
    void kill() throws InterruptedException {
        if (app != null) {
            app.destroyForcibly();
            app.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void everyConfirmedInvoiceAndItsEventSurviveAKillOnTheDefaultDatabase() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        start();
        SampleClient alice = SampleClient.loggedIn(port, "alice");
        List<String> confirmed = new ArrayList<>();
        for (int i = 0; i < INVOICES; i++) {
            HttpResponse<String> created = alice.send("POST", "/api/invoices", Map.of("customer", "Kill " + i,
                    "amountCents", 100 + i));
            assertThat(created.statusCode()).as(created.body()).isIn(200, 201);
            confirmed.add(alice.json(created).get("id").asString());
        }
        app.destroyForcibly();
        assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(workingDirectory.resolve("data")).as("the default database is a file under ./data").isDirectory();

        start();
        SampleClient again = SampleClient.loggedIn(port, "alice");
        String invoices = again.get("/api/invoices").body();
        assertThat(confirmed).as("every confirmed invoice").allSatisfy(id -> assertThat(invoices).contains(id));
        List<String> audited = new ArrayList<>();
        JsonNode page = again.json(again.get("/audit/events?action=invoice.created&limit=1000"));
        page.get("events").forEach(event -> audited.add(event.get("resource").get("id").asString()));
        assertThat(audited).as("one invoice.created event per confirmed invoice").doesNotHaveDuplicates()
                .containsAll(confirmed);
    }

    private void start() throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                SampleApplication.class.getName(), "--server.port=" + port, "--server.address=127.0.0.1",
                "--spring.main.banner-mode=off", "--logging.level.root=WARN");
        Path log = workingDirectory.resolve("app-" + ++starts + ".log");
        app = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .failFast("the app exited at start; its log is " + log, () -> !app.isAlive())
                // The demo users are seeded by a runner after the server is up: ready means alice can log in.
                .until(() -> new SampleClient(port).login("alice", "auditrail").headers().firstValue("Location")
                        .filter(location -> !location.contains("error")).isPresent());
    }
}
