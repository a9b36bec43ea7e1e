package io.auditrail.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.auditrail.core.capture.AuditException;
import io.auditrail.core.dispatch.AuditSinkDispatchers;
import io.auditrail.jdbc.JdbcAuditStore;
import io.auditrail.jdbc.outbox.JdbcOutbox;
import io.auditrail.jdbc.outbox.LoopbackAuditApi;
import io.auditrail.micronaut.app.LedgerService;
import io.auditrail.micronaut.outbox.OutboxRelays;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.jdbc.DataSourceTransactionManager;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code auditrail.dispatch=outbox} with the hosted-API sink, Micronaut Data transactions and a
 * real database, delivering to a loopback API that stores each {@code Idempotency-Key} once.
 * Each test gets its own context and outbox table. Subclasses name the database environment.
 */
abstract class AbstractOutboxTransactionTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final List<ApplicationContext> contexts = new ArrayList<>();
    private LoopbackAuditApi api;
    private DataSource pool;
    private String outboxTable;

    protected abstract String environment();

    @BeforeEach
    void startApi() throws IOException {
        api = new LoopbackAuditApi();
    }

    @AfterEach
    void stop() {
        contexts.forEach(ApplicationContext::close);
        api.close();
    }

    private ApplicationContext start(String... extra) throws SQLException {
        outboxTable = "mn_outbox_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Map<String, Object> properties = new HashMap<>(Map.of("auditrail.sink", "http", "auditrail.dispatch", "outbox",
                "auditrail.http.base-uri", api.baseUri().toString(), "auditrail.http.api-key", "key_test",
                "auditrail.outbox.table-name", outboxTable, "auditrail.outbox.initialize-schema", "always",
                "auditrail.outbox.poll-interval", "20ms", "auditrail.outbox.retry-initial-backoff", "20ms",
                "auditrail.outbox.retry-max-backoff", "100ms"));
        for (int i = 0; i < extra.length; i += 2) {
            properties.put(extra[i], extra[i + 1]);
        }
        ApplicationContext context = ApplicationContext.builder().environments(environment()).properties(properties)
                .start();
        contexts.add(context);
        pool = DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class));
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS mn_ledger (id VARCHAR(64) PRIMARY KEY)");
        }
        return context;
    }

    @Test
    void theOutboxReplacesTheJdbcStoreAndOneRelayServesTheRemoteSink() throws Exception {
        ApplicationContext context = start();

        assertThat(context.findBean(JdbcAuditStore.class)).isEmpty();
        assertThat(context.getBean(AuditSinkDispatchers.class).sinks()).singleElement().satisfies(sink -> {
            assertThat(sink.name()).isEqualTo("http");
            assertThat(sink.mode()).isEqualTo("outbox");
        });
        assertThat(context.getBean(OutboxRelays.class).relays()).hasSize(1);
    }

    @Test
    void theEventIsAppendedInsideTheBusinessTransaction() throws Exception {
        ApplicationContext context = start("auditrail.outbox.relay-enabled", "false");
        String id = UUID.randomUUID().toString();

        context.getBean(DataSourceTransactionManager.class).execute(TransactionDefinition.DEFAULT, status -> {
            context.getBean(LedgerService.class).post(id, false);
            assertThat(outboxRowsFor(id)).as("not visible before commit").isZero();
            return null;
        });

        assertThat(outboxRowsFor(id)).isEqualTo(1);
        assertThat(context.findBean(OutboxRelays.class)).isEmpty();
        assertThat(api.requests()).as("the relay is off").isZero();
    }

    @Test
    void aCommittedChangeIsDeliveredOnce() throws Exception {
        ApplicationContext context = start();
        String id = UUID.randomUUID().toString();

        context.getBean(LedgerService.class).post(id, false);

        String eventId = awaitStored(id);
        assertThat(api.storedBody(eventId)).contains("ledger.posted");
        await().atMost(PATIENCE).until(() -> context.getBean(JdbcOutbox.class).pendingCount("http") == 0);
        assertThat(api.deliveries(eventId)).isEqualTo(1);
        assertThat(ledgerHas(id)).isTrue();
    }

    @Test
    void aMethodThatThrowsDeliversOnlyItsFailureEvent() throws Exception {
        ApplicationContext context = start();
        String id = UUID.randomUUID().toString();

        assertThatThrownBy(() -> context.getBean(LedgerService.class).post(id, true))
                .isInstanceOf(IllegalStateException.class);

        String eventId = awaitStored(id);
        assertThat(api.storedBody(eventId)).contains("failure").contains(IllegalStateException.class.getName());
        assertThat(ledgerHas(id)).isFalse();
    }

    @Test
    void anOuterRollbackDeliversOnlyTheFailureEvent() throws Exception {
        ApplicationContext context = start();
        String id = UUID.randomUUID().toString();

        context.getBean(DataSourceTransactionManager.class).execute(TransactionDefinition.DEFAULT, status -> {
            context.getBean(LedgerService.class).post(id, false);
            status.setRollbackOnly();
            return null;
        });

        String eventId = awaitStored(id);
        await().atMost(PATIENCE).until(() -> context.getBean(JdbcOutbox.class).pendingCount("http") == 0);
        assertThat(api.storedBody(eventId)).as("the success event was rolled back with the change, never sent")
                .contains("failure").contains("io.micronaut.transaction.TransactionRolledBack");
        assertThat(api.deliveries(eventId)).isEqualTo(1);
        assertThat(ledgerHas(id)).isFalse();
    }

    @Test
    void anEventWaitsWhileTheReceiverIsDownAndIsDeliveredWhenItIsBack() throws Exception {
        ApplicationContext context = start();
        api.down();
        String id = UUID.randomUUID().toString();

        context.getBean(LedgerService.class).post(id, false);

        await().atMost(PATIENCE).until(() -> api.requests() >= 3);
        assertThat(api.storedIds()).as("refused while down").isEmpty();
        assertThat(context.getBean(JdbcOutbox.class).pendingCount("http")).isEqualTo(1);
        api.up();
        String eventId = awaitStored(id);
        assertThat(api.deliveries(eventId)).as("the same Idempotency-Key on every attempt").isGreaterThanOrEqualTo(3);
        await().atMost(PATIENCE).until(() -> context.getBean(JdbcOutbox.class).pendingCount("http") == 0);
    }

    @Test
    void aFailedAppendRollsTheBusinessChangeBackEvenFailOpen() throws Exception {
        ApplicationContext context = start("auditrail.failure-policy", "fail-open", "auditrail.outbox.relay-enabled",
                "false");
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE " + context.getBean(JdbcOutbox.class).table());
        }
        String id = UUID.randomUUID().toString();

        assertThatThrownBy(() -> context.getBean(LedgerService.class).post(id, false))
                .isInstanceOf(AuditException.class).hasMessageContaining("could not be written to the outbox");

        assertThat(ledgerHas(id)).as("never a committed change without its event").isFalse();
    }

    /** Waits until the API stored the one event of this resource, and gives its id. */
    private String awaitStored(String resourceId) {
        await().atMost(PATIENCE).until(() -> storedFor(resourceId).size() == 1);
        return storedFor(resourceId).get(0);
    }

    private List<String> storedFor(String resourceId) {
        return api.storedIds().stream().filter(key -> api.storedBody(key).contains("\"" + resourceId + "\"")).toList();
    }

    private boolean ledgerHas(String id) throws SQLException {
        return count("SELECT COUNT(*) FROM mn_ledger WHERE id = ?", id) == 1;
    }

    private int outboxRowsFor(String id) {
        try {
            return count("SELECT COUNT(*) FROM " + outboxTable + " WHERE payload LIKE ?", "%" + id + "%");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private int count(String sql, String value) throws SQLException {
        try (Connection connection = pool.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, value);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
