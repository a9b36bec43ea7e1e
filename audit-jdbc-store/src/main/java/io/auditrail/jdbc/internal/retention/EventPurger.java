package io.auditrail.jdbc.internal.retention;

import io.auditrail.jdbc.internal.dialect.SqlDialect;
import io.auditrail.jdbc.internal.query.BoundSql;
import io.auditrail.jdbc.internal.query.EventQueries;
import io.auditrail.jdbc.schema.TableName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Deletes old events a bounded batch at a time. Each batch is its own short statement (and,
 * on an auto-commit connection, its own transaction), so row locks are held only briefly and
 * writers are never blocked behind one huge delete.
 */
public final class EventPurger {

    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final TableName table;
    private final EventQueries queries;
    private final int batchSize;

    /**
     * Creates a purger.
     *
     * @param dataSource where the table lives
     * @param dialect the database's dialect
     * @param table the audit table
     * @param queries builds the condition
     * @param batchSize rows per delete statement
     */
    public EventPurger(DataSource dataSource, SqlDialect dialect, TableName table, EventQueries queries,
            int batchSize) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.table = table;
        this.queries = queries;
        this.batchSize = batchSize;
    }

    /**
     * Deletes events older than the cutoff.
     *
     * @param cutoff events strictly older are deleted
     * @param organizationId only this organisation, or {@code null} for all
     * @param excludedOrganizations organisations to leave alone
     * @param inCallerTransaction whether the connection belongs to the caller's transaction;
     *        otherwise each batch is committed, also on a connection with auto-commit off
     * @return the number of events deleted
     * @throws SQLException when a delete fails; earlier batches stay deleted
     */
    public long purge(Instant cutoff, String organizationId, Set<String> excludedOrganizations,
            boolean inCallerTransaction) throws SQLException {
        BoundSql condition = queries.purgeCondition(cutoff, organizationId, excludedOrganizations);
        String sql = dialect.boundedDeleteSql(table, condition.sql());
        long total = 0;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            boolean commitEachBatch = !inCallerTransaction && !connection.getAutoCommit();
            int deleted;
            do {
                int last = condition.bind(statement, dialect);
                statement.setInt(last + 1, batchSize);
                deleted = statement.executeUpdate();
                if (commitEachBatch) {
                    connection.commit();
                }
                total += deleted;
            } while (deleted >= batchSize);
        }
        return total;
    }
}
