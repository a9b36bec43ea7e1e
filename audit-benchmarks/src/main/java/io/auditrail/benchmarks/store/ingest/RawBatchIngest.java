package io.auditrail.benchmarks.store.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import javax.sql.DataSource;

/**
 * Baseline: a hand-written {@code PreparedStatement} batch INSERT of the same columns, one
 * transaction per batch like the store. A plain INSERT: no conflict handling, which is the
 * raw limit the store's idempotent insert is compared with.
 */
final class RawBatchIngest implements IngestMethod {

    private final DataSource dataSource;
    private final String table;
    private final int batchSize;

    RawBatchIngest(DataSource dataSource, String table, int batchSize) {
        this.dataSource = dataSource;
        this.table = table;
        this.batchSize = batchSize;
    }

    @Override
    public String label() {
        return "raw JDBC batch INSERT, batch " + batchSize;
    }

    @Override
    public String table() {
        return table;
    }

    @Override
    public void ingest(IngestRows rows) throws SQLException {
        String sql = "INSERT INTO " + table + " (" + IngestRows.COLUMNS + ") VALUES ("
                + String.join(", ", Collections.nCopies(IngestRows.COLUMN_COUNT - 1, "?")) + ", CAST(? AS jsonb))";
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                for (int from = 0; from < rows.size(); from += batchSize) {
                    for (Object[] values : rows.columns().subList(from, Math.min(from + batchSize, rows.size()))) {
                        for (int i = 0; i < values.length; i++) {
                            insert.setObject(i + 1, values[i]);
                        }
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    connection.commit();
                }
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }
}
