package io.auditrail.jdbc.chain;

import io.auditrail.core.chain.ChainHasher;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.jdbc.internal.query.EventColumns;
import io.auditrail.jdbc.internal.query.EventRowMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Links committed, unsealed rows into their chains, off the request path. Business
 * transactions never wait for it: it reads only committed rows, so the chain order is the
 * order in which rows were sealed, recorded in {@code chain_seq}, whatever order their
 * transactions committed in. A pass seals its batch in one short transaction holding the head
 * rows of the chains it extends; a sealer on another instance waits for those rows or, should
 * it get past them, fails on the unique constraints and retries on its next pass. Hashes are computed from
 * the rows as read back, so a value the database rounds cannot break a hash.
 */
final class ChainSealer {

    private static final Logger log = LoggerFactory.getLogger(ChainSealer.class);
    /** Most unsealed rows one pass reads to find its partition's share. */
    private static final int MAX_LOOK_AHEAD = 20_000;

    private final DataSource dataSource;
    private final ChainTables tables;
    private final ChainHeads heads;
    private final EventRowMapper mapper;
    private final AuditEventCodec codec;
    private final ChainHasher hasher;
    private final int batchSize;

    ChainSealer(DataSource dataSource, ChainTables tables, EventRowMapper mapper, AuditEventCodec codec,
            ChainHasher hasher, int batchSize) {
        this.dataSource = dataSource;
        this.tables = tables;
        this.heads = new ChainHeads(tables);
        this.mapper = mapper;
        this.codec = codec;
        this.hasher = hasher;
        this.batchSize = batchSize;
    }

    /** A row read for sealing. */
    private record Unsealed(long seq, byte[] canonical) {
    }

    /**
     * What one pass found and did.
     *
     * @param pending unsealed rows it read
     * @param sealed rows it sealed; fewer when another sealer or a lock conflict got in the way
     */
    record Pass(int pending, int sealed) {
    }

    /**
     * Seals up to one batch of the oldest unsealed rows of the chains in one partition. Sealers
     * of different partitions extend disjoint chains, so they run side by side without meeting.
     * Read committed keeps MariaDB's gap locks, and with them deadlocks against concurrent
     * inserts, out of the way.
     *
     * @param partition this sealer's partition, 0 to {@code partitions - 1}
     * @param partitions how many partitions the chains are spread over
     */
    Pass sealBatch(int partition, int partitions) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = connection.getTransactionIsolation();
            try {
                connection.setAutoCommit(true);
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                Map<String, List<Unsealed>> byChain = readUnsealed(connection, partition, partitions);
                int pending = byChain.values().stream().mapToInt(List::size).sum();
                connection.setAutoCommit(false);
                int sealed = pending == 0 ? 0 : sealAll(connection, byChain);
                return new Pass(pending, sealed);
            } finally {
                connection.setAutoCommit(autoCommit);
                connection.setTransactionIsolation(isolation);
            }
        }
    }

    /** The oldest unsealed rows of the partition's chains, looking ahead past other partitions' rows. */
    private Map<String, List<Unsealed>> readUnsealed(Connection connection, int partition, int partitions)
            throws SQLException {
        String sql = "SELECT " + EventColumns.SELECTED + ", " + tables.chainKey() + " AS chain_key FROM "
                + tables.events().qualified() + " WHERE chain_seq IS NULL ORDER BY seq LIMIT ?";
        Map<String, List<Unsealed>> byChain = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, Math.min(batchSize * partitions, MAX_LOOK_AHEAD));
            int taken = 0;
            try (ResultSet row = statement.executeQuery()) {
                while (taken < batchSize && row.next()) {
                    String chainKey = row.getString("chain_key");
                    if (Math.floorMod(chainKey.hashCode(), partitions) != partition) {
                        continue;
                    }
                    long seq = row.getLong("seq");
                    byte[] canonical;
                    try {
                        canonical = codec.toCanonicalJson(mapper.map(row).event());
                    } catch (RuntimeException e) {
                        log.warn("Audit row seq={} cannot be read back as an event and stays unsealed: {}", seq,
                                e.getMessage());
                        continue;
                    }
                    byChain.computeIfAbsent(chainKey, key -> new ArrayList<>()).add(new Unsealed(seq, canonical));
                    taken++;
                }
            }
        }
        return byChain;
    }

    /** The chain columns one row gets. */
    private record Link(long seq, long chainSeq, String prevHash, String hash) {
    }

    /**
     * Seals every chain of one pass in a single transaction, locking the heads in key order so
     * that two sealers never deadlock; one commit per pass keeps sealing ahead of ingest.
     */
    private int sealAll(Connection connection, Map<String, List<Unsealed>> byChain) throws SQLException {
        try {
            List<ChainHeads.Head> advanced = new ArrayList<>();
            List<Link> links = new ArrayList<>();
            for (String chainKey : new TreeSet<>(byChain.keySet())) {
                ChainHeads.Head head = heads.lock(connection, chainKey);
                long seq = head.seq();
                String prev = head.hash();
                for (Unsealed row : byChain.get(chainKey)) {
                    String hash = hasher.hash(prev, row.canonical());
                    links.add(new Link(row.seq(), ++seq, prev, hash));
                    prev = hash;
                }
                advanced.add(new ChainHeads.Head(chainKey, seq, prev));
            }
            boolean applied = "postgresql".equals(tables.dialectName())
                    ? updateAtOnce(connection, links)
                    : allApplied(connection, updateInBatch(connection, links), byChain, advanced);
            if (!applied) {
                // Another sealer sealed some of these rows after this one read them.
                connection.rollback();
                return 0;
            }
            for (ChainHeads.Head head : advanced) {
                heads.advance(connection, head);
            }
            connection.commit();
            return links.size();
        } catch (SQLException e) {
            connection.rollback();
            if (isConflict(e)) {
                log.debug("Another sealer or writer got in the way; retrying on the next pass", e);
                return 0;
            }
            throw e;
        }
    }

    /**
     * PostgreSQL: one statement for the whole pass. Row-by-row updates paid the executor's
     * start-up per row and sealed at about half the rate of four writers.
     */
    private boolean updateAtOnce(Connection connection, List<Link> links) throws SQLException {
        StringBuilder sql = new StringBuilder("UPDATE ").append(tables.events().qualified())
                .append(" AS t SET chain_seq = v.chain_seq, prev_hash = v.prev_hash, hash = v.hash FROM (VALUES ");
        for (int i = 0; i < links.size(); i++) {
            sql.append(i == 0 ? "(CAST(? AS BIGINT), CAST(? AS BIGINT), ?, ?)" : ", (?, ?, ?, ?)");
        }
        sql.append(") AS v (seq, chain_seq, prev_hash, hash) WHERE t.seq = v.seq AND t.chain_seq IS NULL");
        try (PreparedStatement update = connection.prepareStatement(sql.toString())) {
            int index = 1;
            for (Link link : links) {
                update.setLong(index++, link.seq());
                update.setLong(index++, link.chainSeq());
                update.setString(index++, link.prevHash());
                update.setString(index++, link.hash());
            }
            return update.executeUpdate() == links.size();
        }
    }

    private int[] updateInBatch(Connection connection, List<Link> links) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + tables.events().qualified()
                + " SET chain_seq = ?, prev_hash = ?, hash = ? WHERE seq = ? AND chain_seq IS NULL")) {
            for (Link link : links) {
                update.setLong(1, link.chainSeq());
                update.setString(2, link.prevHash());
                update.setString(3, link.hash());
                update.setLong(4, link.seq());
                update.addBatch();
            }
            return update.executeBatch();
        }
    }

    /** Some drivers report SUCCESS_NO_INFO for batched updates; then the new links are counted instead. */
    private boolean allApplied(Connection connection, int[] counts, Map<String, List<Unsealed>> byChain,
            List<ChainHeads.Head> advanced) throws SQLException {
        boolean unknown = false;
        for (int count : counts) {
            if (count == Statement.SUCCESS_NO_INFO) {
                unknown = true;
            } else if (count != 1) {
                return false;
            }
        }
        if (!unknown) {
            return true;
        }
        try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM " + tables.events().qualified()
                + " WHERE " + tables.chainKey() + " = ? AND chain_seq > ?")) {
            for (ChainHeads.Head head : advanced) {
                int expected = byChain.get(head.chainKey()).size();
                count.setString(1, head.chainKey());
                count.setLong(2, head.seq() - expected);
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    if (row.getLong(1) != expected) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    /** A unique violation (another sealer linked first), a deadlock or a serialisation failure. */
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
