package io.auditrail.jdbc.stream;

import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.stream.StreamException;
import io.auditrail.jdbc.internal.dialect.SqlDialect;
import io.auditrail.jdbc.internal.query.EventColumns;
import io.auditrail.jdbc.internal.query.EventRowMapper;
import io.auditrail.jdbc.internal.query.StoredEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Reads the audit table by sequence: the events of one organisation after a stream's cursor,
 * and the figures behind lag and start points. The trail itself is the queue; nothing is copied.
 */
final class EventSource {

    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final String table;
    private final EventRowMapper mapper;

    EventSource(DataSource dataSource, SqlDialect dialect, StreamTables tables) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.table = tables.events().qualified();
        this.mapper = new EventRowMapper(dialect, new AuditEventCodec());
    }

    /** The organisation's events with {@code after < seq <= upTo}, oldest first, at most {@code limit}. */
    List<StoredEvent> read(String organizationId, long after, long upTo, int limit) {
        String sql = "SELECT " + EventColumns.SELECTED + " FROM " + table
                + " WHERE organization_id = ? AND seq > ? AND seq <= ? ORDER BY seq LIMIT " + limit;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, organizationId);
            statement.setLong(2, after);
            statement.setLong(3, upTo);
            try (ResultSet rows = statement.executeQuery()) {
                List<StoredEvent> events = new ArrayList<>();
                while (rows.next()) {
                    events.add(mapper.map(rows));
                }
                return events;
            }
        } catch (SQLException e) {
            throw new StreamException("cannot read the audit trail of organisation " + organizationId, e);
        }
    }

    /** The store's highest sequence, or -1 when empty (HSQLDB's identity starts at 0). */
    long maxSequence() {
        return single("SELECT COALESCE(MAX(seq), -1) FROM " + table, null, null);
    }

    /** The sequence just before the organisation's first event at or after {@code from}. */
    long cursorBefore(String organizationId, Instant from) {
        long first = single("SELECT COALESCE(MIN(seq), -2) FROM " + table + " WHERE organization_id = ? AND occurred_at >= ?",
                organizationId, from);
        return first == -2 ? maxSequence() : first - 1;
    }

    /** Events of the organisation after the cursor. */
    long countAfter(String organizationId, long cursor) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM " + table
                        + " WHERE organization_id = ? AND seq > ?")) {
            statement.setString(1, organizationId);
            statement.setLong(2, cursor);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new StreamException("cannot count the events waiting", e);
        }
    }

    /** Time of the organisation's first event after the cursor, or {@code null} when none waits. */
    @Nullable Instant firstTimeAfter(String organizationId, long cursor) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT occurred_at FROM " + table
                        + " WHERE organization_id = ? AND seq > ? ORDER BY seq LIMIT 1")) {
            statement.setString(1, organizationId);
            statement.setLong(2, cursor);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? dialect.readTimestamp(rows, "occurred_at") : null;
            }
        } catch (SQLException e) {
            throw new StreamException("cannot read the oldest event waiting", e);
        }
    }

    /** Sequences after {@code after}, oldest first, at most {@code limit}, across organisations. */
    long[] sequencesAfter(long after, int limit) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT seq FROM " + table
                        + " WHERE seq > ? ORDER BY seq LIMIT " + limit)) {
            statement.setLong(1, after);
            try (ResultSet rows = statement.executeQuery()) {
                long[] found = new long[limit];
                int count = 0;
                while (rows.next()) {
                    found[count++] = rows.getLong(1);
                }
                return java.util.Arrays.copyOf(found, count);
            }
        } catch (SQLException e) {
            throw new StreamException("cannot read the audit trail's sequence", e);
        }
    }

    private long single(String sql, @Nullable String organizationId, @Nullable Instant from) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            if (organizationId != null && from != null) {
                statement.setString(1, organizationId);
                dialect.bindTimestamp(statement, 2, from);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new StreamException("cannot read the audit trail's sequence", e);
        }
    }
}
