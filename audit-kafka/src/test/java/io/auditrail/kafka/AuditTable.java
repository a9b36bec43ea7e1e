package io.auditrail.kafka;

import io.auditrail.core.config.InitializeSchema;
import io.auditrail.jdbc.JdbcAuditStore;
import io.auditrail.jdbc.contract.PostgresConfig;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** A fresh audit table on the shared embedded PostgreSQL, and plain-SQL views of its rows. */
final class AuditTable {

    record Row(UUID eventId, String organizationId) {
    }

    private final DataSource dataSource = PostgresConfig.get().dataSource();
    private final String name = "kafka_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final JdbcAuditStore store;

    AuditTable() {
        this(InitializeSchema.ALWAYS);
    }

    private AuditTable(InitializeSchema mode) {
        // The start-up schema check would refuse the table that is deliberately not there yet.
        store = JdbcAuditStore.builder(dataSource).tableName(name).initializeSchema(mode)
                .validateSchema(mode != InitializeSchema.NEVER).build();
    }

    /**
     * A table whose store writes before the table exists, as when the DDL has not run yet.
     *
     * @return the table, not created until {@link #create()}
     */
    static AuditTable notYetCreated() {
        return new AuditTable(InitializeSchema.NEVER);
    }

    void create() {
        JdbcAuditStore.builder(dataSource).tableName(name).initializeSchema(InitializeSchema.ALWAYS).build();
    }

    String name() {
        return name;
    }

    JdbcAuditStore store() {
        return store;
    }

    /** Rows in insertion order. */
    List<Row> rows() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT event_id, organization_id FROM " + name + " ORDER BY seq")) {
            List<Row> rows = new ArrayList<>();
            while (result.next()) {
                rows.add(new Row(result.getObject(1, UUID.class), result.getString(2)));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    int count() {
        return rows().size();
    }
}
