package io.auditrail.jdbc.chain;

import io.auditrail.core.tlog.LeafHasher;
import io.auditrail.core.tlog.NodeId;
import io.auditrail.core.tlog.TreeAppender;
import io.auditrail.jdbc.internal.query.EventColumns;
import io.auditrail.jdbc.internal.query.EventRowMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
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
 * order, the leaf rows, and every subtree the new leaves complete. Event rows are never
 * updated. The organisations come from the event rows themselves, so no table the application
 * can edit decides what is sealed.
 *
 * <p>A pass reads the rows after the last one its partition examined ({@link SealCursor}: a
 * primary-key range, no search among sealed rows), then appends the rows of all its
 * organisations in ONE transaction of a fixed number of statements: the locks, the tree sizes,
 * the leaves that already claim any of the rows, the frontier nodes, the leaves and the nodes.
 * When that transaction fails (a stray node or leaf the application role inserted, a row held
 * by an open transaction), the pass seals each organisation in a transaction of its own, so the
 * damaged one fails alone, WARNed and counted, and is sealed alone until it succeeds again.
 */
final class LogSealer {

    private static final Logger log = LoggerFactory.getLogger(LogSealer.class);

    /**
     * How far below the newest sealed event a fresh sealer starts reading, so that rows that
     * commit late are seen as gaps; a tree-less table is read from 0 (HSQLDB's identities start there).
     */
    static final long LOOK_BACK = SealCursor.LOOK_BACK;

    /** Failures in a row of one organisation after which even a conflict is WARNed. */
    private static final int REPEATED = 3;

    /**
     * One pass.
     *
     * @param moved whether the pass got further in the table, so that rows read but not sealed
     *        (already sealed by another sealer) do not count as a pass without progress
     */
    record Pass(int pending, int sealed, Set<String> organizations, boolean moved) {
    }

    private record Unsealed(long seq, byte[] leafHash) {
    }

    private final DataSource dataSource;
    private final LogTables tables;
    private final EventRowMapper mapper;
    private final LeafHasher hasher;
    private final LogBatch batch;
    private final SealLock lock;
    private final TrustedFrontiers frontiers;
    private final int batchSize;
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final Set<String> isolated = ConcurrentHashMap.newKeySet();
    private final Map<Integer, SealCursor> cursors = new ConcurrentHashMap<>();
    private final AtomicLong failedPasses = new AtomicLong();

    LogSealer(DataSource dataSource, LogTables tables, EventRowMapper mapper, LeafHasher hasher,
            TrustedFrontiers frontiers, int batchSize) {
        this.dataSource = dataSource;
        this.frontiers = frontiers;
        this.tables = tables;
        this.mapper = mapper;
        this.hasher = hasher;
        this.batch = new LogBatch(tables);
        this.lock = new SealLock(tables);
        this.batchSize = batchSize;
    }

    /**
     * Seals up to one batch of unsealed rows of the organisations in one partition. One thread
     * at a time per partition.
     *
     * @param partition this sealer's partition, 0 to {@code partitions - 1}
     * @param partitions how many partitions the organisations are spread over
     * @param sweep look at the whole table instead of the rows after the last pass
     */
    Pass sealBatch(int partition, int partitions, boolean sweep) throws SQLException {
        SealCursor cursor = cursors.computeIfAbsent(partition, p -> new SealCursor());
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = connection.getTransactionIsolation();
            try {
                connection.setAutoCommit(true);
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                long moves = cursor.moves();
                Map<String, List<Unsealed>> byOrganization = readUnsealed(connection, cursor, partition, partitions,
                        sweep);
                boolean moved = cursor.moves() != moves;
                int pending = byOrganization.values().stream().mapToInt(List::size).sum();
                if (pending == 0) {
                    return new Pass(0, 0, Set.of(), moved);
                }
                long sessionWaits = lock.limitSessionWaits(connection);
                try {
                    connection.setAutoCommit(false);
                    return new Pass(pending, sealAll(connection, byOrganization, cursor), byOrganization.keySet(), moved);
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

    /**
     * This partition's unsealed rows: those a sweep finds (no leaf of their OWN organisation's
     * tree: a leaf elsewhere does not count, the application role can insert leaves), else the
     * values to re-read and the rows after the cursor. Pages on past rows of other partitions and
     * rows that do not read back as events, so that such rows cannot fill the window and stall
     * the rest.
     */
    private Map<String, List<Unsealed>> readUnsealed(Connection connection, SealCursor cursor, int partition,
            int partitions, boolean sweep) throws SQLException {
        long now = System.nanoTime();
        if (!cursor.positioned()) {
            cursor.position(Math.max(-1, newestSealed(connection) - LOOK_BACK));
        }
        Map<String, List<Unsealed>> byOrganization = new LinkedHashMap<>();
        if (cursor.sweepDue(now, sweep)) {
            String sql = select() + " WHERE e.seq > ? AND " + notSealed() + " ORDER BY e.seq LIMIT ?";
            Read read = read(connection, sql, List.of(cursor.sweepFrom()), partition, partitions, byOrganization,
                    batchSize, true);
            cursor.swept(read.last(), read.complete(), now);
            return byOrganization;
        }
        List<SealCursor.Range> ranges = cursor.retryRanges(now);
        if (!ranges.isEmpty()) {
            StringBuilder where = new StringBuilder();
            List<Long> parameters = new ArrayList<>();
            for (SealCursor.Range range : ranges) {
                where.append(where.isEmpty() ? "(" : " OR ").append("e.seq BETWEEN ? AND ?");
                parameters.add(range.from());
                parameters.add(range.to());
            }
            where.append(')');
            Read read = read(connection, select() + " WHERE " + where + " AND " + notSealed()
                    + " ORDER BY e.seq LIMIT ?", parameters, partition, partitions, byOrganization, batchSize, false);
            read.seen().forEach(cursor::found);
        }
        int left = batchSize - byOrganization.values().stream().mapToInt(List::size).sum();
        if (left > 0) {
            Read read = read(connection, select() + " WHERE e.seq > ? ORDER BY e.seq LIMIT ?",
                    List.of(cursor.position()), partition, partitions, byOrganization, left, true);
            cursor.scanned(read.seen(), now);
        }
        return byOrganization;
    }

    private record Read(List<Long> seen, long last, boolean complete) {
    }

    private String select() {
        return "SELECT " + EventColumns.SELECTED + ", " + LogTables.ORGANIZATION_KEY + " AS organization_key FROM "
                + tables.events().qualified() + " e";
    }

    private String notSealed() {
        return "NOT EXISTS (SELECT 1 FROM " + tables.leaves().qualified() + " l WHERE l.event_seq = e.seq AND"
                + " l.organization_key = " + LogTables.ORGANIZATION_KEY.replace("organization_id", "e.organization_id")
                + ")";
    }

    /**
     * Runs a read whose last parameters are a lower bound of seq (when {@code paged}) and a row
     * limit, paging on until {@code wanted} rows of this partition are taken or the rows end.
     */
    private Read read(Connection connection, String sql, List<Long> parameters, int partition, int partitions,
            Map<String, List<Unsealed>> byOrganization, int wanted, boolean paged) throws SQLException {
        int page = wanted * partitions;
        List<Long> seen = new ArrayList<>();
        long last = paged ? parameters.get(parameters.size() - 1) : Long.MIN_VALUE;
        int taken = 0;
        boolean complete = false;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            while (taken < wanted) {
                int parameter = 1;
                for (int i = 0; i < parameters.size(); i++) {
                    statement.setLong(parameter++, paged && i == parameters.size() - 1 ? last : parameters.get(i));
                }
                statement.setInt(parameter, page);
                int rows = 0;
                try (ResultSet row = statement.executeQuery()) {
                    while (taken < wanted && row.next()) {
                        rows++;
                        long seq = row.getLong("seq");
                        seen.add(seq);
                        last = seq;
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
                if (rows < page) {
                    complete = taken < wanted || rows == 0;
                    break;
                }
                if (!paged) {
                    break;
                }
            }
        }
        return new Read(seen, last, complete);
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
     * Seals the organisations of a pass together, or, when that fails or an organisation failed
     * lately, each alone (in key order, so that two sealers never deadlock).
     */
    private int sealAll(Connection connection, Map<String, List<Unsealed>> byOrganization, SealCursor cursor)
            throws SQLException {
        Map<String, List<Unsealed>> together = new TreeMap<>();
        List<String> alone = new ArrayList<>();
        for (Map.Entry<String, List<Unsealed>> entry : new TreeMap<>(byOrganization).entrySet()) {
            if (isolated.contains(entry.getKey())) {
                alone.add(entry.getKey());
            } else {
                together.put(entry.getKey(), entry.getValue());
            }
        }
        int sealed = 0;
        if (together.size() == 1) {
            alone.addAll(together.keySet());
        } else if (!together.isEmpty()) {
            try {
                sealed += seal(connection, together, cursor);
            } catch (SQLException e) {
                connection.rollback();
                log.debug("Sealing {} organisations together failed ({}); sealing each alone", together.size(),
                        e.getMessage());
                alone.addAll(together.keySet());
            }
        }
        alone.sort(null);
        for (String key : alone) {
            try {
                sealed += seal(connection, Map.of(key, byOrganization.get(key)), cursor);
                isolated.remove(key);
            } catch (SQLException e) {
                connection.rollback();
                isolated.add(key);
                frontiers.forget(key);
                retry(cursor, byOrganization.get(key));
                noteFailure(key, e.getMessage(), e);
            }
        }
        return sealed;
    }

    /**
     * One transaction for the given organisations. Organisations that cannot be sealed for a
     * reason known before writing (a lock another session holds, a damaged frontier) are left
     * out, noted and retried; a failing statement rolls the whole transaction back and is thrown.
     */
    private int seal(Connection connection, Map<String, List<Unsealed>> rows, SealCursor cursor) throws SQLException {
        Set<String> locked = Set.of();
        try {
            lock.limitWaits(connection);
            locked = lock.acquireAll(connection, new ArrayList<>(rows.keySet()));
            for (String key : rows.keySet()) {
                if (!locked.contains(key)) {
                    retry(cursor, rows.get(key));
                    noteFailure(key, "another session holds its sealing lock", null);
                }
            }
            if (locked.isEmpty()) {
                connection.rollback();
                return 0;
            }
            Map<String, Long> sizes = batch.sizes(connection, locked);
            Map<Long, String> claimed = batch.claimed(connection, locked.stream()
                    .flatMap(key -> rows.get(key).stream()).map(Unsealed::seq).toList());
            List<LogBatch.Wanted> wanted = new ArrayList<>();
            for (String key : locked) {
                frontiers.needed(key, sizes.get(key)).forEach(id -> wanted.add(new LogBatch.Wanted(key, id)));
            }
            Map<String, Map<NodeId, byte[]>> stored = batch.read(connection, wanted);
            List<LogBatch.Leaf> leaves = new ArrayList<>();
            List<LogBatch.Node> nodes = new ArrayList<>();
            Map<String, TreeAppender> appended = new TreeMap<>();
            for (String key : locked) {
                List<Unsealed> unsealed = unclaimed(key, rows.get(key), claimed);
                if (unsealed.isEmpty()) {
                    continue;
                }
                long size = sizes.get(key);
                TreeAppender appender;
                try {
                    frontiers.requireNotCutBack(key, size);
                    appender = TreeAppender.resume(size, frontiers.check(key, size, stored.getOrDefault(key, Map.of())));
                } catch (IllegalStateException e) {
                    frontiers.forget(key);
                    retry(cursor, unsealed);
                    noteFailure(key, e.getMessage(), e);
                    continue;
                }
                for (Unsealed row : unsealed) {
                    leaves.add(new LogBatch.Leaf(key, appender.size(), row.seq()));
                    appender.append(row.leafHash()).forEach(node -> nodes.add(new LogBatch.Node(key, node)));
                }
                appended.put(key, appender);
            }
            batch.insertLeaves(connection, leaves);
            batch.insertNodes(connection, nodes);
            connection.commit();
            for (Map.Entry<String, TreeAppender> entry : appended.entrySet()) {
                frontiers.committed(entry.getKey(), entry.getValue().size(), entry.getValue().frontier());
                failures.remove(entry.getKey());
            }
            return leaves.size();
        } catch (SQLException | RuntimeException e) {
            // Before the locks go: MariaDB's named locks are the session's, not the transaction's.
            connection.rollback();
            throw e;
        } finally {
            for (String key : locked) {
                release(connection, key);
            }
        }
    }

    /**
     * Drops the rows another sealer appended to this tree after this one read them, and the rows
     * whose sequence a leaf of ANOTHER tree claims: they cannot be sealed (the event index is
     * unique), stay out of the tree, and verification reports them.
     */
    private List<Unsealed> unclaimed(String organizationKey, List<Unsealed> rows, Map<Long, String> claimed) {
        if (claimed.isEmpty()) {
            return rows;
        }
        List<Unsealed> unclaimed = new ArrayList<>(rows.size());
        for (Unsealed row : rows) {
            String claimedBy = claimed.get(row.seq());
            if (claimedBy == null) {
                unclaimed.add(row);
            } else if (!organizationKey.equals(claimedBy)) {
                failedPasses.incrementAndGet();
                log.warn("Audit row seq={} of '{}' is claimed by a leaf of the tree '{}' and cannot be"
                        + " sealed into its own; verification reports it", row.seq(), organizationKey, claimedBy);
            }
        }
        return unclaimed;
    }

    private static void retry(SealCursor cursor, List<Unsealed> rows) {
        long now = System.nanoTime();
        rows.forEach(row -> cursor.retry(row.seq(), now));
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
