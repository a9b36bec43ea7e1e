package io.auditrail.jdbc.chain;

import io.auditrail.core.chain.ChainLinks;
import io.auditrail.core.chain.ChainProblem;
import io.auditrail.core.chain.ChainRow;
import io.auditrail.core.chain.ChainStart;
import io.auditrail.core.chain.ChainVerification;
import io.auditrail.core.chain.ChainVerifier;
import io.auditrail.core.chain.Checkpoint;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.store.InvalidAuditQueryException;
import io.auditrail.jdbc.internal.dialect.SqlDialect;
import io.auditrail.jdbc.internal.query.EventColumns;
import io.auditrail.jdbc.internal.query.EventRowMapper;
import io.auditrail.jdbc.internal.query.StreamingRead;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * Verifies one chain straight from the table: rows stream in chain order through
 * {@link ChainVerifier}, one at a time, and the look-ups that classify a broken link use the
 * unique index on the predecessor hash. A range is checked up to the chain's head: one that
 * starts past the head is refused, and one whose last rows are gone reports them deleted.
 */
final class JdbcChainVerifier {

    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final ChainTables tables;
    private final EventRowMapper mapper;
    private final AuditEventCodec codec;
    private final CheckpointStore checkpoints;
    private final ChainVerifier verifier;
    private final int fetchSize;

    JdbcChainVerifier(DataSource dataSource, SqlDialect dialect, ChainTables tables, EventRowMapper mapper,
            AuditEventCodec codec, CheckpointStore checkpoints, ChainVerifier verifier, int fetchSize) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.tables = tables;
        this.mapper = mapper;
        this.codec = codec;
        this.checkpoints = checkpoints;
        this.verifier = verifier;
        this.fetchSize = fetchSize;
    }

    ChainVerification verify(String organizationId, Long from, Long to, List<Checkpoint> exported)
            throws SQLException {
        String chainKey = ChainTables.key(organizationId);
        try (Connection connection = dataSource.getConnection()) {
            List<Checkpoint> known = new ArrayList<>(checkpoints.forChain(connection, chainKey));
            exported.stream().filter(c -> Objects.equals(c.organizationId(), organizationId)).forEach(known::add);
            ChainStart start = known.stream()
                    .filter(c -> c.kind() == Checkpoint.Kind.ANCHOR)
                    .max(Comparator.comparingLong(Checkpoint::chainSeq))
                    .map(anchor -> ChainStart.after(anchor.chainSeq(), anchor.hash()))
                    .orElse(ChainStart.genesis());
            long head = head(connection, chainKey, known);
            if (from != null && from > head) {
                throw new InvalidAuditQueryException("from " + from + " is past the head of the chain, " + head
                        + ": later events are not sealed yet or do not exist");
            }
            long end = to == null ? head : Math.min(to, head);
            if (from != null && from > start.chainSeq()) {
                String before = hashAt(connection, chainKey, from - 1);
                if (before == null) {
                    return new ChainVerification(organizationId, 0, from - 1, new ChainProblem(from - 1,
                            ChainProblem.Type.DELETED, "the row before the range, " + (from - 1) + ", is missing"));
                }
                start = ChainStart.after(from - 1, before);
            }
            ChainStart walkFrom = start;
            return StreamingRead.<ChainVerification, RuntimeException>run(connection, dialect,
                    () -> walk(connection, organizationId, chainKey, walkFrom, end, known));
        }
    }

    private ChainVerification walk(Connection connection, String organizationId, String chainKey, ChainStart start,
            long to, List<Checkpoint> known) throws SQLException {
        String sql = "SELECT " + EventColumns.SELECTED + ", chain_seq, prev_hash, hash FROM "
                + tables.events().qualified() + " WHERE " + tables.chainKey() + " = ? AND chain_seq >= ?"
                + " AND chain_seq <= ? ORDER BY chain_seq";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(fetchSize);
            statement.setString(1, chainKey);
            statement.setLong(2, start.chainSeq());
            statement.setLong(3, to);
            try (ResultSet rows = statement.executeQuery()) {
                return verifier.verify(organizationId, start, new Rows(rows), known, new Links(chainKey), to);
            } catch (UncheckedSqlException e) {
                throw e.getCause();
            }
        }
    }

    /**
     * The newest sequence any record vouches for: the sealed rows, the heads table and the
     * checkpoints. Rows missing below it are deletions, never "not sealed yet".
     */
    private long head(Connection connection, String chainKey, List<Checkpoint> known) throws SQLException {
        long head = known.stream().mapToLong(Checkpoint::chainSeq).max().orElse(0);
        ChainHeads.Head recorded = new ChainHeads(tables).find(connection, chainKey);
        if (recorded != null) {
            head = Math.max(head, recorded.seq());
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT MAX(chain_seq) FROM "
                + tables.events().qualified() + " WHERE " + tables.chainKey() + " = ?")) {
            statement.setString(1, chainKey);
            try (ResultSet row = statement.executeQuery()) {
                if (row.next()) {
                    head = Math.max(head, row.getLong(1));
                }
            }
        }
        return head;
    }

    private String hashAt(Connection connection, String chainKey, long seq) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT hash FROM " + tables.events().qualified()
                + " WHERE " + tables.chainKey() + " = ? AND chain_seq = ?")) {
            statement.setString(1, chainKey);
            statement.setLong(2, seq);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    /** The result set as the iterator the verifier walks. */
    private final class Rows implements Iterator<ChainRow> {
        private final ResultSet rows;
        private Boolean hasNext;

        Rows(ResultSet rows) {
            this.rows = rows;
        }

        @Override
        public boolean hasNext() {
            if (hasNext == null) {
                try {
                    hasNext = rows.next();
                } catch (SQLException e) {
                    throw new UncheckedSqlException(e);
                }
            }
            return hasNext;
        }

        @Override
        public ChainRow next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            hasNext = null;
            try {
                return new ChainRow(rows.getLong("chain_seq"), rows.getString("prev_hash"), rows.getString("hash"),
                        canonical());
            } catch (SQLException e) {
                throw new UncheckedSqlException(e);
            }
        }

        /** A row changed into something that is no longer a valid event counts as modified. */
        private byte[] canonical() {
            try {
                return codec.toCanonicalJson(mapper.map(rows).event());
            } catch (RuntimeException | SQLException e) {
                return null;
            }
        }
    }

    /** Look-ups on their own connection, so a streaming result set stays open meanwhile. */
    private final class Links implements ChainLinks {
        private final String chainKey;

        Links(String chainKey) {
            this.chainKey = chainKey;
        }

        @Override
        public OptionalLong successorOf(String prevHash) {
            List<Long> found = select("prev_hash", prevHash);
            return found.isEmpty() ? OptionalLong.empty() : OptionalLong.of(found.get(0));
        }

        @Override
        public boolean containsHash(String hash) {
            return !select("hash", hash).isEmpty();
        }

        private List<Long> select(String column, String value) {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement statement = connection.prepareStatement("SELECT chain_seq FROM "
                            + tables.events().qualified() + " WHERE " + tables.chainKey() + " = ? AND " + column
                            + " = ?")) {
                statement.setString(1, chainKey);
                statement.setString(2, value);
                List<Long> found = new ArrayList<>();
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        found.add(row.getLong(1));
                    }
                }
                return found;
            } catch (SQLException e) {
                throw new UncheckedSqlException(e);
            }
        }
    }

    /** Carries a driver failure through the verifier's iterator. */
    private static final class UncheckedSqlException extends RuntimeException {
        UncheckedSqlException(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }
}
