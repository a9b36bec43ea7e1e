package io.auditrail.jdbc;

import io.auditrail.core.config.InitializeSchema;
import io.auditrail.core.event.AuditEvent;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * One table per test for the sink contract: the store writing to it, what it holds, and the
 * event a column refuses (an action one character longer than the column).
 */
final class JdbcSinkDestination implements AutoCloseable {

    private final DataSource dataSource;
    private final String table = "audit_sink_" + UUID.randomUUID().toString().replace("-", "");
    private final JdbcAuditStore store;

    JdbcSinkDestination(DataSource dataSource) {
        this.dataSource = dataSource;
        this.store = JdbcAuditStore.builder(dataSource).tableName(table).initializeSchema(InitializeSchema.ALWAYS).build();
    }

    JdbcAuditStore store() {
        return store;
    }

    String table() {
        return table;
    }

    /** Reads every row back through the store, so the test sees what a reader of the trail sees. */
    List<AuditEvent> storedEvents(String organizationId) {
        List<AuditEvent> events = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT event_id FROM " + table)) {
            while (rows.next()) {
                UUID id = UUID.fromString(rows.getString(1));
                events.add(store.findById(organizationId, id).orElseThrow());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + table, e);
        }
        return events;
    }

    /**
     * A store on this test's table that lost its database after start-up.
     *
     * @param unreachable where its connections come from from now on
     * @return the store
     */
    JdbcAuditStore storeThatLost(DataSource unreachable) {
        HandOverDataSource handOver = new HandOverDataSource(dataSource);
        JdbcAuditStore lost = JdbcAuditStore.builder(handOver).tableName(table).build();
        handOver.handOver(unreachable);
        return lost;
    }

    static Optional<AuditEvent> refusedForGood(AuditEvent valid) {
        return Optional.of(valid.toBuilder().action("invoice." + "x".repeat(255)).build());
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + table);
        }
    }
}
