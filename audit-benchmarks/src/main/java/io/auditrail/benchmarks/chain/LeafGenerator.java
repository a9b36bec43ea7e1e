package io.auditrail.benchmarks.chain;

import io.auditrail.benchmarks.support.BenchDatabase;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.tlog.LeafHasher;
import io.auditrail.core.tlog.TreeAppender;
import io.auditrail.jdbc.internal.dialect.SqlDialect;
import io.auditrail.jdbc.internal.query.EventColumns;
import io.auditrail.jdbc.internal.query.EventRowMapper;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Seals a large backlog of one organisation the fast way, for the proof and verification
 * benchmarks only: it streams the events in {@code seq} order, hashes each from its row's text
 * ({@link AuditEventCodec#toCanonicalJson(io.auditrail.core.json.EventText)}, the bytes the
 * sealer's validated events give, as the store's tests prove), appends them with core's
 * {@link TreeAppender} and writes the leaves and every completed node with two PostgreSQL
 * {@code COPY} streams: the same rows the sealer would insert, at a fraction of its cost. The
 * verification benchmark then re-checks every leaf of a tree built this way against the validated
 * events.
 */
final class LeafGenerator {

    private static final HexFormat HEX = HexFormat.of();
    private static final int FETCH = 5_000;

    private final BenchDatabase database;
    private final BenchLog log;

    LeafGenerator(BenchDatabase database, BenchLog log) {
        this.database = database;
        this.log = log;
    }

    /** Appends every event of the organisation, which must have no leaves yet; returns the tree size. */
    long seal(String organizationId) throws SQLException {
        AuditEventCodec codec = new AuditEventCodec();
        LeafHasher hasher = LeafHasher.sha256();
        TreeAppender tree = new TreeAppender();
        try (Connection reader = database.connect(); Connection leafWriter = database.connect();
                Connection nodeWriter = database.connect()) {
            EventRowMapper mapper = new EventRowMapper(SqlDialect.forProductName("PostgreSQL"), codec);
            CopyIn leaves = leafWriter.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + log.leaves()
                    + " (organization_key, leaf_index, event_seq) FROM STDIN");
            CopyIn nodes = nodeWriter.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + log.nodes()
                    + " (organization_key, node_level, node_index, hash) FROM STDIN");
            reader.setAutoCommit(false);
            try (PreparedStatement statement = reader.prepareStatement("SELECT " + EventColumns.SELECTED + " FROM "
                    + log.table() + " WHERE organization_id = ? ORDER BY seq")) {
                statement.setFetchSize(FETCH);
                statement.setString(1, organizationId);
                StringBuilder leafLines = new StringBuilder(1 << 16);
                StringBuilder nodeLines = new StringBuilder(1 << 17);
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        long index = tree.size();
                        leafLines.append(organizationId).append('\t').append(index).append('\t')
                                .append(row.getLong("seq")).append('\n');
                        byte[] hash = hasher.leafHash(codec.toCanonicalJson(mapper.text(row)));
                        for (TreeAppender.Node node : tree.append(hash)) {
                            nodeLines.append(organizationId).append('\t').append(node.id().level()).append('\t')
                                    .append(node.id().index()).append('\t').append(HEX.formatHex(node.hash()))
                                    .append('\n');
                        }
                        if (leafLines.length() > 60_000) {
                            flush(leaves, leafLines);
                            flush(nodes, nodeLines);
                        }
                    }
                }
                flush(leaves, leafLines);
                flush(nodes, nodeLines);
                leaves.endCopy();
                nodes.endCopy();
            } finally {
                reader.commit();
            }
        }
        return tree.size();
    }

    private static void flush(CopyIn copy, StringBuilder lines) throws SQLException {
        byte[] bytes = lines.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        lines.setLength(0);
    }
}
