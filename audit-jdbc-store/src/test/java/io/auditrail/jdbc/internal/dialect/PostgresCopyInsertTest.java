package io.auditrail.jdbc.internal.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.core.config.InitializeSchema;
import io.auditrail.core.event.Actor;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.Resource;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.jdbc.JdbcAuditStore;
import io.auditrail.jdbc.contract.PostgresConfig;
import io.auditrail.jdbc.schema.TableName;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The COPY path on real PostgreSQL: new rows go through COPY alone, and a batch COPY cannot
 * store (an id already there, or repeated) reaches the idempotent insert with nothing of the
 * failed COPY left behind, in the writer's transaction or in a caller's that goes on.
 */
class PostgresCopyInsertTest {

    private final DataSource dataSource = PostgresConfig.get().dataSource();
    private final AuditEventCodec codec = new AuditEventCodec();
    private final List<List<AuditEvent>> fallbacks = new ArrayList<>();
    private TableName table;
    private PostgresCopyInsert copy;

    @BeforeEach
    void createTable() {
        table = TableName.parse("copy_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE));
        JdbcAuditStore.builder(dataSource).tableName(table.qualified()).initializeSchema(InitializeSchema.ALWAYS).build();
        BatchInsert idempotent = new PostgresArrayInsert(table);
        copy = new PostgresCopyInsert(table, (connection, codec, events) -> {
            fallbacks.add(events);
            return idempotent.insert(connection, codec, events);
        });
    }

    @AfterEach
    void dropTable() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + table.qualified() + " CASCADE");
        }
    }

    @Test
    void newEventsGoThroughCopyAloneInTheirOrder() throws SQLException {
        List<AuditEvent> batch = events(0, 300);

        assertThat(inOwnTransaction(batch)).isTrue();

        assertThat(fallbacks).as("no fallback for a batch of new ids").isEmpty();
        assertThat(storedIdsInSeqOrder()).containsExactlyElementsOf(batch.stream().map(AuditEvent::id).toList());
    }

    @Test
    void anIdAlreadyStoredSendsTheBatchToTheIdempotentInsert() throws SQLException {
        List<AuditEvent> first = events(0, 3);
        inOwnTransaction(first);
        List<AuditEvent> second = List.of(events(3, 1).get(0), first.get(1), events(4, 1).get(0));

        assertThat(inOwnTransaction(second)).isTrue();

        assertThat(fallbacks).containsExactly(second);
        assertThat(storedIdsInSeqOrder()).containsExactly(first.get(0).id(), first.get(1).id(), first.get(2).id(),
                second.get(0).id(), second.get(2).id());
    }

    @Test
    void aRepeatedIdInACallersTransactionFallsBackAndTheCallerStillCommits() throws SQLException {
        AuditEvent repeated = events(0, 1).get(0);
        List<AuditEvent> batch = List.of(repeated, events(1, 1).get(0), repeated);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TEMPORARY TABLE callers_work (n int)");
                statement.execute("INSERT INTO callers_work VALUES (1)");
            }
            assertThat(copy.insert(connection, codec, batch)).isTrue();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT count(*) FROM callers_work")) {
                rows.next();
                assertThat(rows.getInt(1)).as("the caller's earlier work survives the failed COPY").isEqualTo(1);
            }
            connection.commit();
        }

        assertThat(fallbacks).containsExactly(batch);
        assertThat(storedIdsInSeqOrder()).containsExactly(repeated.id(), batch.get(1).id());
    }

    private boolean inOwnTransaction(List<AuditEvent> batch) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            boolean stored = copy.insert(connection, codec, batch);
            connection.commit();
            return stored;
        }
    }

    private List<UUID> storedIdsInSeqOrder() throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT event_id FROM " + table.qualified() + " ORDER BY seq")) {
            while (rows.next()) {
                ids.add(rows.getObject(1, UUID.class));
            }
        }
        return ids;
    }

    private static List<AuditEvent> events(int from, int count) {
        List<AuditEvent> events = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            events.add(AuditEvent.builder()
                    .timestamp(Instant.parse("2026-12-07T10:00:00Z").plusMillis(i))
                    .organizationId("acme")
                    .actor(Actor.user("u-" + i, null, null))
                    .action("invoice.deleted")
                    .resource(Resource.of("invoice", "inv-" + i))
                    .metadata(Map.of("n", i))
                    .build());
        }
        return events;
    }
}
