package io.auditrail.jdbc.internal.dialect;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.jdbc.internal.query.EventColumns;
import io.auditrail.jdbc.schema.TableName;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * A batch as one {@code COPY … FROM STDIN}, the cheapest way into a PostgreSQL table, which
 * costs the server less per row than any {@code INSERT}. COPY cannot skip an id already
 * stored: a unique violation undoes it to a savepoint and the batch goes through the
 * idempotent {@code INSERT … ON CONFLICT DO NOTHING} instead. A retried batch pays for both;
 * a new one, the common case, only for the COPY and the savepoint.
 *
 * <p>Loaded only when pgjdbc is on the class path, and used only on a connection that unwraps
 * to pgjdbc's; otherwise the idempotent insert runs directly.
 */
final class PostgresCopyInsert implements BatchInsert {

    /** Timestamps travel as ISO-8601 text, which PostgreSQL reads unambiguously for years 1 to 9999. */
    private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999Z");
    private static final String UNIQUE_VIOLATION = "23505";
    /** What a table COPY cannot write into, such as one under row-level security, answers. */
    private static final String FEATURE_NOT_SUPPORTED = "0A000";

    private final String sql;
    private final BatchInsert idempotent;
    private volatile boolean copyRefused;

    PostgresCopyInsert(TableName table, BatchInsert idempotent) {
        this.sql = "COPY " + table.qualified() + " (" + EventColumns.INSERTED + ") FROM STDIN";
        this.idempotent = idempotent;
    }

    @Override
    public boolean insert(Connection connection, AuditEventCodec codec, List<AuditEvent> events) throws SQLException {
        if (copyRefused || !connection.isWrapperFor(PGConnection.class) || !copyable(events)) {
            return idempotent.insert(connection, codec, events);
        }
        byte[] rows = CopyText.rows(codec, events).getBytes(StandardCharsets.UTF_8);
        Savepoint savepoint = connection.setSavepoint();
        try {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
            try {
                copy.writeToCopy(rows, 0, rows.length);
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState()) && !FEATURE_NOT_SUPPORTED.equals(e.getSQLState())) {
                throw e;
            }
            copyRefused |= FEATURE_NOT_SUPPORTED.equals(e.getSQLState());
            connection.rollback(savepoint);
            return idempotent.insert(connection, codec, events);
        }
        connection.releaseSavepoint(savepoint);
        return true;
    }

    private static boolean copyable(List<AuditEvent> events) {
        for (AuditEvent event : events) {
            if (event.timestamp().isBefore(FIRST) || event.timestamp().isAfter(LAST)) {
                return false;
            }
        }
        return true;
    }
}
