package io.auditrail.benchmarks.store.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import javax.sql.DataSource;

/**
 * Baseline: a hand-written {@code PreparedStatement} batch INSERT of the same columns, one
 * transaction per batch like the store. The baseline is a plain INSERT, the raw limit; the
 * idempotent variant adds the store's {@code ON CONFLICT (event_id) DO NOTHING} to tell the
 * cost of idempotency apart from the store's own.
 */
final class RawBatchIngest implements IngestMethod {

    private final DataSource dataSource;
    private final String table;
    private final int batchSize;
    private final boolean idempotent;

    RawBatchIngest(DataSource dataSource, String table, int batchSize, boolean idempotent) {
        this.dataSource = dataSource;
        this.table = table;
        this.batchSize = batchSize;
        this.idempotent = idempotent;
    }

    @Override
    public String label() {
        return "raw JDBC batch INSERT" + (idempotent ? " … ON CONFLICT DO NOTHING" : "") + ", batch " + batchSize;
    }

    @Override
    public String table() {
        return table;
    }

    @Override
    public void ingest(IngestRows rows) throws SQLException {
        String sql = "INSERT INTO " + table + " (" + IngestRows.COLUMNS + ") VALUES ("
                + String.join(", ", Collections.nCopies(IngestRows.COLUMN_COUNT - 1, "?")) + ", CAST(? AS jsonb))"
                + (idempotent ? " ON CONFLICT (event_id) DO NOTHING" : "");
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
