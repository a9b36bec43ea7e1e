package io.auditrail.jdbc.chain;

import io.auditrail.core.chain.ChainHasher;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The heads table: the newest link of every chain. Its row is the lock that makes sealers of
 * one chain take turns; the unique constraints on the audit table stop a fork even without it.
 */
final class ChainHeads {

    /** The newest link of one chain. */
    record Head(String chainKey, long seq, String hash) {
    }

    private final ChainTables tables;

    ChainHeads(ChainTables tables) {
        this.tables = tables;
    }

    /** Locks the chain's head until the transaction ends, creating it at the genesis when new. */
    Head lock(Connection connection, String chainKey) throws SQLException {
        Head head = select(connection, chainKey);
        if (head != null) {
            return head;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + tables.heads().qualified()
                + " (organization_key, head_seq, head_hash) VALUES (?, 0, ?)")) {
            insert.setString(1, chainKey);
            insert.setString(2, ChainHasher.GENESIS);
            insert.executeUpdate();
        }
        return new Head(chainKey, 0, ChainHasher.GENESIS);
    }

    void advance(Connection connection, Head head) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + tables.heads().qualified()
                + " SET head_seq = ?, head_hash = ? WHERE organization_key = ?")) {
            update.setLong(1, head.seq());
            update.setString(2, head.hash());
            update.setString(3, head.chainKey());
            update.executeUpdate();
        }
    }

    /** The chain's head as recorded, without locking it, or {@code null} when it has none. */
    Head find(Connection connection, String chainKey) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT head_seq, head_hash FROM "
                + tables.heads().qualified() + " WHERE organization_key = ?")) {
            select.setString(1, chainKey);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new Head(chainKey, row.getLong(1), row.getString(2)) : null;
            }
        }
    }

    List<Head> all(Connection connection) throws SQLException {
        List<Head> heads = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT organization_key, head_seq, head_hash FROM "
                + tables.heads().qualified() + " ORDER BY organization_key");
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                heads.add(new Head(row.getString(1), row.getLong(2), row.getString(3)));
            }
        }
        return heads;
    }

    private Head select(Connection connection, String chainKey) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT head_seq, head_hash FROM "
                + tables.heads().qualified() + " WHERE organization_key = ? FOR UPDATE")) {
            select.setString(1, chainKey);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new Head(chainKey, row.getLong(1), row.getString(2)) : null;
            }
        }
    }
}
