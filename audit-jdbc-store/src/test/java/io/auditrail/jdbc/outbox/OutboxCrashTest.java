package io.auditrail.jdbc.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.core.config.InitializeSchema;
import io.auditrail.core.dispatch.RetryBackoff;
import io.auditrail.core.dispatch.outbox.OutboxRelay;
import io.auditrail.core.dispatch.outbox.OutboxRelaySettings;
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
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Kills a JVM that commits events through the outbox to PostgreSQL while its relay delivers
 * them to a slow loopback API, then lets a fresh relay take over: every committed event must
 * reach the API, stored once under its own id, however many times it was sent.
 */
class OutboxCrashTest {

    private static final int COMMITTED_BEFORE_KILL = 150;
    private static final Duration CHILD_LEASE = Duration.ofMinutes(10);

    @Test
    void everyCommittedEventIsDeliveredOnceStoredAfterTheJvmIsKilled() throws Exception {
        PGSimpleDataSource dataSource = (PGSimpleDataSource) PostgresConfig.get().dataSource();
        String table = "crash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        JdbcOutbox outbox = JdbcOutbox.builder(dataSource).tableName(table).initializeSchema(InitializeSchema.ALWAYS).build();
        Set<String> printed = new HashSet<>();
        try (LoopbackAuditApi api = new LoopbackAuditApi()) {
            api.delay(Duration.ofMillis(15));
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx128m", "-cp", System.getProperty("java.class.path"), OutboxCrashChild.class.getName(),
                    dataSource.getURL(), String.valueOf(dataSource.getUser()), String.valueOf(dataSource.getPassword()),
                    table, api.baseUri().toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while (printed.size() < COMMITTED_BEFORE_KILL && (line = out.readLine()) != null) {
                    if (line.startsWith("COMMITTED ")) {
                        printed.add(line.substring("COMMITTED ".length()));
                    }
                }
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(printed).as("the child committed before it was killed").hasSize(COMMITTED_BEFORE_KILL);
            Set<String> committed = eventIds(table);
            assertThat(committed).containsAll(printed);
            int deliveredBeforeKill = api.storedIds().size();
            assertThat(deliveredBeforeKill).as("the kill came mid-stream").isLessThan(committed.size());

            // A fresh relay, as after a restart; its clock is past the dead relay's leases.
            HostedApiSink sink = new HostedApiSink(HostedApiSettings.of(api.baseUri(), "key_crash"), new AuditEventCodec());
            try (OutboxRelay relay = new OutboxRelay(outbox, sink, new OutboxRelaySettings(50, Duration.ofMillis(10),
                    Duration.ofMinutes(1), new RetryBackoff(Duration.ofMillis(10), Duration.ofMillis(100), 2.0, 0.2),
                    Duration.ofDays(1)), AuditMonitor.NONE, Clock.offset(Clock.systemUTC(), CHILD_LEASE.plusMinutes(1)),
                    null)) {
                api.delay(Duration.ZERO);
                for (int pass = 0; pass < 1000 && outbox.pendingCount("http") > 0; pass++) {
                    relay.relayOnce();
                }
            }
            assertThat(outbox.pendingCount("http")).isZero();
            assertThat(api.storedIds()).as("every committed event, and nothing else").isEqualTo(committed);
            for (String id : committed) {
                assertThat(api.storedBody(id)).as("stored under its own id").contains(id);
            }
            System.out.printf("crash test: %d committed, %d delivered before the kill, %d sent twice%n", committed.size(),
                    deliveredBeforeKill, committed.stream().filter(id -> api.deliveries(id) > 1).count());
        } finally {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS " + table);
            }
        }
    }

    private static Set<String> eventIds(String table) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Connection connection = PostgresConfig.get().dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT event_id FROM " + table)) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }
}
