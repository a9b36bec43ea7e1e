package io.auditrail.jdbc.chain;

import io.auditrail.core.tlog.MerkleTree;
import io.auditrail.core.tlog.NodeId;
import io.auditrail.core.tlog.TreeAppender;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Reads and appends the log's leaves and nodes. Hashes are stored as lowercase hex, which
 * every supported database compares and indexes the same way.
 */
final class LogNodes {

    private static final HexFormat HEX = HexFormat.of();

    /** One leaf to append: its index and the event row it seals. */
    record Leaf(long index, long eventSeq) {
    }

    private final LogTables tables;

    LogNodes(LogTables tables) {
        this.tables = tables;
    }

    static String hex(byte[] hash) {
        return HEX.formatHex(hash);
    }

    static byte[] bytes(String hex) {
        return HEX.parseHex(hex.strip());
    }

    /** The organisation's tree size: one past its highest leaf index, read from the primary key. */
    long size(Connection connection, String organizationKey) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT MAX(leaf_index) FROM "
                + tables.leaves().qualified() + " WHERE organization_key = ?")) {
            statement.setString(1, organizationKey);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                long max = row.getLong(1);
                return row.wasNull() ? 0 : max + 1;
            }
        }
    }

    /**
     * The hashes of the given nodes, in ONE query on the primary key (a proof needs at most
     * 2·log2(n) of them).
     *
     * @return the nodes found; missing ones are absent
     */
    Map<NodeId, byte[]> read(Connection connection, String organizationKey, Collection<NodeId> ids)
            throws SQLException {
        Map<NodeId, byte[]> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        StringBuilder sql = new StringBuilder("SELECT node_level, node_index, hash FROM ")
                .append(tables.nodes().qualified()).append(" WHERE organization_key = ? AND (");
        for (int i = 0; i < ids.size(); i++) {
            sql.append(i == 0 ? "" : " OR ").append("(node_level = ? AND node_index = ?)");
        }
        sql.append(')');
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            int parameter = 1;
            statement.setString(parameter++, organizationKey);
            for (NodeId id : ids) {
                statement.setInt(parameter++, id.level());
                statement.setLong(parameter++, id.index());
            }
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    found.put(new NodeId(row.getInt(1), row.getLong(2)), bytes(row.getString(3)));
                }
            }
        }
        return found;
    }

    /**
     * An appender resumed from the stored frontier of a tree of {@code size} leaves.
     *
     * @throws IllegalStateException when a frontier node is missing: the stored tree is damaged
     */
    TreeAppender resume(Connection connection, String organizationKey, long size) throws SQLException {
        List<NodeId> frontier = MerkleTree.frontier(size);
        Map<NodeId, byte[]> stored = read(connection, organizationKey, frontier);
        List<byte[]> hashes = new ArrayList<>(frontier.size());
        for (NodeId id : frontier) {
            byte[] hash = stored.get(id);
            if (hash == null) {
                throw new IllegalStateException("the log of '" + organizationKey + "' lacks its node " + id
                        + " of a tree of " + size + " leaves; verify it");
            }
            hashes.add(hash);
        }
        return TreeAppender.resume(size, hashes);
    }

    void insertLeaves(Connection connection, String organizationKey, List<Leaf> leaves) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + tables.leaves().qualified()
                + " (organization_key, leaf_index, event_seq) VALUES (?, ?, ?)")) {
            for (Leaf leaf : leaves) {
                insert.setString(1, organizationKey);
                insert.setLong(2, leaf.index());
                insert.setLong(3, leaf.eventSeq());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    void insertNodes(Connection connection, String organizationKey, List<TreeAppender.Node> nodes)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + tables.nodes().qualified()
                + " (organization_key, node_level, node_index, hash) VALUES (?, ?, ?, ?)")) {
            for (TreeAppender.Node node : nodes) {
                insert.setString(1, organizationKey);
                insert.setInt(2, node.id().level());
                insert.setLong(3, node.id().index());
                insert.setString(4, hex(node.hash()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
