package io.auditrail.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.core.config.InitializeSchema;
import io.auditrail.core.event.Actor;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.Resource;
import io.auditrail.jdbc.contract.PostgresConfig;
import io.auditrail.jdbc.contract.SingleConnectionDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An event's timestamp on PostgreSQL is the same instant whatever the session's {@code TimeZone}
 * and {@code DateStyle}, joined to the caller's transaction or in one of its own, at the edges
 * of the years the store binds as text and beyond them, where it lets the driver bind it.
 */
class PostgresSessionTimeZoneTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-23T10:15:30.123456Z", "0001-01-01T00:00:00.000001Z", "9999-12-31T23:59:59.999999Z",
        "0000-12-31T23:59:59.999999Z", "+10000-01-01T00:00:00Z"})
    void storesTheSameInstantUnderAnySessionSettings(String timestamp) throws SQLException {
        Instant instant = Instant.parse(timestamp);
        DataSource dataSource = PostgresConfig.get().dataSource();
        String table = "audit_zone_" + System.nanoTime();
        JdbcAuditStore.builder(dataSource).tableName(table).initializeSchema(InitializeSchema.ALWAYS).build();
        try (Connection connection = dataSource.getConnection();
                SingleConnectionDataSource shared = new SingleConnectionDataSource(connection)) {
            try (Statement statement = connection.createStatement()) {
                // Far from UTC, by a fraction of an hour, with the day before the month (pgjdbc insists on ISO output).
                statement.execute("SET TimeZone = 'Asia/Kathmandu'");
                statement.execute("SET DateStyle = 'ISO, DMY'");
            }
            JdbcAuditStore own = JdbcAuditStore.builder(shared).tableName(table)
                    .initializeSchema(InitializeSchema.NEVER).build();
            AuditEvent alone = event(instant);
            own.write(List.of(alone));

            connection.setAutoCommit(false);
            JdbcAuditStore joined = JdbcAuditStore.builder(shared).tableName(table)
                    .initializeSchema(InitializeSchema.NEVER).joinCallerTransactionsWhen(() -> true).build();
            AuditEvent inTransaction = event(instant);
            joined.write(List.of(inTransaction));
            connection.commit();
            connection.setAutoCommit(true);

            assertThat(own.findById("acme", alone.id())).map(AuditEvent::timestamp).contains(instant);
            assertThat(own.findById("acme", inTransaction.id())).map(AuditEvent::timestamp).contains(instant);
        } finally {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS " + table);
            }
        }
    }

    private static AuditEvent event(Instant timestamp) {
        return AuditEvent.builder().organizationId("acme").actor(Actor.system("job")).action("invoice.sent")
                .resource(Resource.of("invoice", "inv-1")).timestamp(timestamp).build();
    }
}
