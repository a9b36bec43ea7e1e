package io.auditrail.jdbc.outbox;

import static io.auditrail.jdbc.outbox.OutboxTestEvents.event;
import static io.auditrail.jdbc.outbox.OutboxTestEvents.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.core.config.InitializeSchema;
import io.auditrail.core.dispatch.outbox.Outbox;
import io.auditrail.core.dispatch.outbox.OutboxEntry;
import io.auditrail.core.dispatch.outbox.OutboxException;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.jdbc.contract.DbConfig;
import io.auditrail.jdbc.contract.SingleConnectionDataSource;
import io.auditrail.jdbc.schema.SchemaValidationException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What every database must do for the outbox, run unchanged on H2, HSQLDB, PostgreSQL and MariaDB.
 * Each test works in its own freshly created table, dropped afterwards.
 */
public abstract class AbstractJdbcOutboxContractTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(1);
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    private String table;

    /**
     * The database under test.
     *
     * @return its configuration
     */
    protected abstract DbConfig dbConfig();

    @BeforeEach
    void newTable() {
        table = "outbox_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    @AfterEach
    void dropTable() throws SQLException {
        try (Connection connection = dbConfig().dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + table);
        }
    }

    private JdbcOutbox outbox(DataSource dataSource, OutboxClaimStrategy strategy) {
        return JdbcOutbox.builder(dataSource).tableName(table).initializeSchema(InitializeSchema.ALWAYS)
                .claimStrategy(strategy).clock(CLOCK).build();
    }

    private JdbcOutbox outbox() {
        return outbox(dbConfig().dataSource(), OutboxClaimStrategy.AUTO);
    }

    /**
     * Whether the database has {@code FOR UPDATE SKIP LOCKED}.
     *
     * @return {@code true} unless a subclass says otherwise
     */
    protected boolean hasSkipLocked() {
        return true;
    }

    @Test
    void claimsWithSkipLockedWhereTheDatabaseHasIt() {
        assertThat(outbox().claimStrategy())
                .isEqualTo(hasSkipLocked() ? OutboxClaimStrategy.SKIP_LOCKED : OutboxClaimStrategy.COMPARE_AND_SET);
    }

    @Test
    void aMissingTableFailsTheBuildNamingTheDdl() {
        assertThatThrownBy(() -> JdbcOutbox.builder(dbConfig().dataSource()).tableName(table)
                .initializeSchema(InitializeSchema.NEVER).build())
                .isInstanceOf(SchemaValidationException.class)
                .hasMessageContaining("outbox table " + table + " does not exist")
                .hasMessageContaining("io/auditrail/jdbc/schema/v1/outbox-")
                .hasMessageContaining("auditrail.outbox.initialize-schema=always")
                .hasMessageContaining("auditrail.jdbc.validate-schema=false");
    }

    @Test
    void aTableLackingAColumnFailsTheBuildNamingTheColumn() throws SQLException {
        try (Connection connection = dbConfig().dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + table + " (seq BIGINT PRIMARY KEY, destination VARCHAR(64))");
        }

        assertThatThrownBy(() -> JdbcOutbox.builder(dbConfig().dataSource()).tableName(table)
                .initializeSchema(InitializeSchema.NEVER).build())
                .isInstanceOf(SchemaValidationException.class)
                .hasMessageContaining("outbox table " + table + " lacks columns event_id, payload, state, attempts,"
                        + " next_attempt_at, lease_owner, last_error, created_at, done_at");
    }

    @Test
    void anEventAppendedInACommittedTransactionIsClaimableWithItsIdAndContent() throws SQLException {
        JdbcOutbox outbox = outbox();
        AuditEvent event = event(1);
        try (Connection connection = dbConfig().dataSource().getConnection()) {
            connection.setAutoCommit(false);
            JdbcOutbox joined = JdbcOutbox.builder(new SingleConnectionDataSource(connection)).tableName(table)
                    .initializeSchema(InitializeSchema.NEVER).joinCallerTransactionsWhen(() -> true).clock(CLOCK).build();
            joined.append("http", List.of(event));
            assertThat(outbox.claim("http", "relay-a", 10, T0, LEASE)).as("not visible before commit").isEmpty();
            connection.commit();
        }
        List<OutboxEntry> claimed = outbox.claim("http", "relay-a", 10, T0, LEASE);
        assertThat(claimed).singleElement().satisfies(entry -> {
            assertThat(entry.event()).isEqualTo(event);
            assertThat(entry.attempts()).isZero();
        });
    }

    @Test
    void anEventAppendedInARolledBackTransactionIsNeverClaimed() throws SQLException {
        JdbcOutbox outbox = outbox();
        try (Connection connection = dbConfig().dataSource().getConnection()) {
            connection.setAutoCommit(false);
            JdbcOutbox joined = JdbcOutbox.builder(new SingleConnectionDataSource(connection)).tableName(table)
                    .initializeSchema(InitializeSchema.NEVER).joinCallerTransactionsWhen(() -> true).clock(CLOCK).build();
            joined.append("http", List.of(event(1)));
            connection.rollback();
        }
        assertThat(outbox.claim("http", "relay-a", 10, T0.plus(Duration.ofDays(1)), LEASE)).isEmpty();
        assertThat(outbox.pendingCount("http")).isZero();
    }

    @Test
    void withoutATransactionAnAppendCommitsBeforeItReturns() throws SQLException {
        try (Connection connection = dbConfig().dataSource().getConnection()) {
            connection.setAutoCommit(false);
            // A pool handing out connections with auto-commit off: the append is still the outbox's to commit.
            JdbcOutbox own = outbox(new SingleConnectionDataSource(connection), OutboxClaimStrategy.AUTO);
            own.append("http", List.of(event(1)));
            connection.rollback();
        }
        assertThat(outbox().claim("http", "relay-a", 10, T0, LEASE)).hasSize(1);
    }

    @Test
    void appendSkipsAnIdAlreadyStoredForTheDestinationButKeepsOneRowPerDestination() {
        JdbcOutbox outbox = outbox();
        AuditEvent event = event(1);
        outbox.append("http", List.of(event, event));
        outbox.append("http", List.of(event));
        outbox.append("kafka", List.of(event));
        assertThat(outbox.pendingCount("http")).isEqualTo(1);
        assertThat(outbox.pendingCount("kafka")).isEqualTo(1);
        assertThat(outbox.claim("kafka", "relay-k", 10, T0, LEASE)).extracting(e -> e.event().id())
                .containsExactly(event.id());
    }

    @Test
    void aDestinationTheTableCannotHoldIsRefusedWithItsName() {
        assertThatThrownBy(() -> outbox().append("x".repeat(65), List.of(event(1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 64 characters");
    }

    @Test
    void aFailedAppendThrowsAndLeavesTheCallersTransactionUsable() throws SQLException {
        outbox();
        try (Connection connection = dbConfig().dataSource().getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE " + table);
            }
            connection.setAutoCommit(false);
            JdbcOutbox inTransaction = JdbcOutbox.builder(new SingleConnectionDataSource(connection)).tableName(table)
                    .initializeSchema(InitializeSchema.NEVER).validateSchema(false).joinCallerTransactionsWhen(() -> true)
                    .clock(CLOCK).build();
            assertThatThrownBy(() -> inTransaction.append("http", List.of(event(1))))
                    .isInstanceOf(OutboxException.class).hasMessageContaining(table)
                    .hasMessageContaining("caller's transaction");
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES")) {
                assertThat(rs.next()).as("the caller decides; its transaction still works").isTrue();
            }
            connection.rollback();
        }
    }

    @Test
    void claimsOldestFirstUpToTheLimitAndLeasesThem() {
        JdbcOutbox outbox = outbox();
        List<AuditEvent> events = events(5);
        outbox.append("http", events);
        List<OutboxEntry> first = outbox.claim("http", "relay-a", 3, T0, LEASE);
        assertThat(first).extracting(OutboxEntry::event).containsExactlyElementsOf(events.subList(0, 3));
        assertThat(outbox.claim("http", "relay-b", 10, T0, LEASE)).extracting(OutboxEntry::event)
                .containsExactlyElementsOf(events.subList(3, 5));
        assertThat(outbox.claim("http", "relay-c", 10, T0.plusSeconds(59), LEASE)).isEmpty();
        assertThat(outbox.claim("other", "relay-c", 10, T0, LEASE)).isEmpty();
    }

    @Test
    void anExpiredLeaseIsClaimedAgainAndTheFormerOwnerCanNoLongerMarkIt() {
        JdbcOutbox outbox = outbox();
        outbox.append("http", List.of(event(1)));
        OutboxEntry crashed = outbox.claim("http", "relay-a", 10, T0, LEASE).get(0);
        Instant afterLease = T0.plus(LEASE).plusSeconds(1);
        List<OutboxEntry> recovered = outbox.claim("http", "relay-b", 10, afterLease, LEASE);
        assertThat(recovered).extracting(e -> e.event().id()).containsExactly(crashed.event().id());
        outbox.retryLater("relay-a", List.of(new Outbox.Retry(crashed, afterLease)), "stale");
        assertThat(outbox.claim("http", "relay-c", 10, afterLease.plusSeconds(1), LEASE)).as("still relay-b's").isEmpty();
        outbox.markDelivered("relay-b", recovered, afterLease);
        assertThat(outbox.pendingCount("http")).isZero();
        assertThat(outbox.claim("http", "relay-c", 10, afterLease.plus(Duration.ofDays(1)), LEASE)).isEmpty();
    }

    @Test
    void aRenewedLeaseKeepsTheEntriesFromOtherClaimersUntilItsNewEnd() {
        JdbcOutbox outbox = outbox();
        outbox.append("http", events(3));
        List<OutboxEntry> held = outbox.claim("http", "relay-a", 10, T0, LEASE);
        Instant renewedAt = T0.plusSeconds(40);
        assertThat(outbox.renew("relay-a", held, renewedAt.plus(LEASE))).isEqualTo(3);
        assertThat(outbox.claim("http", "relay-b", 10, T0.plus(LEASE).plusSeconds(1), LEASE))
                .as("the first lease ended, the renewed one did not").isEmpty();
        assertThat(outbox.claim("http", "relay-b", 10, renewedAt.plus(LEASE), LEASE)).as("due when the renewed lease ends")
                .extracting(e -> e.event().id()).containsExactlyElementsOf(held.stream().map(e -> e.event().id()).toList());
    }

    @Test
    void onlyEntriesTheOwnerStillHoldsAreRenewed() {
        JdbcOutbox outbox = outbox();
        outbox.append("http", events(3));
        List<OutboxEntry> held = outbox.claim("http", "relay-a", 10, T0, LEASE);
        outbox.markDelivered("relay-a", held.subList(0, 1), T0);
        outbox.retryLater("relay-a", List.of(new Outbox.Retry(held.get(1), T0.plusSeconds(1))), "boom");
        assertThat(outbox.renew("relay-b", held, T0.plus(Duration.ofDays(1)))).as("not relay-b's").isZero();
        assertThat(outbox.renew("relay-a", held, T0.plus(Duration.ofDays(1)))).as("only the one still leased").isEqualTo(1);
        assertThat(outbox.claim("http", "relay-c", 10, T0.plusSeconds(1), LEASE)).as("the rescheduled one is due")
                .extracting(e -> e.event().id()).containsExactly(held.get(1).event().id());
    }

    @Test
    void aRetryCountsTheAttemptKeepsTheErrorAndWaitsUntilItsTime() throws SQLException {
        JdbcOutbox outbox = outbox();
        outbox.append("http", List.of(event(1)));
        OutboxEntry entry = outbox.claim("http", "relay-a", 10, T0, LEASE).get(0);
        Instant next = T0.plusSeconds(30);
        outbox.retryLater("relay-a", List.of(new Outbox.Retry(entry, next)), "HTTP 503");
        assertThat(outbox.claim("http", "relay-a", 10, next.minusMillis(1), LEASE)).isEmpty();
        assertThat(outbox.claim("http", "relay-b", 10, next, LEASE)).singleElement()
                .satisfies(e -> assertThat(e.attempts()).isEqualTo(1));
        assertThat(column(entry, "last_error")).isEqualTo("HTTP 503");
    }

    @Test
    void aDeadLetterKeepsItsReasonIsNeverClaimedAndSurvivesThePurge() throws SQLException {
        JdbcOutbox outbox = outbox();
        outbox.append("http", List.of(event(1)));
        OutboxEntry entry = outbox.claim("http", "relay-a", 10, T0, LEASE).get(0);
        outbox.markDead("relay-a", entry, "HTTP 400: action is invalid", T0);
        assertThat(outbox.claim("http", "relay-b", 10, T0.plus(Duration.ofDays(30)), LEASE)).isEmpty();
        assertThat(outbox.purgeDelivered(T0.plus(Duration.ofDays(30)))).isZero();
        assertThat(column(entry, "state")).isEqualTo("dead");
        assertThat(column(entry, "last_error")).isEqualTo("HTTP 400: action is invalid");
        assertThat(outbox.pendingCount("http")).isZero();
    }

    @Test
    void purgeDeletesOnlyRowsDeliveredBeforeTheCutoff() throws SQLException {
        JdbcOutbox outbox = outbox();
        outbox.append("http", events(3));
        List<OutboxEntry> entries = outbox.claim("http", "relay-a", 10, T0, LEASE);
        outbox.markDelivered("relay-a", entries.subList(0, 2), T0);
        outbox.markDelivered("relay-a", entries.subList(2, 3), T0.plusSeconds(60));
        assertThat(outbox.purgeDelivered(T0.plusSeconds(30))).isEqualTo(2);
        assertThat(rowCount()).isEqualTo(1);
        assertThat(outbox.purgeDelivered(T0.plusSeconds(61))).isEqualTo(1);
        assertThat(rowCount()).isZero();
    }

    @Test
    void aRowThatHoldsNoEventIsParkedInsteadOfBlockingTheRest() throws SQLException {
        JdbcOutbox outbox = outbox();
        List<AuditEvent> events = events(2);
        outbox.append("http", events);
        try (Connection connection = dbConfig().dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE " + table + " SET payload = 'not json' WHERE event_id = '"
                    + events.get(0).id() + "'");
        }
        assertThat(outbox.claim("http", "relay-a", 10, T0, LEASE)).extracting(OutboxEntry::event)
                .containsExactly(events.get(1));
        assertThat(outbox.pendingCount("http")).as("the unreadable row is parked as dead").isEqualTo(1);
    }

    /** Two relays, each with its own data source, on two threads; every event must be claimed exactly once. */
    @ParameterizedTest
    @EnumSource(value = OutboxClaimStrategy.class, names = {"SKIP_LOCKED", "COMPARE_AND_SET"})
    void concurrentRelaysNeverClaimTheSameEvent(OutboxClaimStrategy requested) throws Exception {
        // A database without SKIP LOCKED runs compare-and-set in both rounds.
        OutboxClaimStrategy strategy = hasSkipLocked() ? requested : OutboxClaimStrategy.COMPARE_AND_SET;
        int count = 300;
        outbox().append("http", events(count));
        List<JdbcOutbox> relays = List.of(outbox(new DistinctDataSource(dbConfig().dataSource()), strategy),
                outbox(new DistinctDataSource(dbConfig().dataSource()), strategy));
        Map<UUID, AtomicInteger> claims = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = relays.stream().map(relay -> threads.submit(() -> {
                start.await();
                String owner = "relay-" + System.identityHashCode(relay);
                int mine = 0;
                while (true) {
                    List<OutboxEntry> batch = relay.claim("http", owner, 7, T0, LEASE);
                    if (batch.isEmpty()) {
                        return mine;
                    }
                    batch.forEach(e -> claims.computeIfAbsent(e.event().id(), id -> new AtomicInteger()).incrementAndGet());
                    relay.markDelivered(owner, batch, T0);
                    mine += batch.size();
                }
            })).toList();
            start.countDown();
            int total = 0;
            for (Future<Integer> result : results) {
                total += result.get(60, TimeUnit.SECONDS);
            }
            assertThat(total).isEqualTo(count);
        } finally {
            threads.shutdownNow();
        }
        assertThat(claims).hasSize(count);
        assertThat(claims.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        assertThat(outbox().pendingCount("http")).isZero();
    }

    private String column(OutboxEntry entry, String column) throws SQLException {
        try (Connection connection = dbConfig().dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT " + column + " FROM " + table + " WHERE seq = " + entry.key())) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    private long rowCount() throws SQLException {
        try (Connection connection = dbConfig().dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A second data source object over the same database, as a second application instance has. */
    private record DistinctDataSource(DataSource target) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return target.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return target.getConnection(username, password);
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return target.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            target.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            target.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return target.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            return target.unwrap(iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) throws SQLException {
            return target.isWrapperFor(iface);
        }
    }
}
