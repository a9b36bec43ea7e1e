package io.auditrail.jdbc.chain;

import io.auditrail.core.tlog.NodeId;
import io.auditrail.core.tlog.TreeAppender;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sealer's reads and writes of the log for all organisations of a pass at once: one
 * statement each on PostgreSQL (arrays through {@code unnest}), where a round trip per
 * organisation or per row was the sealer's main cost; JDBC batches or one statement per
 * organisation elsewhere.
 */
final class LogBatch {

    /** A leaf to append to an organisation's tree. */
    record Leaf(String organizationKey, long index, long eventSeq) {
    }

    /** A node to store in an organisation's tree. */
    record Node(String organizationKey, TreeAppender.Node node) {
    }

    /** A node of an organisation's tree to read. */
    record Wanted(String organizationKey, NodeId id) {
    }

    private final LogTables tables;
    private final LogNodes nodes;

    LogBatch(LogTables tables) {
        this.tables = tables;
        this.nodes = new LogNodes(tables);
    }

    /** Each organisation's tree size, from the primary key of the leaves. */
    Map<String, Long> sizes(Connection connection, Collection<String> organizationKeys) throws SQLException {
        Map<String, Long> sizes = new HashMap<>();
        if (!tables.postgres()) {
            for (String key : organizationKeys) {
                sizes.put(key, nodes.size(connection, key));
            }
            return sizes;
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT t.k, (SELECT MAX(l.leaf_index) FROM "
                + tables.leaves().qualified() + " l WHERE l.organization_key = t.k) FROM unnest(?::varchar[]) AS t(k)")) {
            statement.setArray(1, connection.createArrayOf("varchar", organizationKeys.toArray(String[]::new)));
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    String key = row.getString(1);
                    long max = row.getLong(2);
                    sizes.put(key, row.wasNull() ? 0 : max + 1);
                }
            }
        }
        return sizes;
    }

    /**
     * The leaves that already claim any of these event rows, whatever their tree: event row to
     * organisation key. One statement, whatever the number of rows.
     */
    Map<Long, String> claimed(Connection connection, List<Long> eventSeqs) throws SQLException {
        Map<Long, String> claimed = new HashMap<>();
        if (eventSeqs.isEmpty()) {
            return claimed;
        }
        String select = "SELECT event_seq, organization_key FROM " + tables.leaves().qualified();
        boolean array = tables.postgres();
        try (PreparedStatement statement = connection.prepareStatement(select
                + (array ? " WHERE event_seq = ANY(?)" : " WHERE event_seq BETWEEN ? AND ?"))) {
            if (array) {
                statement.setArray(1, connection.createArrayOf("bigint", eventSeqs.toArray(Long[]::new)));
            } else {
                statement.setLong(1, eventSeqs.stream().mapToLong(Long::longValue).min().orElseThrow());
                statement.setLong(2, eventSeqs.stream().mapToLong(Long::longValue).max().orElseThrow());
            }
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    claimed.put(row.getLong(1), row.getString(2));
                }
            }
        }
        return claimed;
    }

    /** The hashes of the wanted nodes that exist, per organisation, in one statement. */
    Map<String, Map<NodeId, byte[]>> read(Connection connection, List<Wanted> wanted) throws SQLException {
        Map<String, Map<NodeId, byte[]>> found = new HashMap<>();
        if (wanted.isEmpty()) {
            return found;
        }
        String select = "SELECT n.organization_key, n.node_level, n.node_index, n.hash FROM "
                + tables.nodes().qualified() + " n";
        StringBuilder sql = new StringBuilder(select);
        if (tables.postgres()) {
            sql.append(" JOIN unnest(?::varchar[], ?::int[], ?::bigint[]) AS t(k, lv, ix) ON n.organization_key = t.k"
                    + " AND n.node_level = t.lv AND n.node_index = t.ix");
        } else {
            sql.append(" WHERE ");
            for (int i = 0; i < wanted.size(); i++) {
                sql.append(i == 0 ? "" : " OR ").append("(n.organization_key = ? AND n.node_level = ? AND n.node_index = ?)");
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            if (tables.postgres()) {
                statement.setArray(1, array(connection, "varchar", wanted.stream().map(Wanted::organizationKey)
                        .toArray(String[]::new)));
                statement.setArray(2, array(connection, "int", wanted.stream().map(w -> w.id().level())
                        .toArray(Integer[]::new)));
                statement.setArray(3, array(connection, "bigint", wanted.stream().map(w -> w.id().index())
                        .toArray(Long[]::new)));
            } else {
                int parameter = 1;
                for (Wanted w : wanted) {
                    statement.setString(parameter++, w.organizationKey());
                    statement.setInt(parameter++, w.id().level());
                    statement.setLong(parameter++, w.id().index());
                }
            }
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    found.computeIfAbsent(row.getString(1), key -> new HashMap<>())
                            .put(new NodeId(row.getInt(2), row.getLong(3)), LogNodes.bytes(row.getString(4)));
                }
            }
        }
        return found;
    }

    void insertLeaves(Connection connection, List<Leaf> leaves) throws SQLException {
        if (leaves.isEmpty()) {
            return;
        }
        String insert = "INSERT INTO " + tables.leaves().qualified() + " (organization_key, leaf_index, event_seq)";
        if (tables.postgres()) {
            try (PreparedStatement statement = connection.prepareStatement(insert
                    + " SELECT * FROM unnest(?::varchar[], ?::bigint[], ?::bigint[])")) {
                statement.setArray(1, array(connection, "varchar", leaves.stream().map(Leaf::organizationKey)
                        .toArray(String[]::new)));
                statement.setArray(2, array(connection, "bigint", leaves.stream().map(Leaf::index).toArray(Long[]::new)));
                statement.setArray(3, array(connection, "bigint", leaves.stream().map(Leaf::eventSeq)
                        .toArray(Long[]::new)));
                statement.executeUpdate();
            }
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(insert + " VALUES (?, ?, ?)")) {
            for (Leaf leaf : leaves) {
                statement.setString(1, leaf.organizationKey());
                statement.setLong(2, leaf.index());
                statement.setLong(3, leaf.eventSeq());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    void insertNodes(Connection connection, List<Node> nodes) throws SQLException {
        if (nodes.isEmpty()) {
            return;
        }
        String insert = "INSERT INTO " + tables.nodes().qualified() + " (organization_key, node_level, node_index, hash)";
        if (tables.postgres()) {
            try (PreparedStatement statement = connection.prepareStatement(insert
                    + " SELECT * FROM unnest(?::varchar[], ?::smallint[], ?::bigint[], ?::varchar[])")) {
                statement.setArray(1, array(connection, "varchar", nodes.stream().map(Node::organizationKey)
                        .toArray(String[]::new)));
                statement.setArray(2, array(connection, "int2", nodes.stream().map(n -> (short) n.node().id().level())
                        .toArray(Short[]::new)));
                statement.setArray(3, array(connection, "bigint", nodes.stream().map(n -> n.node().id().index())
                        .toArray(Long[]::new)));
                statement.setArray(4, array(connection, "varchar", nodes.stream().map(n -> LogNodes.hex(n.node().hash()))
                        .toArray(String[]::new)));
                statement.executeUpdate();
            }
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(insert + " VALUES (?, ?, ?, ?)")) {
            for (Node node : nodes) {
                statement.setString(1, node.organizationKey());
                statement.setInt(2, node.node().id().level());
                statement.setLong(3, node.node().id().index());
                statement.setString(4, LogNodes.hex(node.node().hash()));
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static Array array(Connection connection, String type, Object[] values) throws SQLException {
        return connection.createArrayOf(type, values);
    }
}
