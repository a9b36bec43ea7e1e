package io.auditrail.benchmarks.support;

import io.auditrail.core.config.InitializeSchema;
import io.auditrail.jdbc.JdbcAuditStore;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Creates benchmark tables with the store's own DDL, so that every table, the baselines'
 * included, carries exactly the same indexes and constraints.
 */
public final class BenchTables {

    private BenchTables() {
    }

    /**
     * Creates a table if it is missing and returns a store over it.
     *
     * @param dataSource the database
     * @param table the table name
     * @return a store on that table
     */
    public static JdbcAuditStore create(DataSource dataSource, String table) {
        return JdbcAuditStore.builder(dataSource).tableName(table).initializeSchema(InitializeSchema.ALWAYS).build();
    }

    /**
     * Empties a table and checkpoints, so that one pass does not pay for the previous
     * pass's dirty pages.
     *
     * @param database the database
     * @param table the table name
     * @throws SQLException when the statements fail
     */
    public static void reset(BenchDatabase database, String table) throws SQLException {
        database.execute("TRUNCATE " + table + " RESTART IDENTITY");
        database.execute("CHECKPOINT");
    }
}
