package io.auditrail.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.auditrail.jdbc.contract.PostgresConfig;
import io.auditrail.jdbc.outbox.JdbcOutbox;
import io.auditrail.server.support.ChildServer;
import io.auditrail.server.support.FaultProxy;
import io.auditrail.server.support.FaultProxy.Slow;
import io.auditrail.server.support.Http;
import io.auditrail.server.support.TestServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The whole scenario, with both sides in child JVMs and both killed with SIGKILL: an
 * application in {@code outbox} mode (README configuration, the default 30-second lease) commits
 * audited invoices while its relay sends them, through a slow link, to {@code audit-server} on
 * its default H2 file. The server is killed mid-run and restarted; later the application is
 * killed mid-stream and restarted. Every committed invoice's event must be in the server exactly
 * once, nothing rolled back as a success, and the batch the killed application held delivered
 * within a minute of its restart.
 */
class ServerAndApplicationKilledTest {

    private static final int COMMITS_PER_PHASE = 60;
    private static final Duration CHILD_DEADLINE = Duration.ofSeconds(180);
    /** The bound for the batch the killed application held; the default lease is 30 s. */
    private static final Duration HELD_BATCH_BOUND = Duration.ofSeconds(60);
    /** Thousands of events pile up while the server is down; they go out through the slow link. */
    private static final Duration BACKLOG_BOUND = Duration.ofSeconds(180);

    @TempDir
    Path temp;

    @Test
    void everyCommittedEventIsStoredOnceAfterBothTheServerAndTheApplicationAreKilled() throws Exception {
        PGSimpleDataSource database = (PGSimpleDataSource) PostgresConfig.get().dataSource();
        JdbcTemplate jdbc = new JdbcTemplate(database);
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String invoices = "invoices_" + suffix;
        String outbox = "outbox_" + suffix;
        jdbc.execute("create table " + invoices + " (id varchar(64) primary key)");
        Path serverDirectory = Files.createDirectory(temp.resolve("server"));
        try (ChildServer server = ChildServer.start(serverDirectory, Map.of("auditrail.server.admin-token",
                TestServer.ADMIN_TOKEN)); FaultProxy slowLink = new FaultProxy(server.baseUri())) {
            Http http = new Http(server.baseUri());
            String organization = "org-" + suffix;
            Http.Answer issued = http.post("/admin/keys", TestServer.ADMIN_TOKEN,
                    "{\"organization_id\":\"" + organization + "\",\"plan\":\"growth\",\"name\":\"kill-both\"}");
            assertThat(issued.status()).as(issued.body()).isEqualTo(201);
            String key = issued.json().get("key").asString();
            // Answers come late, so each kill finds events sent but not yet acknowledged.
            slowLink.script(IntStream.range(0, 100_000).mapToObj(i -> new Slow(Duration.ofMillis(25)))
                    .toArray(Slow[]::new));
            Map<String, String> app = OutboxCrashAgainstServerTest.properties(database, invoices, outbox,
                    slowLink.baseUri(), key, organization);

            Set<String> printed = ConcurrentHashMap.newKeySet();
            Map<String, String> paced = new LinkedHashMap<>(app);
            // An operator's application calls at a human pace; unpaced, the backlog of the server's outage
            // (thousands of events a second) would delay the held batch, which is claimed after it.
            paced.put(InvoiceApp.PAUSE_PROPERTY, "10");
            Process child = startApplication(paced);
            // Read all the time: a full pipe would block the child's logging, and with it its relay.
            CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> readCommits(child, printed));
            awaitCommits(child, printed, COMMITS_PER_PHASE);
            server.kill();
            awaitCommits(child, printed, 2 * COMMITS_PER_PHASE);
            server.restart();
            int seenBeforeRestart = slowLink.seen().size();
            await().atMost(Duration.ofSeconds(60)).until(() -> slowLink.seen().stream().skip(seenBeforeRestart)
                    .anyMatch(seen -> seen.answered() == 201));
            int beforeKill = printed.size();
            awaitCommits(child, printed, beforeKill + COMMITS_PER_PHASE);
            // Kill while the relay holds a claimed batch (each answer takes 25 ms through the slow link):
            // that batch is the one the restarted application must deliver.
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(2)).until(() -> jdbc.queryForObject(
                    "select count(*) from " + outbox + " where state = 'pending' and lease_owner is not null",
                    Long.class) > 0);
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reading.get(30, TimeUnit.SECONDS);
            assertThat(printed).as("commits printed before the application was killed").hasSizeGreaterThan(beforeKill);

            Set<String> committed = new HashSet<>(jdbc.queryForList("select id from " + invoices, String.class));
            assertThat(committed).containsAll(printed).noneMatch(id -> id.startsWith("bad-"));
            long undelivered = jdbc.queryForObject("select count(*) from " + outbox + " where state <> 'delivered'",
                    Long.class);
            assertThat(undelivered).as("the application was killed mid-stream").isPositive();

            List<String> held = jdbc.queryForList("select event_id from " + outbox
                    + " where state = 'pending' and lease_owner is not null", String.class);
            assertThat(held).as("the killed application held a batch").isNotEmpty();

            // The link is fast again: the held batch waits for its lease, not behind a backlog sent through a slow link.
            slowLink.reset();
            long restartedAt = System.nanoTime();
            long heldDeliveredAfter;
            try (ConfigurableApplicationContext restarted = InvoiceApp.start(app)) {
                await().atMost(HELD_BATCH_BOUND).until(() -> jdbc.queryForObject("select count(*) from " + outbox
                        + " where state = 'delivered' and event_id in ('" + String.join("','", held) + "')", Long.class)
                        == held.size());
                heldDeliveredAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restartedAt);
                JdbcOutbox table = restarted.getBean(JdbcOutbox.class);
                await().atMost(BACKLOG_BOUND).until(() -> table.pendingCount("http") == 0);
            }
            long drainedAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restartedAt);

            List<String> outboxIds = jdbc.queryForList("select event_id from " + outbox, String.class);
            assertThat(jdbc.queryForObject("select count(*) from " + outbox + " where state = 'dead'", Long.class)).isZero();
            List<String> storedIds = pages(http, key, "", "id");
            assertThat(storedIds).as("each event once, under the application's own id, and nothing else")
                    .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(outboxIds);
            assertThat(pages(http, key, "&outcome=success", "resource_id"))
                    .as("one success event per committed invoice, none for a rolled-back one")
                    .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(committed);
            // A request the kill caught between counting and storing is counted again when it is resent (docs/known-limits.md).
            long counted = http.get("/v1/usage", key).json().get("events_this_month").asLong();
            assertThat(counted).as("every stored event counted").isGreaterThanOrEqualTo(outboxIds.size());
            System.out.printf("server and application killed: %d invoices committed, %d outbox events undelivered at "
                    + "the application's kill (%d held), held batch delivered %d ms and outbox drained %d ms after its "
                    + "restart, usage counted %d over%n", committed.size(), undelivered, held.size(), heldDeliveredAfter,
                    drainedAfter, counted - outboxIds.size());
        } finally {
            jdbc.execute("drop table if exists " + invoices);
            jdbc.execute("drop table if exists " + outbox);
        }
    }

    private Process startApplication(Map<String, String> properties) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                InvoiceApp.class.getName()));
        Collections.addAll(command, InvoiceApp.arguments(properties));
        Process child = new ProcessBuilder(command).redirectError(temp.resolve("app.err").toFile()).start();
        // A child that hangs is killed too; the assertion on what it printed then fails with its errors.
        CompletableFuture.delayedExecutor(CHILD_DEADLINE.toSeconds(), TimeUnit.SECONDS).execute(child::destroyForcibly);
        return child;
    }

    private static void readCommits(Process child, Set<String> printed) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("COMMITTED ")) {
                    printed.add(line.substring("COMMITTED ".length()));
                }
            }
        } catch (IOException closedByTheKill) {
            // Killing the child closes its output; every line printed before is in the set.
        }
    }

    private void awaitCommits(Process child, Set<String> printed, int count) throws IOException {
        try {
            await().atMost(CHILD_DEADLINE).failFast("the application died", () -> !child.isAlive())
                    .until(() -> printed.size() >= count);
        } catch (RuntimeException e) {
            throw new AssertionError("the application printed " + printed.size() + " commits, not " + count
                    + "; its errors:\n" + Files.readString(temp.resolve("app.err")), e);
        }
    }

    private static List<String> pages(Http http, String key, String filter, String field) {
        List<String> values = new ArrayList<>();
        for (int offset = 0; ; offset += 1000) {
            JsonNode page = http.get("/v1/events?limit=1000&offset=" + offset + filter, key).json();
            page.get("events").forEach(event -> values.add(event.get(field).asString()));
            if (page.get("events").size() < 1000) {
                return values;
            }
        }
    }
}
