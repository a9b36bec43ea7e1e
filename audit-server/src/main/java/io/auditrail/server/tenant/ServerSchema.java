package io.auditrail.server.tenant;

import io.auditrail.jdbc.schema.SqlScript;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Creates the server's tables from the versioned DDL shipped for each database
 * ({@code io/auditrail/server/schema/v1/server-<dialect>.sql}). Every statement is
 * {@code IF NOT EXISTS}, so running it against an existing schema changes nothing.
 */
public final class ServerSchema {

    static final String VERSION = "v1";

    private final DataSource dataSource;
    private final ServerTables tables;

    /**
     * Creates the initialiser.
     *
     * @param dataSource the database
     * @param tables the table names
     */
    public ServerSchema(DataSource dataSource, ServerTables tables) {
        this.dataSource = dataSource;
        this.tables = tables;
    }

    /**
     * Runs the DDL.
     *
     * @throws IllegalStateException when the database is not H2, PostgreSQL, MariaDB or MySQL, or the DDL fails
     */
    public void create() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String ddl : statements(dialect(connection.getMetaData().getDatabaseProductName()))) {
                statement.execute(ddl);
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the server tables " + tables, e);
        }
    }

    static String dialect(String productName) {
        String product = productName.toLowerCase(Locale.ROOT);
        if (product.contains("postgresql")) {
            return "postgresql";
        }
        if (product.contains("h2")) {
            return "h2";
        }
        if (product.contains("mariadb") || product.contains("mysql")) {
            return "mysql";
        }
        throw new IllegalStateException("the audit server supports H2, PostgreSQL, MariaDB and MySQL, not " + productName);
    }

    List<String> statements(String dialect) {
        return SqlScript.statements("/io/auditrail/server/schema/" + VERSION + "/server-" + dialect + ".sql", Map.of(
                "organizations", tables.organizations().qualified(),
                "api_keys_name", tables.apiKeys().name(),
                "api_keys", tables.apiKeys().qualified(),
                "usage", tables.usage().qualified()));
    }
}
