package io.auditrail.jdbc.outbox;

import io.auditrail.jdbc.internal.dialect.SqlDialect;
import io.auditrail.core.config.InitializeSchema;
import io.auditrail.jdbc.schema.SqlScript;
import io.auditrail.jdbc.schema.TableName;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The shipped outbox DDL ({@code io/auditrail/jdbc/schema/v1/outbox-<dialect>.sql}, plain SQL
 * with {@code ${table}} and {@code ${name}} placeholders) and its creation when the mode allows
 * it and the table is missing, following the audit table's rules.
 */
final class OutboxSchema {

    private OutboxSchema() {
    }

    static String resourceName(SqlDialect dialect) {
        return "/io/auditrail/jdbc/schema/v1/outbox-" + dialect.name() + ".sql";
    }

    static boolean initialize(DataSource dataSource, SqlDialect dialect, TableName table, InitializeSchema mode)
            throws SQLException {
        if (mode == InitializeSchema.NEVER || (mode == InitializeSchema.EMBEDDED && !dialect.isEmbedded())) {
            return false;
        }
        try (Connection connection = dataSource.getConnection()) {
            if (exists(connection, table)) {
                return false;
            }
            try (Statement statement = connection.createStatement()) {
                for (String ddl : statements(dialect, table)) {
                    statement.execute(ddl);
                }
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
            }
            return true;
        }
    }

    static List<String> statements(SqlDialect dialect, TableName table) {
        return SqlScript.statements(resourceName(dialect), Map.of("table", table.qualified(), "name", table.name()));
    }

    /** A probe query sidesteps each database's own rules for the case of names in metadata. */
    private static boolean exists(Connection connection, TableName table) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT 1 FROM " + table.qualified() + " WHERE 1 = 0").close();
            return true;
        } catch (SQLException e) {
            if (!connection.getAutoCommit()) {
                // PostgreSQL refuses every later statement of a transaction after an error.
                connection.rollback();
            }
            return false;
        }
    }
}
