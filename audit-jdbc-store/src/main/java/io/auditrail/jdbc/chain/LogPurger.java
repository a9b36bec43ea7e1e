package io.auditrail.jdbc.chain;

import io.auditrail.jdbc.internal.dialect.SqlDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention for a logged table: deletes the events of a prefix of each organisation's leaves,
 * stopping at the first leaf whose event is still inside the retention period, so the purged
 * part is always a prefix. The leaves and nodes stay, so the tree remains verifiable; a signed
 * retention record of the prefix is written to the checkpoint table in the same transaction,
 * before the delete. It is not exported: its C2SP extension line is no plain checkpoint, which
 * is all a witness or the checkpoint sinks accept; removing it only makes the purge show as
 * DELETED. Rows go through the database's purge routine, the one path the triggers
 * let through. Unsealed rows are never purged. Over all organisations, one whose tree is damaged
 * is WARNed, counted and skipped; the others are purged.
 */
final class LogPurger {

    /** A leaf's event counts only when it belongs to the leaf's tree: another tree's leaf is forged. */
    private static final String OWN_ORGANIZATION = "l.organization_key = "
            + LogTables.ORGANIZATION_KEY.replace("organization_id", "e.organization_id");

    private static final Logger log = LoggerFactory.getLogger(LogPurger.class);

    private final AtomicLong failed = new AtomicLong();
    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final LogTables tables;
    private final CheckpointStore checkpoints;
    private final CheckpointWriter writer;
    private final Clock clock;
    private final int batchSize;

    LogPurger(DataSource dataSource, SqlDialect dialect, LogTables tables, CheckpointStore checkpoints,
            CheckpointWriter writer, Clock clock, int batchSize) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.tables = tables;
        this.checkpoints = checkpoints;
        this.writer = writer;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    long purge(Instant cutoff, String organizationId, Set<String> excluded) throws SQLException {
        long total = 0;
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            try {
                connection.setAutoCommit(true);
                List<String> keys = organizationId != null ? List.of(LogTables.key(organizationId))
                        : writer.organizationKeys(connection).stream().filter(key -> !excluded.contains(key)).toList();
                for (String key : keys) {
                    try {
                        total += purgeOrganization(connection, key, cutoff);
                    } catch (SQLException | IllegalStateException e) {
                        if (organizationId != null) {
                            throw e;
                        }
                        failed.incrementAndGet();
                        log.warn("Retention of the log of '{}' failed: {}; the other organisations are purged,"
                                + " verify this one", key, e.getMessage(), e);
                    }
                }
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
        return total;
    }

    /** Organisations whose retention failed in a run over all of them, since start. */
    long failedOrganizations() {
        return failed.get();
    }

    private long purgeOrganization(Connection connection, String key, Instant cutoff) throws SQLException {
        long total = 0;
        while (true) {
            connection.setAutoCommit(false);
            CheckpointWriter.Written record;
            long deleted;
            try {
                long below = expiredPrefixEnd(connection, key, cutoff);
                if (below < 0) {
                    connection.rollback();
                    return total;
                }
                record = writer.signed(connection, key, below, true);
                checkpoints.insert(connection, key, record.record(), clock.instant().truncatedTo(ChronoUnit.MICROS));
                deleted = present(connection, key, below);
                try (PreparedStatement purge = connection.prepareStatement(tables.purgeSql())) {
                    purge.setString(1, key);
                    purge.setLong(2, below);
                    purge.execute();
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
            total += deleted;
            if (deleted < batchSize) {
                return total;
            }
        }
    }

    /** Where the last retention record ended; only a starting point, the routine deletes by index. */
    private long purgedBelow(Connection connection, String key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT MAX(tree_size) FROM "
                + tables.checkpoints().qualified() + " WHERE organization_key = ? AND kind = '"
                + CheckpointStore.RETENTION + "'")) {
            statement.setString(1, key);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** The events still present below the index: what the routine deletes (drivers report its count differently). */
    private long present(Connection connection, String key, long below) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM "
                + tables.leaves().qualified() + " l JOIN " + tables.events().qualified()
                + " e ON e.seq = l.event_seq AND " + OWN_ORGANIZATION + " WHERE l.organization_key = ? AND l.leaf_index < ?")) {
            statement.setString(1, key);
            statement.setLong(2, below);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /**
     * One past the last leaf of the organisation's oldest run of leaves whose events are older
     * than the cutoff, at most one batch past the part already purged; -1 when there is none.
     */
    private long expiredPrefixEnd(Connection connection, String key, Instant cutoff) throws SQLException {
        String sql = "SELECT l.leaf_index, e.occurred_at FROM " + tables.leaves().qualified() + " l JOIN "
                + tables.events().qualified() + " e ON e.seq = l.event_seq AND " + OWN_ORGANIZATION
                + " WHERE l.organization_key = ?"
                + " AND l.leaf_index >= ? ORDER BY l.leaf_index";
        long end = -1;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, key);
            statement.setLong(2, purgedBelow(connection, key));
            statement.setMaxRows(batchSize);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next() && dialect.readTimestamp(row, "occurred_at").isBefore(cutoff)) {
                    end = row.getLong(1) + 1;
                }
            }
        }
        return end;
    }
}
