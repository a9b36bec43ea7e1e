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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends committed, unsealed event rows to their organisation's tree: leaf indexes in event
 * order, the leaf row, and every subtree the new leaves complete, in one short transaction
 * per organisation and pass with batched INSERTs. Event rows are never updated. The
 * organisations come from the event rows themselves, so no table the application can edit
 * decides what is sealed.
 */
final class LogSealer {

    private static final Logger log = LoggerFactory.getLogger(LogSealer.class);

    /** How far below the newest sealed event a normal pass looks for rows that committed late. */
    static final long LOOK_BACK = 10_000;

    /** Every this many passes, one looks at the whole table, for a transaction that stayed open longer. */
    private static final int SWEEP_EVERY = 100;

    /** Failures in a row of one organisation after which even a conflict is WARNed. */
    private static final int REPEATED = 3;

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
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final AtomicLong failedPasses = new AtomicLong();
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
                long sessionWaits = lock.limitSessionWaits(connection);
                try {
                    connection.setAutoCommit(false);
                    return new Pass(pending, sealAll(connection, byOrganization), byOrganization.keySet());
                } finally {
                    connection.setAutoCommit(true);
                    lock.restoreSessionWaits(connection, sessionWaits);
                }
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
     * The oldest rows that are no leaf of their OWN organisation's tree (a leaf elsewhere does not
     * count: the application role can insert leaves), from a little below the newest sealed event
     * (a pass does not scan the whole table). Pages on past rows of other partitions and rows that
     * do not read back as events, so that such rows cannot fill the window and stall the rest.
     */
    private Map<String, List<Unsealed>> readUnsealed(Connection connection, int partition, int partitions,
            boolean sweep) throws SQLException {
        long cursor = sweep ? Long.MIN_VALUE : newestSealed(connection) - LOOK_BACK;
        String sql = "SELECT " + EventColumns.SELECTED + ", " + LogTables.ORGANIZATION_KEY + " AS organization_key FROM "
                + tables.events().qualified() + " e WHERE e.seq > ? AND NOT EXISTS (SELECT 1 FROM "
                + tables.leaves().qualified() + " l WHERE l.event_seq = e.seq AND l.organization_key = "
                + LogTables.ORGANIZATION_KEY.replace("organization_id", "e.organization_id")
                + ") ORDER BY e.seq LIMIT ?";
        int page = batchSize * partitions;
        Map<String, List<Unsealed>> byOrganization = new LinkedHashMap<>();
        int taken = 0;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            while (taken < batchSize) {
                statement.setLong(1, cursor);
                statement.setInt(2, page);
                int seen = 0;
                try (ResultSet row = statement.executeQuery()) {
                    while (taken < batchSize && row.next()) {
                        seen++;
                        long seq = row.getLong("seq");
                        cursor = seq;
                        String organizationKey = row.getString("organization_key");
                        if (Math.floorMod(organizationKey.hashCode(), partitions) != partition) {
                            continue;
                        }
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
                if (seen < page) {
                    break;
                }
            }
        }
        return byOrganization;
    }

    /**
     * The newest sealed event row, counting only leaves that point at a sequence value the table
     * has: a leaf the application role inserted for a huge sequence must not move the window.
     */
    private long newestSealed(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT MAX(event_seq) FROM "
                + tables.leaves().qualified() + " WHERE event_seq <= (SELECT MAX(seq) FROM "
                + tables.events().qualified() + ")"); ResultSet row = statement.executeQuery()) {
            row.next();
            long max = row.getLong(1);
            return row.wasNull() ? Long.MIN_VALUE + LOOK_BACK : max;
        }
    }

    /**
     * Appends each organisation of one pass in a transaction of its own, in key order so that two
     * sealers never deadlock: a damaged tree (a stray node or leaf the application role inserted,
     * a row held by an open transaction) fails only its own organisation, which is WARNed and
     * counted, and the others are sealed.
     */
    private int sealAll(Connection connection, Map<String, List<Unsealed>> byOrganization) throws SQLException {
        int sealed = 0;
        for (Map.Entry<String, List<Unsealed>> entry : new TreeMap<>(byOrganization).entrySet()) {
            sealed += sealOrganization(connection, entry.getKey(), entry.getValue());
        }
        return sealed;
    }

    private int sealOrganization(Connection connection, String organizationKey, List<Unsealed> read)
            throws SQLException {
        boolean locked = false;
        try {
            lock.limitWaits(connection);
            if (!lock.acquire(connection, organizationKey)) {
                connection.rollback();
                noteFailure(organizationKey, "another session holds its sealing lock", null);
                return 0;
            }
            locked = true;
            List<Unsealed> rows = stillUnsealed(connection, organizationKey, read);
            if (rows.isEmpty()) {
                connection.commit();
                return 0;
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
            connection.commit();
            failures.remove(organizationKey);
            return rows.size();
        } catch (SQLException | IllegalStateException e) {
            connection.rollback();
            noteFailure(organizationKey, e.getMessage(), e);
            return 0;
        } finally {
            if (locked) {
                release(connection, organizationKey);
            }
        }
    }

    /**
     * A failed organisation: a plain conflict with another sealer is expected now and then, so the
     * first is DEBUG; a failure that repeats, or one that is no conflict, is WARNed and counted.
     */
    private void noteFailure(String organizationKey, String why, @Nullable Exception e) {
        int inRow = failures.merge(organizationKey, 1, Integer::sum);
        boolean conflict = e == null || e instanceof SQLException sql && isConflict(sql);
        if (conflict && inRow < REPEATED) {
            log.debug("Sealing the log of '{}' yielded ({}); retrying on the next pass", organizationKey, why, e);
            return;
        }
        failedPasses.incrementAndGet();
        log.warn("Sealing the log of '{}' failed {} time(s) in a row: {}; its rows stay pending, the other"
                + " organisations are sealed; verify this organisation", organizationKey, inRow, why, e);
    }

    /** A lock that cannot be released goes with the connection; it must not hide the pass's own outcome. */
    private void release(Connection connection, String organizationKey) {
        try {
            lock.release(connection, organizationKey);
        } catch (SQLException e) {
            log.warn("Could not release the sealing lock of '{}'; it ends with the connection", organizationKey, e);
        }
    }

    /** Organisation passes that failed for another reason than a passing conflict, since start. */
    long failedPasses() {
        return failedPasses.get();
    }

    /**
     * Drops the rows another sealer appended to this tree after this one read them (under the
     * lock), and the rows whose sequence a leaf of ANOTHER tree claims: they cannot be sealed
     * (the event index is unique), stay out of the tree, and verification reports them.
     */
    private List<Unsealed> stillUnsealed(Connection connection, String organizationKey, List<Unsealed> rows)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT event_seq, organization_key FROM ")
                .append(tables.leaves().qualified()).append(" WHERE event_seq IN (");
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
                    long seq = row.getLong(1);
                    sealed.add(seq);
                    String claimedBy = row.getString(2);
                    if (!organizationKey.equals(claimedBy)) {
                        failedPasses.incrementAndGet();
                        log.warn("Audit row seq={} of '{}' is claimed by a leaf of the tree '{}' and cannot be"
                                + " sealed into its own; verification reports it", seq, organizationKey, claimedBy);
                    }
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
