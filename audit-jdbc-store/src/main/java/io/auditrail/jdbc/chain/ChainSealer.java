package io.auditrail.jdbc.chain;

import io.auditrail.core.chain.ChainHasher;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.jdbc.query.EventColumns;
import io.auditrail.jdbc.query.EventRowMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Links committed, unsealed rows into their chains, off the request path. Business
 * transactions never wait for it: it reads only committed rows, so the chain order is the
 * order in which rows were sealed, recorded in {@code chain_seq}, whatever order their
 * transactions committed in. Each chain is sealed in its own short transaction holding the
 * chain's head row; a sealer on another instance waits for that row or, should it get past
 * it, fails on the unique constraints and retries on its next pass. Hashes are computed from
 * the rows as read back, so a value the database rounds cannot break a hash.
 */
final class ChainSealer {

    private static final Logger log = LoggerFactory.getLogger(ChainSealer.class);

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
     * Seals up to one batch of the oldest unsealed rows. Read committed keeps MariaDB's gap
     * locks, and with them deadlocks against concurrent inserts, out of the way.
     */
    Pass sealBatch() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = connection.getTransactionIsolation();
            try {
                connection.setAutoCommit(true);
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                Map<String, List<Unsealed>> byChain = readUnsealed(connection);
                connection.setAutoCommit(false);
                int pending = 0;
                int sealed = 0;
                for (Map.Entry<String, List<Unsealed>> chain : byChain.entrySet()) {
                    pending += chain.getValue().size();
                    sealed += sealChain(connection, chain.getKey(), chain.getValue());
                }
                return new Pass(pending, sealed);
            } finally {
                connection.setAutoCommit(autoCommit);
                connection.setTransactionIsolation(isolation);
            }
        }
    }

    private Map<String, List<Unsealed>> readUnsealed(Connection connection) throws SQLException {
        String sql = "SELECT " + EventColumns.SELECTED + ", " + tables.chainKey() + " AS chain_key FROM "
                + tables.events().qualified() + " WHERE chain_seq IS NULL ORDER BY seq LIMIT ?";
        Map<String, List<Unsealed>> byChain = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, batchSize);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    long seq = row.getLong("seq");
                    byte[] canonical;
                    try {
                        canonical = codec.toCanonicalJson(mapper.map(row).event());
                    } catch (RuntimeException e) {
                        log.warn("Audit row seq={} cannot be read back as an event and stays unsealed: {}", seq,
                                e.getMessage());
                        continue;
                    }
                    byChain.computeIfAbsent(row.getString("chain_key"), key -> new ArrayList<>())
                            .add(new Unsealed(seq, canonical));
                }
            }
        }
        return byChain;
    }

    private int sealChain(Connection connection, String chainKey, List<Unsealed> rows) throws SQLException {
        try {
            ChainHeads.Head head = heads.lock(connection, chainKey);
            long seq = head.seq();
            String prev = head.hash();
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + tables.events().qualified()
                    + " SET chain_seq = ?, prev_hash = ?, hash = ? WHERE seq = ? AND chain_seq IS NULL")) {
                for (Unsealed row : rows) {
                    String hash = hasher.hash(prev, row.canonical());
                    update.setLong(1, ++seq);
                    update.setString(2, prev);
                    update.setString(3, hash);
                    update.setLong(4, row.seq());
                    update.addBatch();
                    prev = hash;
                }
                if (!allApplied(connection, update.executeBatch(), chainKey, head.seq(), rows.size())) {
                    // Another sealer sealed some of these rows after this one read them.
                    connection.rollback();
                    return 0;
                }
            }
            heads.advance(connection, new ChainHeads.Head(chainKey, seq, prev));
            connection.commit();
            return rows.size();
        } catch (SQLException e) {
            connection.rollback();
            if (isConflict(e)) {
                log.debug("Another sealer or writer got in the way of chain '{}'; retrying on the next pass", chainKey, e);
                return 0;
            }
            throw e;
        }
    }

    /** Some drivers report SUCCESS_NO_INFO for batched updates; then the new links are counted instead. */
    private boolean allApplied(Connection connection, int[] counts, String chainKey, long from, int expected)
            throws SQLException {
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
            count.setString(1, chainKey);
            count.setLong(2, from);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1) == expected;
            }
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
