package io.auditrail.jdbc.outbox;

import static io.auditrail.jdbc.outbox.OutboxTestEvents.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.auditrail.core.config.InitializeSchema;
import io.auditrail.core.dispatch.outbox.OutboxRelay;
import io.auditrail.core.dispatch.outbox.OutboxRelaySettings;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.http.HostedApiSettings;
import io.auditrail.core.http.HostedApiSink;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.spi.AuditMonitor;
import io.auditrail.jdbc.contract.PostgresConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Kills, with SIGKILL, a relay running on the default settings in a child JVM while the API
 * holds its batch mid-request; a relay started afterwards, also on the defaults, must deliver
 * that batch once the dead relay's lease ends, a lease (30 s) after the claim, not five minutes.
 */
class OutboxLeaseRecoveryCrashTest {

    /** The default lease, the poll interval and room for a loaded machine; the old 5-minute lease fails it. */
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(60);

    @Test
    void aBatchHeldByAKilledRelayIsDeliveredByTheNextRelayOnceTheDefaultLeaseEnds() throws Exception {
        PGSimpleDataSource dataSource = (PGSimpleDataSource) PostgresConfig.get().dataSource();
        String table = "lease_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        JdbcOutbox outbox = JdbcOutbox.builder(dataSource).tableName(table).initializeSchema(InitializeSchema.ALWAYS).build();
        List<AuditEvent> events = events(7);
        outbox.append("http", events);
        try (LoopbackAuditApi api = new LoopbackAuditApi()) {
            api.hold();
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx128m", "-cp", System.getProperty("java.class.path"), OutboxRelayChild.class.getName(),
                    dataSource.getURL(), String.valueOf(dataSource.getUser()), String.valueOf(dataSource.getPassword()),
                    table, api.baseUri().toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null && !line.equals("RELAYING")) {
                    // The child's log lines, if any, come before.
                }
                assertThat(line).as("the child relay started").isEqualTo("RELAYING");
                await().atMost(Duration.ofSeconds(30)).until(() -> api.requests() >= 1);
            } finally {
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            long killedAt = System.nanoTime();
            // Requests the dead child had fully sent may still be stored now; none was acknowledged.
            api.release();
            assertThat(outbox.pendingCount("http")).isEqualTo(events.size());
            assertThat(leased(dataSource, table)).as("the dead relay held the whole batch").isEqualTo(events.size());

            HostedApiSink sink = new HostedApiSink(HostedApiSettings.of(api.baseUri(), "key_crash"), new AuditEventCodec());
            try (OutboxRelay relay = new OutboxRelay(outbox, sink, OutboxRelaySettings.DEFAULTS, AuditMonitor.NONE)) {
                relay.start();
                // Only the new relay can mark them delivered: the dead one never had an answer.
                await().atMost(RECOVERY_BOUND).until(() -> outbox.pendingCount("http") == 0);
            }
            long recoveredAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
            assertThat(api.storedIds()).containsExactlyInAnyOrderElementsOf(events.stream().map(e -> e.id().toString()).toList());
            System.out.printf("lease recovery: the held batch of %d events was delivered %d ms after the kill%n",
                    events.size(), recoveredAfter);
        } finally {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS " + table);
            }
        }
    }

    private static int leased(PGSimpleDataSource dataSource, String table) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE lease_owner IS NOT NULL")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
