package io.auditrail.jdbc.chain;

import io.auditrail.core.chain.Checkpoint;
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
import javax.sql.DataSource;

/**
 * Retention for a chained table: deletes only a sealed prefix of each chain, oldest link
 * first, stopping at the first row still inside the retention period, so a chain never gets a
 * hole. Before each delete it records the last deleted link as a signed {@link Checkpoint.Kind#ANCHOR}
 * in the same transaction; verification then starts cleanly after it. Rows go through the
 * database's retention function, the one path the append-only triggers let through.
 */
final class ChainPurger {

    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final ChainTables tables;
    private final ChainHeads heads;
    private final CheckpointStore checkpoints;
    private final CheckpointWriter checkpointWriter;
    private final CheckpointSink sink;
    private final Clock clock;
    private final int batchSize;

    ChainPurger(DataSource dataSource, SqlDialect dialect, ChainTables tables, CheckpointStore checkpoints,
            CheckpointWriter checkpointWriter, CheckpointSink sink, Clock clock, int batchSize) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.tables = tables;
        this.heads = new ChainHeads(tables);
        this.checkpoints = checkpoints;
        this.checkpointWriter = checkpointWriter;
        this.sink = sink;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** A link at the end of an expired prefix. */
    private record Link(long seq, String hash, int rows) {
    }

    long purge(Instant cutoff, String organizationId, Set<String> excludedOrganizations) throws SQLException {
        long total = 0;
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            try {
                for (String chainKey : chains(connection, organizationId, excludedOrganizations)) {
                    total += purgeChain(connection, chainKey, cutoff);
                }
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
        return total;
    }

    private List<String> chains(Connection connection, String organizationId, Set<String> excluded)
            throws SQLException {
        if (organizationId != null) {
            return List.of(ChainTables.key(organizationId));
        }
        connection.setAutoCommit(true);
        List<String> keys = new ArrayList<>();
        for (ChainHeads.Head head : heads.all(connection)) {
            if (!excluded.contains(head.chainKey())) {
                keys.add(head.chainKey());
            }
        }
        return keys;
    }

    private long purgeChain(Connection connection, String chainKey, Instant cutoff) throws SQLException {
        long total = 0;
        while (true) {
            connection.setAutoCommit(false);
            Checkpoint anchor;
            Link last;
            try {
                last = expiredPrefixEnd(connection, chainKey, cutoff);
                if (last == null) {
                    connection.rollback();
                    return total;
                }
                anchor = checkpointWriter.sign(new Checkpoint(ChainTables.organization(chainKey), Checkpoint.Kind.ANCHOR,
                        last.seq(), last.hash(), clock.instant().truncatedTo(ChronoUnit.MICROS), null));
                checkpoints.insert(connection, List.of(anchor));
                try (PreparedStatement purge = connection.prepareStatement(tables.purgeSql())) {
                    purge.setString(1, chainKey);
                    purge.setLong(2, last.seq());
                    purge.execute();
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
            sink.publish(anchor);
            total += last.rows();
            if (last.rows() < batchSize) {
                return total;
            }
        }
    }

    /** The last link of the chain's oldest run of expired rows, at most one batch long. */
    private Link expiredPrefixEnd(Connection connection, String chainKey, Instant cutoff) throws SQLException {
        String sql = "SELECT chain_seq, hash, occurred_at FROM " + tables.events().qualified() + " WHERE "
                + tables.chainKey() + " = ? AND chain_seq IS NOT NULL ORDER BY chain_seq LIMIT ?";
        Link last = null;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, chainKey);
            statement.setInt(2, batchSize);
            try (ResultSet row = statement.executeQuery()) {
                int rows = 0;
                while (row.next() && dialect.readTimestamp(row, "occurred_at").isBefore(cutoff)) {
                    last = new Link(row.getLong("chain_seq"), row.getString("hash"), ++rows);
                }
            }
        }
        return last;
    }
}
