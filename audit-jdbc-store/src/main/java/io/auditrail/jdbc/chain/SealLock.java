package io.auditrail.jdbc.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * Makes sealers of one organisation's tree take turns, across instances: a transaction-scoped
 * advisory lock on PostgreSQL, a named lock on MariaDB/MySQL, nothing on the embedded databases.
 * Only an optimisation: the primary keys of the leaves and nodes make a second leaf or node at a
 * position impossible, so a sealer that slips past the lock fails and retries; the tree never forks.
 * Nothing is written for it, so nothing the application role can edit can stop sealing.
 */
final class SealLock {

    private static final int MYSQL_WAIT_SECONDS = 10;

    private final LogTables tables;

    SealLock(LogTables tables) {
        this.tables = tables;
    }

    /** Waits for the organisation's lock; {@code false} when MariaDB/MySQL gave up waiting. */
    boolean acquire(Connection connection, String organizationKey) throws SQLException {
        if (tables.postgres()) {
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, key(organizationKey));
                lock.execute();
            }
            return true;
        }
        if (tables.mysql()) {
            try (PreparedStatement lock = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
                lock.setString(1, name(organizationKey));
                lock.setInt(2, MYSQL_WAIT_SECONDS);
                try (ResultSet row = lock.executeQuery()) {
                    return row.next() && row.getInt(1) == 1;
                }
            }
        }
        return true;
    }

    /** Releases a MariaDB/MySQL lock after the transaction ended; PostgreSQL's ends with it. */
    void release(Connection connection, String organizationKey) throws SQLException {
        if (tables.mysql()) {
            try (PreparedStatement unlock = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
                unlock.setString(1, name(organizationKey));
                unlock.execute();
            }
        }
    }

    private long key(String organizationKey) {
        byte[] digest = digest(organizationKey);
        long key = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            key = key << 8 | (digest[i] & 0xff);
        }
        return key;
    }

    /** MariaDB lock names are at most 64 characters. */
    private String name(String organizationKey) {
        return "auditrail:" + HexFormat.of().formatHex(digest(organizationKey), 0, 24);
    }

    private byte[] digest(String organizationKey) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(tables.events().qualified().getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            return sha256.digest(organizationKey.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
