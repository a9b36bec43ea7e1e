package io.auditrail.jdbc.chain;

import io.auditrail.core.chain.Checkpoint;
import io.auditrail.jdbc.internal.dialect.SqlDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads and appends rows of the checkpoint table. */
final class CheckpointStore {

    private final SqlDialect dialect;
    private final ChainTables tables;

    CheckpointStore(SqlDialect dialect, ChainTables tables) {
        this.dialect = dialect;
        this.tables = tables;
    }

    void insert(Connection connection, List<Checkpoint> checkpoints) throws SQLException {
        String sql = "INSERT INTO " + tables.checkpoints().qualified()
                + " (organization_key, kind, chain_seq, hash, created_at, signature) VALUES (?, ?, ?, ?, ?, ?)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Checkpoint checkpoint : checkpoints) {
                statement.setString(1, ChainTables.key(checkpoint.organizationId()));
                statement.setString(2, checkpoint.kind().name());
                statement.setLong(3, checkpoint.chainSeq());
                statement.setString(4, checkpoint.hash());
                dialect.bindTimestamp(statement, 5, checkpoint.createdAt());
                statement.setString(6, checkpoint.signature());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    List<Checkpoint> forChain(Connection connection, String chainKey) throws SQLException {
        String sql = "SELECT kind, chain_seq, hash, created_at, signature FROM " + tables.checkpoints().qualified()
                + " WHERE organization_key = ? ORDER BY chain_seq, id";
        List<Checkpoint> checkpoints = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, chainKey);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    checkpoints.add(new Checkpoint(ChainTables.organization(chainKey),
                            Checkpoint.Kind.valueOf(row.getString("kind")), row.getLong("chain_seq"),
                            row.getString("hash"), dialect.readTimestamp(row, "created_at"), row.getString("signature")));
                }
            }
        }
        return checkpoints;
    }
}
