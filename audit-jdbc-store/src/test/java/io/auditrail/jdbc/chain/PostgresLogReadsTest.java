package io.auditrail.jdbc.chain;

import io.auditrail.jdbc.contract.PostgresConfig;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/** The log's read paths on PostgreSQL, where the export reads through a server-side cursor. */
class PostgresLogReadsTest extends AbstractLogReadsTest {

    @Override
    DataSource dataSource() {
        return PostgresConfig.get().dataSource();
    }

    @Override
    void dropGuards(Statement statement) throws SQLException {
        for (String guarded : List.of(table, table + "_leaves", table + "_nodes", checkpointTable)) {
            statement.execute("ALTER TABLE " + guarded + " DISABLE TRIGGER USER");
        }
    }

    @Override
    void dropRoutines(Statement statement) throws SQLException {
        statement.execute("DROP FUNCTION IF EXISTS " + table + "_append_only() CASCADE");
        statement.execute("DROP FUNCTION IF EXISTS " + table + "_log_purge(VARCHAR, BIGINT)");
        statement.execute("DROP FUNCTION IF EXISTS " + table + "_log_immutable() CASCADE");
    }
}
