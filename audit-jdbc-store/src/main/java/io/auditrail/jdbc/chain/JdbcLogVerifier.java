package io.auditrail.jdbc.chain;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.tlog.LeafHasher;
import io.auditrail.core.tlog.LogCheckpoint;
import io.auditrail.core.tlog.LogProblem;
import io.auditrail.core.tlog.LogVerification;
import io.auditrail.core.tlog.LogVerifier;
import io.auditrail.core.tlog.MerkleTree;
import io.auditrail.core.tlog.NodeId;
import io.auditrail.core.store.InvalidAuditQueryException;
import io.auditrail.jdbc.internal.dialect.SqlDialect;
import io.auditrail.jdbc.internal.query.EventColumns;
import io.auditrail.jdbc.internal.query.EventRowMapper;
import io.auditrail.jdbc.internal.query.StreamingRead;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Verifies one organisation's tree from the database, trusting nothing the application role can
 * write: the leaves stream in index order with their stored hash and their event through core's
 * {@link LogVerifier} (the classification the offline verifier shares: O(log n) memory, roots
 * against every signed checkpoint and retention record), then every event row of the
 * organisation older than the grace period must be a leaf, and every stored node must match its
 * children. The first problem is reported with its leaf index.
 */
final class JdbcLogVerifier {

    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final LogTables tables;
    private final EventRowMapper mapper;
    private final LeafHasher hasher;
    private final CheckpointStore checkpoints;
    private final CheckpointNotes notes;
    private final Clock clock;
    private final Duration grace;
    private final int fetchSize;
    private final AuditEventCodec codec = new AuditEventCodec();

    JdbcLogVerifier(DataSource dataSource, SqlDialect dialect, LogTables tables, EventRowMapper mapper,
            LeafHasher hasher, CheckpointStore checkpoints, CheckpointNotes notes, Clock clock, Duration grace,
            int fetchSize) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.tables = tables;
        this.mapper = mapper;
        this.hasher = hasher;
        this.checkpoints = checkpoints;
        this.notes = notes;
        this.clock = clock;
        this.grace = grace;
        this.fetchSize = fetchSize;
    }

    /** What the signed records say about a tree, once their signatures held. */
    private record Claims(List<CheckpointRecord> checkpoints, long retained, long largest) {
    }

    LogVerification verify(@Nullable String organizationId, @Nullable Long from, @Nullable Long to,
            List<CheckpointRecord> exported) throws SQLException {
        String key = LogTables.key(organizationId);
        try (Connection connection = dataSource.getConnection()) {
            long size = new LogNodes(tables).size(connection, key);
            List<CheckpointRecord> records = new ArrayList<>(checkpoints.forOrganization(connection, key));
            records.addAll(exported);
            records.sort(Comparator.comparingLong(CheckpointRecord::size));
            for (CheckpointRecord record : records) {
                String failure = notes.check(record, organizationId);
                if (failure != null) {
                    return problem(organizationId, 0, size, record.size(), LogProblem.Type.BAD_SIGNATURE, failure);
                }
            }
            Claims claims = claims(records);
            if (from != null && from >= Math.max(size, claims.largest())) {
                throw new InvalidAuditQueryException("from " + from + " is past the end of the log of "
                        + organizationId + ", " + Math.max(size, claims.largest()) + " leaves: later events are"
                        + " not sealed yet or do not exist");
            }
            LogVerification forked = conflicting(organizationId, size, claims);
            if (forked != null) {
                return forked;
            }
            long first = from == null ? 0 : from;
            long last = to == null ? Long.MAX_VALUE : to;
            Walk walk = StreamingRead.<Walk, RuntimeException>run(connection, dialect,
                    () -> walk(connection, organizationId, key, first, last, claims));
            LogVerification walked = walk.verifier().finish();
            if (!walked.intact()) {
                return new LogVerification(organizationId, false, walk.checked(), size, walked.problem());
            }
            LogVerification unsealed = unsealed(connection, organizationId, key, size);
            if (unsealed != null) {
                return unsealed;
            }
            return StreamingRead.<LogVerification, RuntimeException>run(connection, dialect,
                    () -> checkNodes(connection, organizationId, key, size, walk.checked()));
        }
    }

    private static Claims claims(List<CheckpointRecord> records) {
        long retained = 0;
        long largest = 0;
        for (CheckpointRecord record : records) {
            largest = Math.max(largest, record.size());
            if (record.retention()) {
                retained = Math.max(retained, record.size());
            }
        }
        return new Claims(records, retained, largest);
    }

    /** Two signed statements of one size with different roots: someone was shown another tree. */
    private static @Nullable LogVerification conflicting(@Nullable String organizationId, long size, Claims claims) {
        CheckpointRecord previous = null;
        for (CheckpointRecord record : claims.checkpoints()) {
            if (previous != null && previous.size() == record.size() && !Arrays.equals(previous.root(), record.root())) {
                return problem(organizationId, 0, size, Math.max(0, record.size() - 1), LogProblem.Type.FORKED,
                        "two signed checkpoints of " + record.size() + " leaves name different roots");
            }
            previous = record;
        }
        return null;
    }

    /**
     * An event row older than the grace period (or with a time far in the future, or a sequence the
     * database never hands out) that is no leaf of its OWN tree (a leaf of another tree, which the
     * application role can insert, does not count): inserted behind the sealer's back when it sits
     * below rows already sealed, else not sealed in time.
     */
    private @Nullable LogVerification unsealed(Connection connection, @Nullable String organizationId, String key,
            long size) throws SQLException {
        Instant now = clock.instant();
        String organization = organizationId == null ? "e.organization_id IS NULL" : "e.organization_id = ?";
        String sql = "SELECT e.seq, e.event_id, e.occurred_at FROM " + tables.events().qualified() + " e WHERE "
                + organization + " AND NOT EXISTS (SELECT 1 FROM " + tables.leaves().qualified()
                + " l WHERE l.event_seq = e.seq AND l.organization_key = ?)"
                + " AND (e.occurred_at < ? OR e.occurred_at > ? OR e.seq <= 0) ORDER BY e.seq";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int parameter = 1;
            if (organizationId != null) {
                statement.setString(parameter++, organizationId);
            }
            statement.setString(parameter++, key);
            dialect.bindTimestamp(statement, parameter++, now.minus(grace));
            dialect.bindTimestamp(statement, parameter, now.plus(grace));
            statement.setMaxRows(1);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                long seq = row.getLong("seq");
                String event = row.getString("event_id");
                Instant occurred = dialect.readTimestamp(row, "occurred_at");
                boolean behind = seq <= 0 || seq < newestSealed(connection, key);
                return problem(organizationId, 0, size, size, behind ? LogProblem.Type.INSERTED
                        : LogProblem.Type.UNSEALED, "event " + event + " (row " + seq + ", occurred " + occurred
                        + ") is in the table but in no leaf" + (behind ? ", below rows already sealed" : ""));
            }
        }
    }

    private long newestSealed(Connection connection, String key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT MAX(event_seq) FROM "
                + tables.leaves().qualified() + " WHERE organization_key = ?")) {
            statement.setString(1, key);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                long max = row.getLong(1);
                return row.wasNull() ? Long.MIN_VALUE : max;
            }
        }
    }

    /** A walk's verifier, not finished yet, and the events it checked inside the range. */
    private record Walk(LogVerifier verifier, long checked) {
    }

    /**
     * Streams every leaf from 0 through the shared {@link LogVerifier} (the roots at the
     * checkpoints' sizes need them all); the events are checked inside {@code [first, last]},
     * outside it the stored leaf hash stands in. The checkpoints were vetted by
     * {@link CheckpointNotes} (signature and statement), so the verifier takes them as vetted.
     * An event is hashed from its row's text first ({@link AuditEventCodec#toCanonicalJson(
     * io.auditrail.core.json.EventText)}); only when that disagrees with the stored hash is the
     * validated event built, which then decides.
     */
    private Walk walk(Connection connection, @Nullable String organizationId, String key, long first, long last,
            Claims claims) throws SQLException {
        String origin = notes.origin(organizationId);
        List<LogCheckpoint> vouched = new ArrayList<>();
        for (CheckpointRecord record : claims.checkpoints()) {
            vouched.add(new LogCheckpoint(origin, record.size(), record.root()));
        }
        LogVerifier verifier = LogVerifier.builder(notes.logOrigin(organizationId), hasher)
                .vettedCheckpoints(vouched).build();
        String sql = "SELECT l.leaf_index, n.hash AS leaf_hash, " + LogTables.ORGANIZATION_KEY.replace("organization_id",
                "e.organization_id") + " AS event_key, e.seq AS event_row, " + prefixed() + " FROM "
                + tables.leaves().qualified() + " l LEFT JOIN " + tables.nodes().qualified()
                + " n ON n.organization_key = l.organization_key AND n.node_level = 0 AND n.node_index = l.leaf_index"
                + " LEFT JOIN " + tables.events().qualified() + " e ON e.seq = l.event_seq"
                + " WHERE l.organization_key = ? ORDER BY l.leaf_index";
        long checked = 0;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(fetchSize);
            statement.setString(1, key);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    long index = row.getLong("leaf_index");
                    String storedHex = row.getString("leaf_hash");
                    byte[] stored = storedHex == null ? null : LogNodes.bytes(storedHex);
                    boolean inRange = index >= first && index <= last;
                    row.getLong("event_row");
                    boolean eventGone = row.wasNull();
                    byte[] eventHash = null;
                    if (inRange && !eventGone) {
                        eventHash = key.equals(row.getString("event_key")) ? eventHash(row, stored) : null;
                        if (eventHash == null) {
                            verifier.report(new LogProblem(index, LogProblem.Type.MODIFIED, "the event of leaf "
                                    + index + " is no longer a valid event of this organisation"));
                            break;
                        }
                        checked++;
                    }
                    boolean retained = !inRange || index < claims.retained();
                    if (!verifier.leafHashed(index, stored, eventHash, retained)) {
                        break;
                    }
                }
            }
        }
        return new Walk(verifier, checked);
    }

    /** The event columns, aliased so they do not clash with the leaf's. */
    private static String prefixed() {
        StringBuilder columns = new StringBuilder();
        for (String column : EventColumns.REQUIRED) {
            columns.append(columns.isEmpty() ? "" : ", ").append("e.").append(column);
        }
        return columns.toString();
    }

    /**
     * The leaf hash of the row's event: from the row's text when that matches the stored hash, else
     * from the validated event; {@code null} when the row was changed into something that is no
     * valid event.
     */
    private byte @Nullable [] eventHash(ResultSet row, byte @Nullable [] stored) {
        if (stored != null) {
            try {
                byte[] fromText = hasher.leafHash(codec.toCanonicalJson(mapper.text(row)));
                if (Arrays.equals(fromText, stored)) {
                    return fromText;
                }
            } catch (RuntimeException | SQLException e) {
                // the validated event below decides what the row is
            }
        }
        AuditEvent event;
        try {
            event = mapper.map(row).event();
        } catch (RuntimeException | SQLException e) {
            return null;
        }
        return hasher.leafHash(event);
    }

    /**
     * Every stored interior node must be the hash of its two stored children, and every level,
     * the leaf hashes' too, must hold exactly the complete subtrees of the tree (a stray node past
     * it is MODIFIED); with the leaf hashes checked against the
     * events, proofs served from these nodes are then right.
     */
    private LogVerification checkNodes(Connection connection, @Nullable String organizationId, String key, long size,
            long checked) throws SQLException {
        String sql = "SELECT p.node_level, p.node_index, p.hash, lc.hash AS left_hash, rc.hash AS right_hash FROM "
                + tables.nodes().qualified() + " p LEFT JOIN " + tables.nodes().qualified()
                + " lc ON lc.organization_key = p.organization_key AND lc.node_level = p.node_level - 1"
                + " AND lc.node_index = 2 * p.node_index LEFT JOIN " + tables.nodes().qualified()
                + " rc ON rc.organization_key = p.organization_key AND rc.node_level = p.node_level - 1"
                + " AND rc.node_index = 2 * p.node_index + 1 WHERE p.organization_key = ?"
                + " ORDER BY p.node_level, p.node_index";
        long[] counts = new long[64];
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(fetchSize);
            statement.setString(1, key);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    NodeId id = new NodeId(row.getInt(1), row.getLong(2));
                    String left = row.getString("left_hash");
                    String right = row.getString("right_hash");
                    boolean matches = id.level() == 0 || left != null && right != null && Arrays.equals(
                            LogNodes.bytes(row.getString(3)), MerkleTree.nodeHash(LogNodes.bytes(left),
                                    LogNodes.bytes(right)));
                    if (id.endLeaf() > size || !matches) {
                        return problem(organizationId, checked, size, Math.min(id.firstLeaf(), size),
                                LogProblem.Type.MODIFIED, "the stored node " + id + (id.endLeaf() > size
                                        ? " lies past the tree of " + size + " leaves" : " does not match its children"));
                    }
                    counts[id.level()]++;
                }
            }
        }
        for (int level = 0; level < counts.length && (size >> level) > 0; level++) {
            if (counts[level] != size >> level) {
                return problem(organizationId, checked, size, 0, LogProblem.Type.DELETED, "level " + level
                        + " of the stored tree holds " + counts[level] + " nodes, not " + (size >> level));
            }
        }
        return new LogVerification(organizationId, true, checked, size, null);
    }

    private static LogVerification problem(@Nullable String organizationId, long checked, long size, long index,
            LogProblem.Type type, String detail) {
        return new LogVerification(organizationId, false, checked, size, new LogProblem(index, type, detail));
    }
}
