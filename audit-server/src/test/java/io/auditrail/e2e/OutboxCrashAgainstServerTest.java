package io.auditrail.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.auditrail.jdbc.contract.PostgresConfig;
import io.auditrail.jdbc.outbox.JdbcOutbox;
import io.auditrail.server.support.FaultProxy;
import io.auditrail.server.support.FaultProxy.Seen;
import io.auditrail.server.support.FaultProxy.Slow;
import io.auditrail.server.support.Http;
import io.auditrail.server.support.TestServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
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
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The crash test against the real server: a child JVM running a Spring Boot application
 * with {@code auditrail.sink=http} and {@code auditrail.dispatch=outbox} on embedded PostgreSQL
 * commits audited business transactions in a loop while its relay sends them, through a proxy
 * that answers slowly, to the real audit-server; the parent kills it with SIGKILL mid-stream and
 * restarts the application on the same database. Every committed invoice's event must then be in
 * the server's store exactly once, under the id the application gave it, and no success event of a
 * rolled-back transaction anywhere.
 */
class OutboxCrashAgainstServerTest {

    private static final int COMMITTED_BEFORE_KILL = 100;
    private static final Duration CHILD_DEADLINE = Duration.ofSeconds(90);

    @TempDir
    Path temp;

    @Test
    void everyCommittedEventIsStoredOnceInTheServerAfterTheApplicationIsKilled() throws Exception {
        PGSimpleDataSource database = (PGSimpleDataSource) PostgresConfig.get().dataSource();
        JdbcTemplate jdbc = new JdbcTemplate(database);
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String invoices = "invoices_" + suffix;
        String outbox = "outbox_" + suffix;
        jdbc.execute("create table " + invoices + " (id varchar(64) primary key)");
        try (TestServer server = TestServer.start(TestServer.h2()); FaultProxy slowLink = new FaultProxy(server.baseUri())) {
            Http http = new Http(server.baseUri());
            String organization = "org-" + suffix;
            Http.Answer issued = http.post("/admin/keys", TestServer.ADMIN_TOKEN,
                    "{\"organization_id\":\"" + organization + "\",\"plan\":\"growth\",\"name\":\"crash-test\"}");
            assertThat(issued.status()).as(issued.body()).isEqualTo(201);
            String key = issued.json().get("key").asString();
            // Every answer comes late, so the kill finds events committed but unsent, and events sent but unacknowledged.
            slowLink.script(IntStream.range(0, 10_000).mapToObj(i -> new Slow(Duration.ofMillis(25))).toArray(Slow[]::new));

            Map<String, String> child = properties(database, invoices, outbox, slowLink.baseUri(), key, organization);
            child.put("auditrail.outbox.batch-size", "5");
            // Short, so the restarted application takes over what the killed one held without a long wait.
            child.put("auditrail.outbox.lease", "2s");
            Set<String> printed = runAndKill(child);

            Set<String> committed = new HashSet<>(jdbc.queryForList("select id from " + invoices, String.class));
            assertThat(committed).as("what the child printed was committed").containsAll(printed)
                    .noneMatch(id -> id.startsWith("bad-"));
            long undelivered = jdbc.queryForObject("select count(*) from " + outbox + " where state <> 'delivered'", Long.class);
            assertThat(undelivered).as("the kill came mid-stream").isPositive();
            int sentBeforeKill = slowLink.seen().size();

            try (ConfigurableApplicationContext restarted = InvoiceApp.start(
                    properties(database, invoices, outbox, slowLink.baseUri(), key, organization))) {
                JdbcOutbox table = restarted.getBean(JdbcOutbox.class);
                await().atMost(Duration.ofSeconds(30)).until(() -> table.pendingCount("http") == 0);
            }

            List<String> outboxIds = jdbc.queryForList("select event_id from " + outbox, String.class);
            assertThat(jdbc.queryForObject("select count(*) from " + outbox + " where state = 'dead'", Long.class)).isZero();
            JsonNode all = http.get("/v1/events?limit=1000", key).json();
            List<String> storedIds = ids(all, "id");
            assertThat(storedIds).as("each event once, under the application's own id, and nothing else")
                    .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(outboxIds);
            assertThat(all.get("total").asLong()).isEqualTo(outboxIds.size());
            List<String> successes = ids(http.get("/v1/events?outcome=success&limit=1000", key).json(), "resource_id");
            assertThat(successes).as("one success event per committed invoice, none for a rolled-back one")
                    .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(committed);
            assertThat(ids(http.get("/v1/events?outcome=failure&limit=1000", key).json(), "resource_id"))
                    .as("rolled-back invoices appear only as failures").allMatch(id -> id.startsWith("bad-"));
            assertThat(http.get("/v1/usage", key).json().get("events_this_month").asLong())
                    .as("resent events are not counted again").isEqualTo(outboxIds.size());
            System.out.printf("crash against the server: %d invoices committed (%d printed), %d outbox events "
                    + "undelivered at the kill, %d requests before the kill, %d events sent more than once%n",
                    committed.size(), printed.size(), undelivered, sentBeforeKill, resent(slowLink.seen()));
        } finally {
            jdbc.execute("drop table if exists " + invoices);
            jdbc.execute("drop table if exists " + outbox);
        }
    }

    /** Runs the application in a child JVM until it has printed enough commits, then kills it. */
    private Set<String> runAndKill(Map<String, String> properties) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                InvoiceApp.class.getName()));
        Collections.addAll(command, InvoiceApp.arguments(properties));
        Path stderr = temp.resolve("child.err");
        Process child = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        // A child that hangs or never starts is killed too; the assertion below then shows its output.
        CompletableFuture.delayedExecutor(CHILD_DEADLINE.toSeconds(), TimeUnit.SECONDS).execute(child::destroyForcibly);
        Set<String> printed = new HashSet<>();
        List<String> otherOutput = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (printed.size() < COMMITTED_BEFORE_KILL && (line = out.readLine()) != null) {
                if (line.startsWith("COMMITTED ")) {
                    printed.add(line.substring("COMMITTED ".length()));
                } else if (!line.startsWith("ROLLED_BACK ")) {
                    otherOutput.add(line);
                }
            }
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(printed).as("commits printed before the kill; child output:%n%s%n%s", String.join("\n", otherOutput),
                Files.exists(stderr) ? Files.readString(stderr) : "").hasSize(COMMITTED_BEFORE_KILL);
        return printed;
    }

    static Map<String, String> properties(PGSimpleDataSource database, String invoices, String outbox, URI api, String key,
            String organization) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", database.getURL());
        properties.put("spring.datasource.username", database.getUser() == null ? "postgres" : database.getUser());
        properties.put("spring.datasource.password", database.getPassword() == null ? "" : database.getPassword());
        properties.put("auditrail.sink", "http");
        properties.put("auditrail.dispatch", "outbox");
        properties.put("auditrail.http.base-uri", api.toString());
        properties.put("auditrail.http.api-key", key);
        properties.put("auditrail.default-organization-id", organization);
        properties.put("auditrail.outbox.table-name", outbox);
        properties.put("auditrail.outbox.initialize-schema", "always");
        properties.put("auditrail.outbox.poll-interval", "20ms");
        properties.put("auditrail.outbox.retry-initial-backoff", "50ms");
        properties.put("auditrail.outbox.retry-max-backoff", "200ms");
        properties.put(InvoiceApp.TABLE_PROPERTY, invoices);
        return properties;
    }

    private static List<String> ids(JsonNode page, String field) {
        List<String> ids = new ArrayList<>();
        page.get("events").forEach(event -> ids.add(event.get(field).asString()));
        return ids;
    }

    private static long resent(List<Seen> seen) {
        Set<String> once = new HashSet<>();
        return seen.stream().map(Seen::idempotencyKey).filter(id -> !once.add(id)).distinct().count();
    }
}
