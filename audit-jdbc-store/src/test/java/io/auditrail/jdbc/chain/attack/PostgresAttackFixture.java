package io.auditrail.jdbc.chain.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.core.config.InitializeSchema;
import io.auditrail.core.event.Actor;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.Resource;
import io.auditrail.core.tlog.LeafHasher;
import io.auditrail.core.tlog.LogProblem;
import io.auditrail.core.tlog.LogVerification;
import io.auditrail.core.tlog.SignedNote;
import io.auditrail.jdbc.JdbcAuditStore;
import io.auditrail.jdbc.chain.JdbcAuditChain;
import io.auditrail.jdbc.contract.PostgresConfig;
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
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * An attacker's bench on the embedded PostgreSQL: fresh log tables per test, owned by the
 * privileged user (the table owner), and the two roles an attacker may hold — the combined
 * application-and-sealer role and the application-only role of the separate-sealer set-up —
 * created with exactly the grants docs/tamper-evidence.md documents. Neither role is a superuser.
 */
abstract class PostgresAttackFixture {

    static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");
    static final Instant OLD = NOW.minusSeconds(86_400);
    static final byte[] HMAC_KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    static final LeafHasher HASHER = LeafHasher.hmac(HMAC_KEY);

    final KeyPair keys = ed25519();
    String table;
    String checkpointTable;
    String appRole;
    String appOnlyRole;
    JdbcAuditStore store;
    JdbcAuditChain chain;
    final List<SignedNote> exported = new ArrayList<>();
    private final List<String> roles = new ArrayList<>();

    @BeforeEach
    void createLog() throws SQLException {
        String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xFFFFFFFFFFL);
        table = "atk_" + suffix;
        checkpointTable = "atk_cp_" + suffix;
        chain = chainBuilder(owner()).initializeSchema(InitializeSchema.ALWAYS).build();
        store = storeOn(owner(), chain);
        appRole = table + "_app";
        appOnlyRole = table + "_apponly";
        String logTables = String.join(", ", logTables());
        owner(s -> {
            s.execute("CREATE ROLE " + appRole + " LOGIN PASSWORD 'app-secret'");
            s.execute("GRANT SELECT, INSERT ON " + table + ", " + logTables + " TO " + appRole);
            s.execute("GRANT EXECUTE ON FUNCTION " + table + "_log_purge(VARCHAR, BIGINT) TO " + appRole);
            s.execute("CREATE ROLE " + appOnlyRole + " LOGIN PASSWORD 'app-secret'");
            s.execute("GRANT SELECT, INSERT ON " + table + " TO " + appOnlyRole);
            s.execute("GRANT SELECT ON " + logTables + " TO " + appOnlyRole);
        });
        roles.add(appRole);
        roles.add(appOnlyRole);
    }

    @AfterEach
    void dropLog() throws SQLException {
        try (Connection connection = owner().getConnection(); Statement s = connection.createStatement()) {
            for (String role : roles) {
                s.execute("DROP OWNED BY " + role);
                s.execute("DROP ROLE " + role);
            }
            for (String drop : List.of(table, table + "_leaves", table + "_nodes", checkpointTable)) {
                s.execute("DROP TABLE IF EXISTS " + drop);
            }
            s.execute("DROP FUNCTION IF EXISTS " + table + "_append_only() CASCADE");
            s.execute("DROP FUNCTION IF EXISTS " + table + "_log_immutable() CASCADE");
            s.execute("DROP FUNCTION IF EXISTS " + table + "_log_purge(VARCHAR, BIGINT)");
        }
    }

    List<String> logTables() {
        return List.of(table + "_leaves", table + "_nodes", checkpointTable);
    }

    static DataSource owner() {
        return PostgresConfig.get().dataSource();
    }

    static DataSource as(String role) {
        PGSimpleDataSource shared = (PGSimpleDataSource) owner();
        PGSimpleDataSource copy = new PGSimpleDataSource();
        copy.setURL(shared.getURL());
        copy.setUser(role);
        copy.setPassword("app-secret");
        return copy;
    }

    JdbcAuditChain.Builder chainBuilder(DataSource source) {
        return JdbcAuditChain.builder(source).tableName(table).checkpointTableName(checkpointTable)
                .initializeSchema(InitializeSchema.NEVER).hmacKey(HMAC_KEY)
                .signingKey(keys.getPrivate()).verificationKey(keys.getPublic())
                .checkpointSink((organization, note) -> exported.add(note))
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

    /** Writes and seals events of one organisation, then signs a checkpoint. */
    List<AuditEvent> sealed(String organization, int count) {
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            AuditEvent event = event(organization, OLD.plusSeconds(i), organization + "-" + i);
            store.write(List.of(event));
            events.add(event);
        }
        chain.sealPending();
        chain.writeCheckpoints();
        return events;
    }

    void owner(SqlAction action) throws SQLException {
        on(owner(), action);
    }

    static void on(DataSource source, SqlAction action) throws SQLException {
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
            action.run(statement);
        }
    }

    /** A raw event row, as any role with INSERT on the audit table can write it. */
    String rawEventSql(String organizationSql, String resource, String actorType, Instant at) {
        return "INSERT INTO " + table + " (event_id, occurred_at, organization_id, actor_id, actor_type, action,"
                + " resource_type, resource_id, outcome) VALUES ('" + UUID.randomUUID() + "', TIMESTAMPTZ '" + at
                + "', " + organizationSql + ", 'mallory', '" + actorType + "', 'invoice.created', 'invoice', '"
                + resource + "', 'success')";
    }

    long seqOf(String resourceId) throws SQLException {
        return longValue("SELECT seq FROM " + table + " WHERE resource_id = '" + resourceId + "'");
    }

    long count(String sql) throws SQLException {
        return longValue("SELECT COUNT(*) FROM " + sql);
    }

    long longValue(String sql) throws SQLException {
        try (Connection connection = owner().getConnection(); Statement s = connection.createStatement();
                ResultSet row = s.executeQuery(sql)) {
            assertThat(row.next()).as(sql).isTrue();
            return row.getLong(1);
        }
    }

    boolean isLeaf(String resourceId) throws SQLException {
        return count(table + "_leaves l JOIN " + table + " e ON e.seq = l.event_seq WHERE e.resource_id = '"
                + resourceId + "'") > 0;
    }

    void insertNode(Statement s, String key, int level, long index, byte[] hash) throws SQLException {
        s.executeUpdate("INSERT INTO " + table + "_nodes (organization_key, node_level, node_index, hash) VALUES ('"
                + key + "', " + level + ", " + index + ", '" + HexFormat.of().formatHex(hash) + "')");
    }

    void insertLeaf(Statement s, String key, long index, long seq) throws SQLException {
        s.executeUpdate("INSERT INTO " + table + "_leaves (organization_key, leaf_index, event_seq) VALUES ('" + key
                + "', " + index + ", " + seq + ")");
    }

    String insertCheckpointSql(String key, String kind, long size, String note) {
        return "INSERT INTO " + checkpointTable + " (organization_key, kind, tree_size, root_hash, created_at, note)"
                + " VALUES ('" + key + "', '" + kind + "', " + size + ", '" + "0".repeat(64) + "', now(), '"
                + note.replace("'", "''") + "')";
    }

    static void assertProblem(LogVerification result, LogProblem.Type type, long leafIndex) {
        assertThat(result.intact()).as("the log must not be reported intact").isFalse();
        assertThat(result.problem()).isNotNull();
        assertThat(result.problem().type()).as(result.problem().detail()).isEqualTo(type);
        assertThat(result.problem().leafIndex()).as(result.problem().detail()).isEqualTo(leafIndex);
    }

    static void assertIntact(LogVerification result) {
        assertThat(result.intact()).as("%s", result.problem()).isTrue();
    }

    static void assertRefused(Statement statement, String sql) {
        assertThatThrownBy(() -> statement.execute(sql)).as(sql).isInstanceOf(SQLException.class);
    }

    static byte[] leafHash(AuditEvent event) {
        return HASHER.leafHash(event);
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
