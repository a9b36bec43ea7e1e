package io.auditrail.jdbc.internal.schema;

import io.auditrail.jdbc.internal.dialect.SqlDialect;
import io.auditrail.jdbc.schema.TableName;
import io.auditrail.core.config.InitializeSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Creates the audit table and its indexes from the shipped DDL when the mode allows it and
 * the table is missing. Running it again is harmless: an existing table is left alone.
 */
public final class SchemaInitializer {

    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final TableName table;

    /**
     * Creates an initialiser.
     *
     * @param dataSource where the table lives
     * @param dialect the database's dialect
     * @param table the audit table
     */
    public SchemaInitializer(DataSource dataSource, SqlDialect dialect, TableName table) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.table = table;
    }

    /**
     * The shipped DDL of the audit table.
     *
     * @param dialect the database's dialect
     * @return the classpath resource, for example {@code /io/auditrail/jdbc/schema/v1/schema-h2.sql}
     */
    public static String ddlResource(SqlDialect dialect) {
        return SchemaScript.resourceName(dialect);
    }

    /**
     * Creates the table if the mode applies to this database and the table does not exist.
     *
     * @param mode the configured mode
     * @return whether the DDL ran
     * @throws SQLException when the DDL fails
     */
    public boolean initialize(InitializeSchema mode) throws SQLException {
        boolean applies = mode == InitializeSchema.ALWAYS || (mode == InitializeSchema.EMBEDDED && dialect.isEmbedded());
        if (!applies) {
            return false;
        }
        try (Connection connection = dataSource.getConnection()) {
            if (tableExists(connection)) {
                return false;
            }
            boolean autoCommit = connection.getAutoCommit();
            try (Statement statement = connection.createStatement()) {
                for (String ddl : SchemaScript.statements(dialect, table)) {
                    statement.execute(ddl);
                }
                if (!autoCommit) {
                    connection.commit();
                }
            }
            return true;
        }
    }

    /**
     * Whether the table can be queried. A probe query sidesteps each database's own rules
     * for the case of names in {@code DatabaseMetaData}.
     *
     * @param connection an open connection this initialiser owns
     * @return {@code true} when the table exists
     */
    private boolean tableExists(Connection connection) throws SQLException {
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
