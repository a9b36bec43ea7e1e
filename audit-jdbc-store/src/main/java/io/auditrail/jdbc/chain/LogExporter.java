package io.auditrail.jdbc.chain;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.tlog.LogExportLine;
import io.auditrail.jdbc.internal.dialect.SqlDialect;
import io.auditrail.jdbc.internal.query.EventColumns;
import io.auditrail.jdbc.internal.query.EventRowMapper;
import io.auditrail.jdbc.internal.query.StreamingRead;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Streams an organisation's leaves in leaf order as {@link LogExportLine}s, in one query joining
 * each leaf to its stored leaf hash and (outer) to its event: a leaf whose event retention purged
 * becomes a hash-only line. Rows are fetched a batch at a time, so the log never sits in memory.
 * A leaf with neither event nor stored hash is left out, so the offline verifier reports the gap;
 * an event row that no longer maps to an event stops the export.
 */
final class LogExporter {

    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final LogTables tables;
    private final EventRowMapper mapper;
    private final int fetchSize;

    LogExporter(DataSource dataSource, SqlDialect dialect, LogTables tables, EventRowMapper mapper, int fetchSize) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.tables = tables;
        this.mapper = mapper;
        this.fetchSize = fetchSize;
    }

    long export(@Nullable String organizationId, long treeSize, Consumer<LogExportLine> lines) throws SQLException {
        StringBuilder columns = new StringBuilder();
        for (String column : EventColumns.REQUIRED) {
            columns.append(", e.").append(column);
        }
        String sql = "SELECT l.leaf_index, n.hash AS leaf_hash, e.seq AS event_row" + columns + " FROM "
                + tables.leaves().qualified() + " l LEFT JOIN " + tables.nodes().qualified()
                + " n ON n.organization_key = l.organization_key AND n.node_level = 0 AND n.node_index = l.leaf_index"
                + " LEFT JOIN " + tables.events().qualified() + " e ON e.seq = l.event_seq"
                + " WHERE l.organization_key = ? AND l.leaf_index < ? ORDER BY l.leaf_index";
        try (Connection connection = dataSource.getConnection()) {
            return StreamingRead.<Long, RuntimeException>run(connection, dialect, () -> {
                long written = 0;
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    statement.setFetchSize(fetchSize);
                    statement.setString(1, LogTables.key(organizationId));
                    statement.setLong(2, treeSize);
                    try (ResultSet row = statement.executeQuery()) {
                        while (row.next()) {
                            LogExportLine line = line(organizationId, row);
                            if (line != null) {
                                lines.accept(line);
                                written++;
                            }
                        }
                    }
                }
                return written;
            });
        }
    }

    private @Nullable LogExportLine line(@Nullable String organizationId, ResultSet row) throws SQLException {
        long index = row.getLong("leaf_index");
        String stored = row.getString("leaf_hash");
        row.getLong("event_row");
        if (!row.wasNull()) {
            AuditEvent event;
            try {
                event = mapper.map(row).event();
            } catch (RuntimeException e) {
                // Exporting it as hash-only would pass it off as purged; verification names the damage.
                throw new IllegalStateException("the event of leaf " + index + " of " + organizationId
                        + " is no longer a valid event; verify the log", e);
            }
            return LogExportLine.of(index, event);
        }
        return stored == null ? null : LogExportLine.purged(index, organizationId, LogNodes.bytes(stored));
    }
}
