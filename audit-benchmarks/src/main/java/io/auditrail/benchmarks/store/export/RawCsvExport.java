package io.auditrail.benchmarks.store.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Baseline: the store's export SQL by hand, streamed with the same fetch size, each value
 * written as text with minimal CSV quoting: no event objects, no JSON re-encoding of the
 * metadata, no formula neutralising.
 */
final class RawCsvExport {

    private static final String COLUMNS = "event_id, occurred_at, actor_id, actor_name, action, resource_type,"
            + " resource_id, resource_name, organization_id, outcome, ip, metadata";

    private final DataSource dataSource;
    private final String table;
    private final int fetchSize;

    RawCsvExport(DataSource dataSource, String table, int fetchSize) {
        this.dataSource = dataSource;
        this.table = table;
        this.fetchSize = fetchSize;
    }

    long export(OutputStream out) throws SQLException, IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        long rows = 0;
        try (Connection connection = dataSource.getConnection()) {
            // pgjdbc streams with a fetch size only inside a transaction.
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM " + table + " ORDER BY occurred_at DESC, seq DESC")) {
                statement.setFetchSize(fetchSize);
                try (ResultSet row = statement.executeQuery()) {
                    writer.write(COLUMNS.replace(" ", ""));
                    writer.write("\r\n");
                    int columns = row.getMetaData().getColumnCount();
                    while (row.next()) {
                        for (int i = 1; i <= columns; i++) {
                            if (i > 1) {
                                writer.write(',');
                            }
                            writeCell(writer, row.getString(i));
                        }
                        writer.write("\r\n");
                        rows++;
                    }
                }
            } finally {
                connection.rollback();
            }
        }
        writer.flush();
        return rows;
    }

    private static void writeCell(Writer writer, String value) throws IOException {
        if (value == null) {
            return;
        }
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        if (quote) {
            writer.write('"');
            writer.write(value.replace("\"", "\"\""));
            writer.write('"');
        } else {
            writer.write(value);
        }
    }
}
