package io.auditrail.jdbc.chain;

import io.auditrail.jdbc.internal.dialect.SqlDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/** Appends and reads rows of the insert-only checkpoint table. */
final class CheckpointStore {

    static final String CHECKPOINT = "CHECKPOINT";
    static final String RETENTION = "RETENTION";

    private final SqlDialect dialect;
    private final LogTables tables;

    CheckpointStore(SqlDialect dialect, LogTables tables) {
        this.dialect = dialect;
        this.tables = tables;
    }

    void insert(Connection connection, String organizationKey, CheckpointRecord record, Instant createdAt)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + tables.checkpoints().qualified()
                + " (organization_key, kind, tree_size, root_hash, created_at, note) VALUES (?, ?, ?, ?, ?, ?)")) {
            statement.setString(1, organizationKey);
            statement.setString(2, record.retention() ? RETENTION : CHECKPOINT);
            statement.setLong(3, record.size());
            statement.setString(4, LogNodes.hex(record.root()));
            dialect.bindTimestamp(statement, 5, createdAt);
            statement.setString(6, record.note());
            statement.executeUpdate();
        }
    }

    List<CheckpointRecord> forOrganization(Connection connection, String organizationKey) throws SQLException {
        List<CheckpointRecord> records = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT kind, tree_size, root_hash, note FROM "
                + tables.checkpoints().qualified() + " WHERE organization_key = ? ORDER BY tree_size, id")) {
            statement.setString(1, organizationKey);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    records.add(new CheckpointRecord(RETENTION.equals(row.getString(1)), row.getLong(2),
                            root(row.getString(3)), row.getString(4)));
                }
            }
        }
        return records;
    }

    /** A root column the application role filled with something else: no root, so no note can state it. */
    static byte[] root(String hex) {
        try {
            return LogNodes.bytes(hex);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    /** The checkpoints (not retention records) of an organisation at one tree size, newest first. */
    List<CheckpointRecord> ofSize(Connection connection, String organizationKey, long size) throws SQLException {
        List<CheckpointRecord> records = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT tree_size, root_hash, note FROM "
                + tables.checkpoints().qualified() + " WHERE organization_key = ? AND kind = '" + CHECKPOINT
                + "' AND tree_size = ? ORDER BY id DESC")) {
            statement.setString(1, organizationKey);
            statement.setLong(2, size);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    records.add(new CheckpointRecord(false, row.getLong(1), root(row.getString(2)),
                            row.getString(3)));
                }
            }
        }
        return records;
    }

    /**
     * The newest checkpoint (not retention record) of an organisation that vouches for its tree:
     * its note checks out and its size is at most the tree's. The application role can insert
     * rows here, so a forged row of a huge size must not become "the newest" and break proofs.
     *
     * @return the checkpoint, or {@code null} when none qualifies
     */
    @Nullable CheckpointRecord latest(Connection connection, String organizationKey, long treeSize,
            Predicate<CheckpointRecord> vouches) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT tree_size, root_hash, note FROM "
                + tables.checkpoints().qualified() + " WHERE organization_key = ? AND kind = '" + CHECKPOINT
                + "' AND tree_size <= ? ORDER BY tree_size DESC, id DESC")) {
            statement.setString(1, organizationKey);
            statement.setLong(2, treeSize);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    CheckpointRecord record = new CheckpointRecord(false, row.getLong(1), root(row.getString(2)),
                            row.getString(3));
                    if (vouches.test(record)) {
                        return record;
                    }
                }
            }
        }
        return null;
    }
}
