package io.auditrail.jdbc.chain;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Adds the chain's constraints, tables, triggers and retention function to an existing audit
 * table, once: the checkpoint table's presence says it was done.
 */
final class ChainSchema {

    private ChainSchema() {
    }

    static boolean initialize(DataSource dataSource, LogTables tables) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (exists(connection, tables)) {
                return false;
            }
            boolean autoCommit = connection.getAutoCommit();
            try (Statement statement = connection.createStatement()) {
                for (String ddl : ChainScript.statements(tables, functionPrefix(connection, tables))) {
                    statement.execute(ddl);
                }
                if (!autoCommit) {
                    connection.commit();
                }
            }
            return true;
        }
    }

    /** PostgreSQL functions live in the table's schema, named explicitly so the DDL works under any search path. */
    private static String functionPrefix(Connection connection, LogTables tables) throws SQLException {
        if (tables.events().schema() != null) {
            return tables.events().schema() + ".";
        }
        if (!"postgresql".equals(tables.dialectName())) {
            return "";
        }
        try (Statement statement = connection.createStatement();
                ResultSet schema = statement.executeQuery("SELECT current_schema()")) {
            schema.next();
            return schema.getString(1) + ".";
        }
    }

    private static boolean exists(Connection connection, LogTables tables) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT 1 FROM " + tables.checkpoints().qualified() + " WHERE 1 = 0").close();
            return true;
        } catch (SQLException e) {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            return false;
        }
    }
}
