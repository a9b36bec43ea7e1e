package io.auditrail.jdbc.internal.export;

import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.store.AuditQuery;
import io.auditrail.core.store.ExportFormat;
import io.auditrail.jdbc.internal.dialect.SqlDialect;
import io.auditrail.jdbc.internal.query.BoundSql;
import io.auditrail.jdbc.internal.query.EventQueries;
import io.auditrail.jdbc.internal.query.StreamingRead;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Streams a query's rows straight from the result set into the output: the driver fetches
 * {@code fetchSize} rows at a time and each row is formatted and dropped, so memory stays
 * flat however many events match. Rows are formatted from their column values, not rebuilt
 * as validated events: they were validated when written.
 */
public final class EventExporter {

    private final SqlDialect dialect;
    private final EventQueries queries;
    private final AuditEventCodec codec;
    private final int fetchSize;

    /**
     * Creates an exporter.
     *
     * @param dialect the database's dialect
     * @param queries builds the select
     * @param codec writes JSON
     * @param fetchSize rows the driver holds in memory at a time
     */
    public EventExporter(SqlDialect dialect, EventQueries queries, AuditEventCodec codec,
            int fetchSize) {
        this.dialect = dialect;
        this.queries = queries;
        this.codec = codec;
        this.fetchSize = fetchSize;
    }

    /**
     * Writes every matching event.
     *
     * @param connection an open connection; its auto-commit mode is restored afterwards
     * @param query filters
     * @param format output format
     * @param out destination; flushed, not closed
     * @return the number of events written
     * @throws SQLException when the query fails
     * @throws IOException when the output fails
     */
    public long export(Connection connection, AuditQuery query, ExportFormat format, OutputStream out)
            throws SQLException, IOException {
        return StreamingRead.run(connection, dialect, () -> stream(connection, query, format, out));
    }

    private long stream(Connection connection, AuditQuery query, ExportFormat format, OutputStream out)
            throws SQLException, IOException {
        Utf8Output writer = new Utf8Output(out);
        EventFormatter formatter = formatter(format, writer);
        BoundSql select = queries.export(query, formatter.columns());
        long rows = 0;
        try (PreparedStatement statement = connection.prepareStatement(select.sql(), ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(fetchSize);
            select.bind(statement, dialect);
            try (ResultSet resultSet = statement.executeQuery()) {
                ExportRow row = new ExportRow(resultSet, dialect, codec);
                formatter.begin();
                while (resultSet.next()) {
                    formatter.write(row);
                    rows++;
                }
                formatter.end();
            }
        }
        writer.finish();
        return rows;
    }

    private EventFormatter formatter(ExportFormat format, Utf8Output writer) {
        return switch (format) {
            case CSV -> new CsvFormatter(writer);
            case JSON -> new JsonArrayFormatter(writer, codec);
            case JSON_LINES -> new JsonLinesFormatter(writer, codec);
        };
    }
}
