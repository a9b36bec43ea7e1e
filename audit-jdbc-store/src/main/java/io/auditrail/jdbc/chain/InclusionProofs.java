package io.auditrail.jdbc.chain;

import io.auditrail.core.tlog.MerkleTree;
import io.auditrail.core.tlog.NodeId;
import io.auditrail.jdbc.internal.dialect.SqlDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Reads an event's inclusion proof in two statements: the event's leaf together with the newest
 * checkpoints that cover it (bounded by the tree's size, so that a forged row of a huge size cannot
 * become "the newest"), then the proof's nodes and the leaf hash in one primary-key query.
 * Only when the application role has planted more unvouched checkpoint rows above the newest good
 * one than the first statement reads does a third one look further.
 */
final class InclusionProofs {

    /** Checkpoint rows the first statement returns; more only under attack. */
    static final int CANDIDATES = 8;

    /** The event's leaf, or {@code null} when it is no leaf; and the checkpoint that vouches for it. */
    record Located(String organizationKey, long leafIndex, @Nullable CheckpointRecord checkpoint) {
    }

    private final SqlDialect dialect;
    private final LogTables tables;
    private final CheckpointStore checkpoints;
    private final CheckpointNotes notes;
    private final String locateSql;

    InclusionProofs(SqlDialect dialect, LogTables tables, CheckpointStore checkpoints, CheckpointNotes notes) {
        this.dialect = dialect;
        this.tables = tables;
        this.checkpoints = checkpoints;
        this.notes = notes;
        this.locateSql = "SELECT l.organization_key, l.leaf_index, c.tree_size, c.root_hash, c.note FROM "
                + tables.events().qualified() + " e JOIN " + tables.leaves().qualified()
                + " l ON l.event_seq = e.seq LEFT JOIN " + tables.checkpoints().qualified()
                + " c ON c.organization_key = l.organization_key AND c.kind = '" + CheckpointStore.CHECKPOINT
                + "' AND c.tree_size > l.leaf_index AND c.tree_size <= (SELECT MAX(s.leaf_index) + 1 FROM "
                + tables.leaves().qualified() + " s WHERE s.organization_key = l.organization_key)"
                + " WHERE e.event_id = ? ORDER BY c.tree_size DESC, c.id DESC";
    }

    /** Statement one: the leaf and the checkpoint its proof leads to; {@code null} when it is no leaf. */
    @Nullable Located locate(Connection connection, UUID eventId) throws SQLException {
        String key = null;
        long index = -1;
        int rows = 0;
        try (PreparedStatement statement = connection.prepareStatement(locateSql)) {
            dialect.bindUuid(statement, 1, eventId);
            statement.setMaxRows(CANDIDATES);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    key = row.getString(1);
                    index = row.getLong(2);
                    String root = row.getString(4);
                    if (root == null) {
                        return new Located(key, index, null);
                    }
                    rows++;
                    CheckpointRecord record = new CheckpointRecord(false, row.getLong(3), CheckpointStore.root(root),
                            row.getString(5));
                    if (notes.vouches(record, LogTables.organization(key))) {
                        return new Located(key, index, record);
                    }
                }
            }
        }
        if (key == null) {
            return null;
        }
        if (rows < CANDIDATES) {
            return new Located(key, index, null);
        }
        String organizationKey = key;
        CheckpointRecord newest = checkpoints.latest(connection, key, new LogNodes(tables).size(connection, key),
                record -> notes.vouches(record, LogTables.organization(organizationKey)));
        return new Located(key, index, newest == null || newest.size() <= index ? null : newest);
    }

    /** Statement two: the audit path's nodes and the leaf hash, in one query on the primary key. */
    Map<NodeId, byte[]> nodes(Connection connection, String organizationKey, long leafIndex, long treeSize)
            throws SQLException {
        Set<NodeId> ids = new LinkedHashSet<>(MerkleTree.inclusionNodes(leafIndex, treeSize));
        ids.add(new NodeId(0, leafIndex));
        return new LogNodes(tables).read(connection, organizationKey, ids);
    }
}
