package io.auditrail.jdbc.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Makes sealers of one organisation's tree take turns, across instances: a transaction-scoped
 * advisory lock on PostgreSQL, a named lock on MariaDB/MySQL, nothing on the embedded databases.
 * Only an optimisation: the primary keys of the leaves and nodes make a second leaf or node at a
 * position impossible, so a sealer that slips past the lock fails and retries; the tree never forks.
 * Nothing is written for it, and it is only ever tried, never waited for: a lock another session
 * holds (any session may take one) makes the sealer skip that organisation for a pass, WARNed
 * when it repeats.
 */
final class SealLock {

    /**
     * How long a sealing transaction waits for a row another session holds (an uncommitted leaf
     * at the tree's next index) before it gives up on that organisation for this pass.
     */
    static final int LOCK_WAIT_SECONDS = 3;

    private final LogTables tables;

    SealLock(LogTables tables) {
        this.tables = tables;
    }

    /**
     * Bounds every wait of the transaction just begun on PostgreSQL ({@code SET LOCAL}, so it ends
     * with the transaction): any session can hold a row or an advisory lock open, and the sealer
     * must move on instead of hanging. MariaDB/MySQL: see {@link #limitSessionWaits}.
     */
    void limitWaits(Connection connection) throws SQLException {
        if (tables.postgres()) {
            try (PreparedStatement limit = connection.prepareStatement("SET LOCAL lock_timeout = '"
                    + LOCK_WAIT_SECONDS + "s'")) {
                limit.execute();
            }
        }
    }

    /**
     * Bounds InnoDB row waits of this session on MariaDB/MySQL, which has no transaction-scoped
     * setting: an uncommitted leaf at the tree's next index would otherwise hold the sealer for
     * the server's innodb_lock_wait_timeout (50 s by default) per pass.
     *
     * @return the session's value before, for {@link #restoreSessionWaits}; {@code -1} elsewhere
     */
    long limitSessionWaits(Connection connection) throws SQLException {
        if (!tables.mysql()) {
            return -1;
        }
        long before;
        try (PreparedStatement read = connection.prepareStatement("SELECT @@SESSION.innodb_lock_wait_timeout");
                ResultSet row = read.executeQuery()) {
            row.next();
            before = row.getLong(1);
        }
        setSessionWaits(connection, Math.min(before, LOCK_WAIT_SECONDS));
        return before;
    }

    /** Gives a pooled connection its own lock wait back. */
    void restoreSessionWaits(Connection connection, long before) throws SQLException {
        if (before >= 0) {
            setSessionWaits(connection, before);
        }
    }

    private static void setSessionWaits(Connection connection, long seconds) throws SQLException {
        try (PreparedStatement set = connection.prepareStatement("SET SESSION innodb_lock_wait_timeout = "
                + seconds)) {
            set.execute();
        }
    }

    /**
     * Tries the organisation's lock without waiting: any session may take an advisory or named
     * lock, so waiting for it would let one hang the sealer.
     *
     * @return {@code false} when another session holds it
     */
    boolean acquire(Connection connection, String organizationKey) throws SQLException {
        if (tables.postgres()) {
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
                lock.setLong(1, key(organizationKey));
                try (ResultSet row = lock.executeQuery()) {
                    return row.next() && row.getBoolean(1);
                }
            }
        }
        if (tables.mysql()) {
            try (PreparedStatement lock = connection.prepareStatement("SELECT GET_LOCK(?, 0)")) {
                lock.setString(1, name(organizationKey));
                try (ResultSet row = lock.executeQuery()) {
                    return row.next() && row.getInt(1) == 1;
                }
            }
        }
        return true;
    }

    /**
     * Tries the locks of several organisations, in the given order, without waiting: one
     * statement on PostgreSQL, one per organisation on MariaDB/MySQL.
     *
     * @return the organisations whose lock this session now holds
     */
    Set<String> acquireAll(Connection connection, List<String> organizationKeys) throws SQLException {
        Set<String> locked = new LinkedHashSet<>();
        if (!tables.postgres()) {
            for (String key : organizationKeys) {
                if (acquire(connection, key)) {
                    locked.add(key);
                }
            }
            return locked;
        }
        Long[] keys = organizationKeys.stream().map(this::key).toArray(Long[]::new);
        try (PreparedStatement lock = connection.prepareStatement("SELECT t.k, pg_try_advisory_xact_lock(t.h) FROM"
                + " unnest(?::varchar[], ?::bigint[]) WITH ORDINALITY AS t(k, h, n) ORDER BY t.n")) {
            lock.setArray(1, connection.createArrayOf("varchar", organizationKeys.toArray(String[]::new)));
            lock.setArray(2, connection.createArrayOf("bigint", keys));
            try (ResultSet row = lock.executeQuery()) {
                while (row.next()) {
                    if (row.getBoolean(2)) {
                        locked.add(row.getString(1));
                    }
                }
            }
        }
        return locked;
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
