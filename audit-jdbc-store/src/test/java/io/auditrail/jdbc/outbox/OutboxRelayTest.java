package io.auditrail.jdbc.outbox;

import static io.auditrail.jdbc.outbox.OutboxTestEvents.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.auditrail.core.config.InitializeSchema;
import io.auditrail.core.dispatch.RetryBackoff;
import io.auditrail.core.dispatch.outbox.Outbox;
import io.auditrail.core.dispatch.outbox.OutboxEntry;
import io.auditrail.core.dispatch.outbox.OutboxRelay;
import io.auditrail.core.dispatch.outbox.OutboxRelaySettings;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.http.HostedApiSettings;
import io.auditrail.core.http.HostedApiSink;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.spi.AuditMonitor;
import io.auditrail.core.spi.AuditSink;
import io.auditrail.jdbc.contract.H2Config;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The relay against a real HTTP server on loopback, through the real {@link HostedApiSink}
 * and a real outbox table. Retry timing runs on a hand-moved clock, so nothing sleeps.
 */
class OutboxRelayTest {

    private static final RetryBackoff BACKOFF = new RetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60), 2.0, 0.0);

    private final MovableClock clock = new MovableClock();
    private final Map<String, AtomicInteger> monitored = new ConcurrentHashMap<>();
    private final AuditMonitor monitor = new AuditMonitor() {
        @Override
        public void delivered(String sink, List<AuditEvent> events, Duration latency) {
            count("delivered", events.size());
        }

        @Override
        public void sinkFailed(String sink, List<AuditEvent> events, Throwable error, boolean willRetry) {
            count("failed-" + willRetry, events.size());
        }

        @Override
        public void dropped(String sink, AuditEvent event, String reason) {
            count("dropped-" + reason, 1);
        }
    };
    private LoopbackAuditApi api;
    private HostedApiSink sink;
    private JdbcOutbox outbox;
    private String table;

    @BeforeEach
    void start() throws IOException {
        api = new LoopbackAuditApi();
        sink = new HostedApiSink(new HostedApiSettings(api.baseUri(), "key_test", Duration.ofSeconds(2),
                Duration.ofSeconds(5), 4), new AuditEventCodec());
        table = "relay_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        outbox = JdbcOutbox.builder(H2Config.INSTANCE.dataSource()).tableName(table)
                .initializeSchema(InitializeSchema.ALWAYS).clock(clock).build();
    }

    @AfterEach
    void stop() throws SQLException {
        api.close();
        try (Connection connection = H2Config.INSTANCE.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + table);
        }
    }

    private OutboxRelay relay(int batchSize) {
        return new OutboxRelay(outbox, sink, new OutboxRelaySettings(batchSize, Duration.ofSeconds(1),
                Duration.ofMinutes(1), BACKOFF, Duration.ofDays(1)), monitor, clock, null);
    }

    private void count(String key, int n) {
        monitored.computeIfAbsent(key, k -> new AtomicInteger()).addAndGet(n);
    }

    @Test
    void everyEventReachesTheApiOnceUnderItsOwnIdAndIsMarkedDelivered() {
        List<AuditEvent> events = events(12);
        outbox.append("http", events);
        OutboxRelay relay = relay(5);
        assertThat(relay.relayOnce()).as("a full batch: go on at once").isZero();
        assertThat(relay.relayOnce()).isZero();
        assertThat(relay.relayOnce()).as("backlog empty: poll interval").isEqualTo(Duration.ofSeconds(1));
        assertThat(api.storedIds()).containsExactlyInAnyOrderElementsOf(events.stream().map(e -> e.id().toString()).toList());
        assertThat(events).allSatisfy(e -> assertThat(api.deliveries(e.id().toString())).isEqualTo(1));
        assertThat(outbox.pendingCount("http")).isZero();
        assertThat(monitored.get("delivered")).hasValue(12);
    }

    @Test
    void serverErrorsAreRetriedWithGrowingBackoffAndTheSameId() throws SQLException {
        AuditEvent event = events(1).get(0);
        outbox.append("http", List.of(event));
        OutboxRelay relay = relay(10);
        api.script(key -> new LoopbackAuditApi.Reply(500, null, "{\"error\":\"boom\"}"));

        assertThat(relay.relayOnce()).isEqualTo(Duration.ofSeconds(1));
        assertThat(relay.relayOnce()).as("not due yet: no request").isEqualTo(Duration.ofSeconds(1));
        assertThat(api.requests()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(relay.relayOnce()).as("second failure in a row").isEqualTo(Duration.ofSeconds(2));
        assertThat(attempts()).isEqualTo(2);
        assertThat(lastError()).contains("HTTP 500");

        api.up();
        clock.advance(Duration.ofMillis(1999));
        relay.relayOnce();
        assertThat(api.storedIds()).as("the entry waits for its own backoff").isEmpty();
        clock.advance(Duration.ofMillis(1));
        relay.relayOnce();
        assertThat(api.storedIds()).containsExactly(event.id().toString());
        assertThat(api.deliveries(event.id().toString())).isEqualTo(3);
        assertThat(monitored.get("failed-true")).hasValue(2);
    }

    @Test
    void retryAfterIsHonouredByTheEntryAndByTheRelay() {
        AuditEvent event = events(1).get(0);
        outbox.append("http", List.of(event));
        OutboxRelay relay = relay(10);
        api.script(key -> new LoopbackAuditApi.Reply(429, "120", "{\"error\":\"slow down\"}"));

        assertThat(relay.relayOnce()).isEqualTo(Duration.ofSeconds(120));
        api.up();
        clock.advance(Duration.ofSeconds(119));
        relay.relayOnce();
        assertThat(api.requests()).as("no request before Retry-After").isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        relay.relayOnce();
        assertThat(api.storedIds()).containsExactly(event.id().toString());
    }

    @Test
    void aRefusedEventIsParkedAsDeadWithTheApisReasonWhileTheRestIsDelivered() throws SQLException {
        List<AuditEvent> events = events(3);
        String refused = events.get(1).id().toString();
        outbox.append("http", events);
        api.script(key -> key.equals(refused) ? new LoopbackAuditApi.Reply(400, null, "{\"error\":\"action is invalid\"}")
                : null);
        OutboxRelay relay = relay(10);
        relay.relayOnce();
        clock.advance(Duration.ofDays(1));
        relay.relayOnce();
        assertThat(api.deliveries(refused)).as("never retried").isEqualTo(1);
        assertThat(api.storedIds()).containsExactlyInAnyOrder(events.get(0).id().toString(), events.get(2).id().toString());
        assertThat(outbox.pendingCount("http")).isZero();
        try (Connection connection = H2Config.INSTANCE.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT state, last_error FROM " + table + " WHERE event_id = '"
                        + refused + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("state")).isEqualTo("dead");
            assertThat(rs.getString("last_error")).contains("HTTP 400").contains("action is invalid");
        }
        assertThat(monitored.get("dropped-dead-letter")).hasValue(1);
        assertThat(monitored.get("delivered")).hasValue(2);
    }

    @Test
    void anOutageOfTheApiLosesNothingOnceItIsBack() {
        List<AuditEvent> events = events(40);
        api.down();
        outbox.append("http", events.subList(0, 20));
        RetryBackoff quick = new RetryBackoff(Duration.ofMillis(5), Duration.ofMillis(40), 2.0, 0.2);
        try (OutboxRelay relay = new OutboxRelay(outbox, sink, new OutboxRelaySettings(7, Duration.ofMillis(10),
                Duration.ofMinutes(1), quick, Duration.ofDays(1)), monitor)) {
            relay.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> api.requests() >= 40);
            outbox.append("http", events.subList(20, 40));
            assertThat(api.storedIds()).isEmpty();
            api.up();
            // The API stores a batch before the relay marks its rows delivered: wait for both.
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> api.storedIds().size() == 40 && outbox.pendingCount("http") == 0);
        }
        assertThat(api.storedIds()).containsExactlyInAnyOrderElementsOf(events.stream().map(e -> e.id().toString()).toList());
        assertThat(outbox.pendingCount("http")).isZero();
    }

    @Test
    void anyOtherSinkFailureIsRetriedAndALostDatabaseOnlyPausesTheRelay() throws SQLException {
        AuditEvent event = events(1).get(0);
        outbox.append("http", List.of(event));
        AtomicInteger calls = new AtomicInteger();
        AuditSink flaky = new AuditSink() {
            @Override
            public void write(List<AuditEvent> batch) {
                if (calls.incrementAndGet() == 1) {
                    throw new IllegalStateException("broker hiccup");
                }
                sink.write(batch);
            }

            @Override
            public String name() {
                return "http";
            }
        };
        OutboxRelay relay = new OutboxRelay(outbox, flaky, new OutboxRelaySettings(10, Duration.ofSeconds(1),
                Duration.ofMinutes(1), BACKOFF, Duration.ofDays(1)), monitor, clock, null);
        assertThat(relay.relayOnce()).isEqualTo(Duration.ofSeconds(1));
        assertThat(lastError()).isEqualTo("broker hiccup");
        clock.advance(Duration.ofSeconds(1));
        relay.relayOnce();
        assertThat(api.storedIds()).containsExactly(event.id().toString());

        try (Connection connection = H2Config.INSTANCE.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE " + table);
        }
        assertThat(relay.relayOnce()).as("a backoff, not an exception").isEqualTo(Duration.ofSeconds(1));
        assertThat(relay.relayOnce()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aBatchClaimedByARelayThatDiedIsDeliveredByAnotherOnceTheDefaultLeaseEnds() {
        List<AuditEvent> events = events(3);
        outbox.append("http", events);
        assertThat(outbox.claim("http", "relay-that-died", 10, clock.instant(), OutboxRelaySettings.DEFAULTS.lease()))
                .hasSize(3);
        try (OutboxRelay relay = new OutboxRelay(outbox, sink, OutboxRelaySettings.DEFAULTS, monitor, clock, null)) {
            clock.advance(Duration.ofSeconds(29));
            relay.relayOnce();
            assertThat(api.requests()).as("still leased to the dead relay").isZero();
            clock.advance(Duration.ofSeconds(1));
            relay.relayOnce();
        }
        assertThat(api.storedIds()).containsExactlyInAnyOrderElementsOf(events.stream().map(e -> e.id().toString()).toList());
        assertThat(outbox.pendingCount("http")).isZero();
    }

    @Test
    void aLiveRelayRenewsItsLeaseWhileTheSinkIsSlowSoNoOtherRelayTakesTheBatch() {
        List<AuditEvent> events = events(4);
        outbox.append("http", events);
        Duration lease = Duration.ofMillis(300);
        RenewalCounting counted = new RenewalCounting(outbox);
        OutboxRelay other = relay(10);
        AuditSink slow = new AuditSink() {
            @Override
            public void write(List<AuditEvent> batch) {
                // Two thirds of the lease pass; the relay's renewal moves the lease's end past them.
                clock.advance(lease.multipliedBy(2).dividedBy(3));
                int before = counted.fullRenewals.get();
                // The second renewal from here certainly read the moved clock.
                await().atMost(Duration.ofSeconds(20)).until(() -> counted.fullRenewals.get() > before + 1);
                clock.advance(lease.multipliedBy(2).dividedBy(3));
                other.relayOnce();
                assertThat(api.requests()).as("past the first lease, but renewed: the other relay got nothing").isZero();
                sink.write(batch);
            }

            @Override
            public String name() {
                return "http";
            }
        };
        try (OutboxRelay relay = new OutboxRelay(counted, slow, new OutboxRelaySettings(10, Duration.ofSeconds(1), lease,
                BACKOFF, Duration.ofDays(1)), monitor, clock, null)) {
            relay.relayOnce();
        }
        other.close();
        assertThat(events).allSatisfy(e -> assertThat(api.deliveries(e.id().toString())).as("sent once").isEqualTo(1));
        assertThat(outbox.pendingCount("http")).isZero();
    }

    @Test
    void closeStopsTheRelayThread() {
        OutboxRelay relay = new OutboxRelay(outbox, sink, new OutboxRelaySettings(10, Duration.ofHours(1),
                Duration.ofMinutes(1), BACKOFF, Duration.ofDays(1)), monitor);
        relay.start();
        assertThat(relay.isRunning()).isTrue();
        relay.close(Duration.ofSeconds(10));
        assertThat(relay.isRunning()).as("the hour-long poll wait ends at close").isFalse();
    }

    private int attempts() throws SQLException {
        return Integer.parseInt(single("attempts"));
    }

    private String lastError() throws SQLException {
        return single("last_error");
    }

    private String single(String column) throws SQLException {
        try (Connection connection = H2Config.INSTANCE.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT " + column + " FROM " + table)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    /** Counts renewals that found every entry still held. */
    static final class RenewalCounting implements Outbox {
        private final Outbox delegate;
        final AtomicInteger fullRenewals = new AtomicInteger();

        RenewalCounting(Outbox delegate) {
            this.delegate = delegate;
        }

        @Override
        public int renew(String owner, List<OutboxEntry> entries, Instant leaseUntil) {
            int renewed = delegate.renew(owner, entries, leaseUntil);
            if (renewed == entries.size()) {
                fullRenewals.incrementAndGet();
            }
            return renewed;
        }

        @Override
        public void append(String destination, List<AuditEvent> events) {
            delegate.append(destination, events);
        }

        @Override
        public List<OutboxEntry> claim(String destination, String owner, int limit, Instant now, Duration lease) {
            return delegate.claim(destination, owner, limit, now, lease);
        }

        @Override
        public void markDelivered(String owner, List<OutboxEntry> entries, Instant now) {
            delegate.markDelivered(owner, entries, now);
        }

        @Override
        public void retryLater(String owner, List<Retry> retries, String error) {
            delegate.retryLater(owner, retries, error);
        }

        @Override
        public void markDead(String owner, OutboxEntry entry, String reason, Instant now) {
            delegate.markDead(owner, entry, reason, now);
        }

        @Override
        public long purgeDelivered(Instant cutoff) {
            return delegate.purgeDelivered(cutoff);
        }

        @Override
        public long pendingCount(String destination) {
            return delegate.pendingCount(destination);
        }
    }

    /** A clock the test moves by hand. */
    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-11-23T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
