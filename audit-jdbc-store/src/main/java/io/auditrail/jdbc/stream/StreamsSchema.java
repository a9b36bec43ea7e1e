package io.auditrail.jdbc.stream;

import io.auditrail.core.config.InitializeSchema;
import io.auditrail.jdbc.internal.dialect.SqlDialect;
import io.auditrail.jdbc.schema.SqlScript;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The shipped streams DDL ({@code io/auditrail/jdbc/schema/v1/streams-<dialect>.sql}) and its
 * creation when the mode allows it and the streams table is missing, following the outbox's rules.
 */
final class StreamsSchema {

    static final List<String> STREAM_COLUMNS = List.of("id", "organization_id", "name", "kind", "url", "format", "state",
            "secret", "backfill_from", "created_at", "updated_at", "cursor_seq", "inflight_last_seq", "lease_owner",
            "lease_until", "attempts", "next_attempt_at", "last_error", "last_error_at", "last_delivered_at",
            "delivered_count", "failed_count");

    static final List<String> REFUSED_COLUMNS = List.of("id", "stream_id", "first_seq", "last_seq", "first_event_id",
            "last_event_id", "events", "status", "reason", "refused_at");

    private StreamsSchema() {
    }

    static String resourceName(SqlDialect dialect) {
        return "/io/auditrail/jdbc/schema/v1/streams-" + dialect.name() + ".sql";
    }

    static void initialize(DataSource dataSource, SqlDialect dialect, StreamTables tables, InitializeSchema mode)
            throws SQLException {
        if (mode == InitializeSchema.NEVER || (mode == InitializeSchema.EMBEDDED && !dialect.isEmbedded())) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            if (exists(connection, tables)) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                for (String ddl : SqlScript.statements(resourceName(dialect), Map.of("table", tables.streams().qualified(),
                        "refused", tables.refused().qualified(), "name", tables.streams().name()))) {
                    statement.execute(ddl);
                }
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
            }
        }
    }

    /** A probe query sidesteps each database's own rules for the case of names in metadata. */
    private static boolean exists(Connection connection, StreamTables tables) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT 1 FROM " + tables.streams().qualified() + " WHERE 1 = 0").close();
            return true;
        } catch (SQLException e) {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            return false;
        }
    }
}
