package io.auditrail.benchmarks.store.ingest;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Baseline: PostgreSQL {@code COPY ... FROM STDIN} in CSV through pgjdbc's {@link CopyManager},
 * one COPY and one commit per batch so that it pays for as many commits as the inserts.
 * Formatting the CSV text is inside the timing: a caller of COPY has to do it too.
 */
final class CopyIngest implements IngestMethod {

    private final DataSource dataSource;
    private final String table;
    private final int batchSize;

    CopyIngest(DataSource dataSource, String table, int batchSize) {
        this.dataSource = dataSource;
        this.table = table;
        this.batchSize = batchSize;
    }

    @Override
    public String label() {
        return "PostgreSQL COPY (pgjdbc `CopyManager`), " + batchSize + " rows per COPY";
    }

    @Override
    public String table() {
        return table;
    }

    @Override
    public void ingest(IngestRows rows) throws SQLException, IOException {
        String sql = "COPY " + table + " (" + IngestRows.COLUMNS + ") FROM STDIN WITH (FORMAT csv)";
        try (Connection connection = dataSource.getConnection()) {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            connection.setAutoCommit(false);
            try {
                StringBuilder csv = new StringBuilder(1 << 20);
                for (int from = 0; from < rows.size(); from += batchSize) {
                    csv.setLength(0);
                    for (Object[] values : rows.columns().subList(from, Math.min(from + batchSize, rows.size()))) {
                        appendLine(csv, values);
                    }
                    copy.copyIn(sql, new StringReader(csv.toString()));
                    connection.commit();
                }
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /** In COPY's CSV an unquoted empty cell is NULL, so every present value is quoted. */
    private static void appendLine(StringBuilder csv, Object[] values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            if (values[i] != null) {
                csv.append('"').append(values[i].toString().replace("\"", "\"\"")).append('"');
            }
        }
        csv.append('\n');
    }
}
