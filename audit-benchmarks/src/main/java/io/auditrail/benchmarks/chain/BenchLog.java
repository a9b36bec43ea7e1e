package io.auditrail.benchmarks.chain;

import io.auditrail.benchmarks.support.BenchDatabase;
import io.auditrail.core.config.InitializeSchema;
import io.auditrail.jdbc.JdbcAuditStore;
import io.auditrail.jdbc.chain.JdbcAuditChain;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * A store with its transparency log on fresh, uniquely named tables, as the starter builds it
 * (SHA-256 leaves, Ed25519-signed checkpoints), and the clean-up that drops every object the
 * log's DDL creates.
 */
final class BenchLog implements AutoCloseable {

    private final BenchDatabase database;
    private final String table;
    private final JdbcAuditChain chain;
    private final JdbcAuditStore store;

    private BenchLog(BenchDatabase database, String table, JdbcAuditChain chain, JdbcAuditStore store) {
        this.database = database;
        this.table = table;
        this.chain = chain;
        this.store = store;
    }

    static BenchLog create(BenchDatabase database, DataSource pool, String prefix, int sealerThreads, int batchSize) {
        String table = prefix + "_" + Long.toHexString(System.nanoTime() & 0xFFFFFFFL);
        KeyPair keys = ed25519();
        JdbcAuditChain chain = JdbcAuditChain.builder(pool).tableName(table).checkpointTableName(table + "_cp")
                .initializeSchema(InitializeSchema.ALWAYS).signingKey(keys.getPrivate())
                .verificationKey(keys.getPublic()).sealerThreads(sealerThreads).batchSize(batchSize).build();
        JdbcAuditStore store = JdbcAuditStore.builder(pool).tableName(table).initializeSchema(InitializeSchema.NEVER)
                .chain(chain).build();
        return new BenchLog(database, table, chain, store);
    }

    private static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no Ed25519", e);
        }
    }

    String table() {
        return table;
    }

    String leaves() {
        return table + "_leaves";
    }

    String nodes() {
        return table + "_nodes";
    }

    JdbcAuditChain chain() {
        return chain;
    }

    JdbcAuditStore store() {
        return store;
    }

    /** One number from a query without parameters. */
    long scalar(String sql) throws SQLException {
        try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        for (String sql : List.of("DROP TABLE IF EXISTS " + table, "DROP TABLE IF EXISTS " + leaves(),
                "DROP TABLE IF EXISTS " + nodes(), "DROP TABLE IF EXISTS " + table + "_purge_gate",
                "DROP TABLE IF EXISTS " + table + "_cp", "DROP FUNCTION IF EXISTS " + table + "_append_only() CASCADE",
                "DROP FUNCTION IF EXISTS " + table + "_log_immutable() CASCADE",
                "DROP FUNCTION IF EXISTS " + table + "_log_purge(VARCHAR, BIGINT)")) {
            database.execute(sql);
        }
    }
}
