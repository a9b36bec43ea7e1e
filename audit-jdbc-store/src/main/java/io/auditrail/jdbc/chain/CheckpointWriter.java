package io.auditrail.jdbc.chain;

import io.auditrail.core.tlog.CheckpointSink;
import io.auditrail.core.tlog.MerkleTree;
import io.auditrail.core.tlog.NodeId;
import io.auditrail.core.tlog.SignedNote;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs a checkpoint of every organisation's tree, whether or not it grew since the last one,
 * commits them to the checkpoint table and then hands them to the sink. The organisations and
 * sizes come from the leaves, the roots from the stored frontier nodes.
 */
final class CheckpointWriter {

    private static final Logger log = LoggerFactory.getLogger(CheckpointWriter.class);

    /** A checkpoint or retention record as written. */
    record Written(@Nullable String organizationId, CheckpointRecord record, SignedNote note) {
    }

    private final DataSource dataSource;
    private final LogTables tables;
    private final LogNodes nodes;
    private final CheckpointStore store;
    private final CheckpointNotes notes;
    private final CheckpointSink sink;
    private final Clock clock;
    private final TrustedFrontiers frontiers;
    private final AtomicLong failed = new AtomicLong();

    CheckpointWriter(DataSource dataSource, LogTables tables, CheckpointStore store, CheckpointNotes notes,
            CheckpointSink sink, Clock clock, TrustedFrontiers frontiers) {
        this.dataSource = dataSource;
        this.frontiers = frontiers;
        this.tables = tables;
        this.nodes = new LogNodes(tables);
        this.store = store;
        this.notes = notes;
        this.sink = sink;
        this.clock = clock;
    }

    List<Written> write() throws SQLException {
        return write(null);
    }

    /**
     * Checkpoints the given organisations' trees, or every tree when {@code keys} is null; an
     * organisation without leaves gets none (an empty tree proves nothing and would only add noise).
     * One transaction per organisation: a tree the application role damaged (a stray leaf without
     * its nodes) is WARNed, counted and skipped, and never stops the checkpoints of the others.
     */
    List<Written> write(@Nullable Collection<String> keys) throws SQLException {
        List<Written> written = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            try {
                connection.setAutoCommit(true);
                Collection<String> targets = keys == null ? organizationKeys(connection) : new TreeSet<>(keys);
                connection.setAutoCommit(false);
                var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
                for (String key : targets) {
                    try {
                        long size = nodes.size(connection, key);
                        if (size == 0) {
                            continue;
                        }
                        Written checkpoint = signed(connection, key, size, false);
                        store.insert(connection, key, checkpoint.record(), now);
                        connection.commit();
                        written.add(checkpoint);
                    } catch (SQLException | RuntimeException e) {
                        connection.rollback();
                        failed.incrementAndGet();
                        log.warn("Cannot checkpoint the log of '{}': {}; the other organisations are checkpointed,"
                                + " verify this one", key, e.getMessage(), e);
                    }
                }
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
        written.forEach(this::publish);
        return written;
    }

    /** Organisations whose checkpoint failed, since start. */
    long failedOrganizations() {
        return failed.get();
    }

    void publish(Written written) {
        try {
            sink.publish(written.organizationId(), written.note());
        } catch (RuntimeException e) {
            // The note is committed; an export that fails must not fail sealing or retention.
            log.warn("Exporting the checkpoint of {} at size {} failed; it is in the checkpoint table",
                    written.organizationId(), written.record().size(), e);
        }
    }

    /**
     * A signed statement of the organisation's tree at {@code size}, from its stored nodes, once
     * they are checked ({@link TrustedFrontiers}): no root over a damaged frontier is signed.
     */
    Written signed(Connection connection, String key, long size, boolean retention) throws SQLException {
        Map<NodeId, byte[]> stored = nodes.read(connection, key, frontiers.needed(key, size));
        List<byte[]> hashes = frontiers.check(key, size, stored);
        byte[] root = MerkleTree.rootFromFrontier(hashes);
        String organizationId = LogTables.organization(key);
        SignedNote note = notes.sign(notes.body(organizationId, size, root, retention));
        return new Written(organizationId, new CheckpointRecord(retention, size, root, note.format()), note);
    }

    List<String> organizationKeys(Connection connection) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT DISTINCT organization_key FROM "
                + tables.leaves().qualified() + " ORDER BY organization_key");
                ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                keys.add(row.getString(1));
            }
        }
        return keys;
    }
}
