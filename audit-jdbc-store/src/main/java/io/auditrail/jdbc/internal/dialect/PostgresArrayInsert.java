package io.auditrail.jdbc.internal.dialect;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.jdbc.internal.query.EventColumns;
import io.auditrail.jdbc.schema.TableName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * A whole batch as one {@code INSERT … SELECT FROM unnest(arrays) … ON CONFLICT (event_id) DO
 * NOTHING}: one statement with one array per column instead of a thousand rows of bound
 * parameters, which the server parses, plans and executes once. Rows get their {@code seq}
 * in the batch's order ({@code WITH ORDINALITY}).
 */
final class PostgresArrayInsert implements BatchInsert {

    /** Timestamps travel as ISO-8601 text, which PostgreSQL reads unambiguously for years 1 to 9999. */
    private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999Z");
    private static final int COLUMNS = 18;
    /** Every column but the id, the timestamp and the metadata. */
    private static final int TEXT_COLUMNS = 15;

    private final String sql;

    PostgresArrayInsert(TableName table) {
        StringBuilder columns = new StringBuilder("c1");
        for (int i = 2; i <= COLUMNS; i++) {
            columns.append(", c").append(i);
        }
        this.sql = "INSERT INTO " + table.qualified() + " (" + EventColumns.INSERTED + ") SELECT " + columns
                + " FROM unnest(" + String.join(", ", Collections.nCopies(COLUMNS, "?")) + ") WITH ORDINALITY AS batch("
                + columns + ", n) ORDER BY n ON CONFLICT (event_id) DO NOTHING";
    }

    @Override
    public boolean insert(Connection connection, AuditEventCodec codec, List<AuditEvent> events) throws SQLException {
        int size = events.size();
        UUID[] ids = new UUID[size];
        String[] timestamps = new String[size];
        String[][] texts = new String[TEXT_COLUMNS][size];
        String[] metadata = new String[size];
        for (int row = 0; row < size; row++) {
            AuditEvent event = events.get(row);
            if (event.timestamp().isBefore(FIRST) || event.timestamp().isAfter(LAST)) {
                return false;
            }
            ids[row] = event.id();
            timestamps[row] = event.timestamp().toString();
            texts[0][row] = event.organizationId();
            texts[1][row] = event.actor().id();
            texts[2][row] = event.actor().name();
            texts[3][row] = event.actor().email();
            texts[4][row] = event.actor().type().wireName();
            texts[5][row] = event.action();
            texts[6][row] = event.resource().type();
            texts[7][row] = event.resource().id();
            texts[8][row] = event.resource().name();
            texts[9][row] = event.outcome().status().wireName();
            texts[10][row] = event.outcome().errorType();
            texts[11][row] = event.outcome().errorMessage();
            texts[12][row] = event.context().ip();
            texts[13][row] = event.context().userAgent();
            texts[14][row] = event.context().requestId();
            metadata[row] = event.metadata().isEmpty() ? null : codec.metadataToJson(event.metadata());
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("uuid", ids));
            statement.setArray(2, connection.createArrayOf("timestamptz", timestamps));
            for (int column = 0; column < texts.length; column++) {
                statement.setArray(3 + column, connection.createArrayOf("text", texts[column]));
            }
            statement.setArray(COLUMNS, connection.createArrayOf("jsonb", metadata));
            statement.executeUpdate();
        }
        return true;
    }
}
