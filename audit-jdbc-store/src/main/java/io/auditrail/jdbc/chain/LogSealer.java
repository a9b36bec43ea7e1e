package io.auditrail.jdbc.chain;

import io.auditrail.core.tlog.LeafHasher;
import io.auditrail.core.tlog.TreeAppender;
import io.auditrail.jdbc.internal.query.EventColumns;
import io.auditrail.jdbc.internal.query.EventRowMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends committed, unsealed event rows to their organisation's tree: leaf indexes in event
 * order, the leaf row, and every subtree the new leaves complete, in one short transaction
 * per pass with batched INSERTs. Event rows are never updated. The organisations come from the
 * event rows themselves, so no table the application can edit decides what is sealed.
 */
final class LogSealer {

    private static final Logger log = LoggerFactory.getLogger(LogSealer.class);

    /** How far below the newest sealed event a normal pass looks for rows that committed late. */
    static final long LOOK_BACK = 10_000;

    /** Every this many passes, one looks at the whole table, for a transaction that stayed open longer. */
    private static final int SWEEP_EVERY = 100;

    /** One pass. */
    record Pass(int pending, int sealed, Set<String> organizations) {
    }

    private record Unsealed(long seq, byte[] leafHash) {
    }

    private final DataSource dataSource;
    private final LogTables tables;
    private final EventRowMapper mapper;
    private final LeafHasher hasher;
    private final LogNodes nodes;
    private final SealLock lock;
    private final int batchSize;
    private int passes;

    LogSealer(DataSource dataSource, LogTables tables, EventRowMapper mapper, LeafHasher hasher, int batchSize) {
        this.dataSource = dataSource;
        this.tables = tables;
        this.mapper = mapper;
        this.hasher = hasher;
        this.nodes = new LogNodes(tables);
        this.lock = new SealLock(tables);
        this.batchSize = batchSize;
    }

    /**
     * Seals up to one batch of the oldest unsealed rows of the organisations in one partition.
     *
     * @param partition this sealer's partition, 0 to {@code partitions - 1}
     * @param partitions how many partitions the organisations are spread over
     * @param sweep look at the whole table instead of the recent part
     */
    Pass sealBatch(int partition, int partitions, boolean sweep) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = connection.getTransactionIsolation();
            try {
                connection.setAutoCommit(true);
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                boolean wide = sweep || nextPassSweeps();
                Map<String, List<Unsealed>> byOrganization = readUnsealed(connection, partition, partitions, wide);
                int pending = byOrganization.values().stream().mapToInt(List::size).sum();
                if (pending == 0) {
                    return new Pass(0, 0, Set.of());
                }
                connection.setAutoCommit(false);
                return new Pass(pending, sealAll(connection, byOrganization), byOrganization.keySet());
            } finally {
                connection.setAutoCommit(autoCommit);
                connection.setTransactionIsolation(isolation);
            }
        }
    }

    private synchronized boolean nextPassSweeps() {
        return passes++ % SWEEP_EVERY == 0;
    }

    /**
     * The oldest unsealed rows: an anti-join against the leaves' unique event index, from a
     * little below the newest sealed event (a pass does not scan the whole table).
     */
    private Map<String, List<Unsealed>> readUnsealed(Connection connection, int partition, int partitions,
            boolean sweep) throws SQLException {
        long floor = sweep ? Long.MIN_VALUE : newestSealed(connection) - LOOK_BACK;
        String sql = "SELECT " + EventColumns.SELECTED + ", " + LogTables.ORGANIZATION_KEY + " AS organization_key FROM "
                + tables.events().qualified() + " e WHERE e.seq > ? AND NOT EXISTS (SELECT 1 FROM "
                + tables.leaves().qualified() + " l WHERE l.event_seq = e.seq) ORDER BY e.seq LIMIT ?";
        Map<String, List<Unsealed>> byOrganization = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, floor);
            statement.setInt(2, batchSize * partitions);
            int taken = 0;
            try (ResultSet row = statement.executeQuery()) {
                while (taken < batchSize && row.next()) {
                    String organizationKey = row.getString("organization_key");
                    if (Math.floorMod(organizationKey.hashCode(), partitions) != partition) {
                        continue;
                    }
                    long seq = row.getLong("seq");
                    byte[] leafHash;
                    try {
                        leafHash = hasher.leafHash(mapper.map(row).event());
                    } catch (RuntimeException e) {
                        log.warn("Audit row seq={} cannot be read back as an event and stays unsealed: {}", seq,
                                e.getMessage());
                        continue;
                    }
                    byOrganization.computeIfAbsent(organizationKey, key -> new ArrayList<>())
                            .add(new Unsealed(seq, leafHash));
                    taken++;
                }
            }
        }
        return byOrganization;
    }

    private long newestSealed(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT MAX(event_seq) FROM "
                + tables.leaves().qualified()); ResultSet row = statement.executeQuery()) {
            row.next();
            long max = row.getLong(1);
            return row.wasNull() ? Long.MIN_VALUE + LOOK_BACK : max;
        }
    }

    /**
     * Appends every organisation of one pass in a single transaction, locking them in key order
     * so that two sealers never deadlock.
     */
    private int sealAll(Connection connection, Map<String, List<Unsealed>> byOrganization) throws SQLException {
        Map<String, List<Unsealed>> ordered = new TreeMap<>(byOrganization);
        List<String> locked = new ArrayList<>();
        try {
            int sealed = 0;
            for (Map.Entry<String, List<Unsealed>> entry : ordered.entrySet()) {
                String organizationKey = entry.getKey();
                if (!lock.acquire(connection, organizationKey)) {
                    log.debug("Another sealer holds the log of '{}'; leaving it to the next pass", organizationKey);
                    continue;
                }
                locked.add(organizationKey);
                List<Unsealed> rows = stillUnsealed(connection, entry.getValue());
                if (rows.isEmpty()) {
                    continue;
                }
                long size = nodes.size(connection, organizationKey);
                TreeAppender appender = nodes.resume(connection, organizationKey, size);
                List<LogNodes.Leaf> leaves = new ArrayList<>(rows.size());
                List<TreeAppender.Node> completed = new ArrayList<>(rows.size() * 2);
                for (Unsealed row : rows) {
                    leaves.add(new LogNodes.Leaf(appender.size(), row.seq()));
                    completed.addAll(appender.append(row.leafHash()));
                }
                nodes.insertLeaves(connection, organizationKey, leaves);
                nodes.insertNodes(connection, organizationKey, completed);
                sealed += rows.size();
            }
            connection.commit();
            return sealed;
        } catch (SQLException e) {
            connection.rollback();
            if (isConflict(e)) {
                log.debug("Another sealer got in the way; retrying on the next pass", e);
                return 0;
            }
            throw e;
        } finally {
            release(connection, locked);
        }
    }

    /** A lock that cannot be released goes with the connection; it must not hide the pass's own outcome. */
    private void release(Connection connection, List<String> locked) {
        for (String organizationKey : locked) {
            try {
                lock.release(connection, organizationKey);
            } catch (SQLException e) {
                log.warn("Could not release the sealing lock of '{}'; it ends with the connection", organizationKey, e);
            }
        }
    }

    /** Drops the rows another sealer appended after this one read them, under the lock. */
    private List<Unsealed> stillUnsealed(Connection connection, List<Unsealed> rows) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT event_seq FROM ").append(tables.leaves().qualified())
                .append(" WHERE event_seq IN (");
        for (int i = 0; i < rows.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        sql.append(')');
        Set<Long> sealed = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < rows.size(); i++) {
                statement.setLong(i + 1, rows.get(i).seq());
            }
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    sealed.add(row.getLong(1));
                }
            }
        }
        return sealed.isEmpty() ? rows : rows.stream().filter(row -> !sealed.contains(row.seq())).toList();
    }

    /** A unique violation (another sealer appended first), a deadlock or a serialisation failure. */
    private static boolean isConflict(SQLException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String state = cause instanceof SQLException sql ? sql.getSQLState() : null;
            if (state != null && (state.startsWith("23") || state.startsWith("40"))) {
                return true;
            }
        }
        return false;
    }
}
