package io.auditrail.jdbc.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.auditrail.core.chain.ChainHasher;
import io.auditrail.core.chain.ChainKeys;
import io.auditrail.core.chain.ChainProblem;
import io.auditrail.core.chain.ChainVerification;
import io.auditrail.core.chain.Checkpoint;
import io.auditrail.core.chain.CheckpointVerifier;
import io.auditrail.core.config.InitializeSchema;
import io.auditrail.core.event.Actor;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.Resource;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.store.InvalidAuditQueryException;
import io.auditrail.jdbc.JdbcAuditStore;
import io.auditrail.jdbc.contract.SingleConnectionDataSource;
import io.auditrail.jdbc.schema.SchemaValidationException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chain against one real database: concurrent writers and sealers, every tampering class
 * done with direct SQL by a privileged connection, retention with an anchor, and checkpoint
 * signatures. Each test works in its own tables, dropped afterwards.
 */
abstract class AbstractChainTest {

    static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");
    static final Instant OLD = Instant.parse("2026-01-10T12:00:00Z");
    static final byte[] HMAC_KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

    final KeyPair keys = ChainKeys.generate();
    String table;
    String checkpointTable;
    JdbcAuditStore store;
    JdbcAuditChain chain;
    List<Checkpoint> exported;
    private final List<String> created = new ArrayList<>();

    /** The privileged data source: owner of the tables, able to drop the guards. */
    abstract DataSource dataSource();

    /** A second, independent data source to the same database, as a second instance would have. */
    abstract DataSource secondDataSource();

    /** Removes the append-only triggers and the unique chain indexes, as a database administrator can. */
    abstract void dropGuards(Statement statement) throws SQLException;

    /** Drops what the chain DDL created besides tables. */
    void dropRoutines(Statement statement) throws SQLException {
    }

    @BeforeEach
    void createChain() {
        String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xFFFFFFFFFFL);
        table = "chain_" + suffix;
        checkpointTable = "chain_cp_" + suffix;
        created.add(table);
        exported = new ArrayList<>();
        chain = chainBuilder(dataSource(), true).build();
        store = storeOn(dataSource());
    }

    @AfterEach
    void dropTables() throws SQLException {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            for (String name : created) {
                table = name;
                checkpointTable = name.replace("chain_", "chain_cp_");
                for (String drop : List.of(table, table + "_chain_heads", checkpointTable)) {
                    statement.execute("DROP TABLE IF EXISTS " + drop);
                }
                dropRoutines(statement);
            }
        }
    }

    JdbcAuditChain.Builder chainBuilder(DataSource source, boolean keyed) {
        JdbcAuditChain.Builder builder = JdbcAuditChain.builder(source).tableName(table)
                .checkpointTableName(checkpointTable).initializeSchema(InitializeSchema.ALWAYS)
                .signingKey(keys.getPrivate()).verificationKey(keys.getPublic())
                .checkpointSink(exported::add).batchSize(50).clock(Clock.fixed(NOW, ZoneOffset.UTC));
        return keyed ? builder.hmacKey(HMAC_KEY) : builder;
    }

    JdbcAuditStore storeOn(DataSource source) {
        return JdbcAuditStore.builder(source).tableName(table).initializeSchema(InitializeSchema.NEVER)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).chain(chain).build();
    }

    static AuditEvent event(String organization, Instant at, String resource) {
        return AuditEvent.builder().organizationId(organization).timestamp(at)
                .actor(Actor.user("alice", "Alice Liddell", "alice@example.com")).action("invoice.created")
                .resource(Resource.of("invoice", resource)).metadata(Map.of("amount", 12.5, "n", 3))
                .build();
    }

    void writeSealed(String organization, int count) {
        for (int i = 0; i < count; i++) {
            store.write(List.of(event(organization, NOW.minusSeconds(1000 - i), "inv-" + i)));
        }
        chain.sealPending();
    }

    void privileged(SqlAction action) throws SQLException {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            action.run(statement);
        }
    }

    static void assertProblem(ChainVerification result, ChainProblem.Type type, long seq) {
        assertThat(result.problem()).as("a problem is reported").isNotNull();
        assertThat(result.problem().type()).as(result.problem().detail()).isEqualTo(type);
        assertThat(result.problem().chainSeq()).as(result.problem().detail()).isEqualTo(seq);
    }

    /** One SQL step of a test. */
    @FunctionalInterface
    interface SqlAction {
        void run(Statement statement) throws SQLException;
    }

    // ---- concurrency ---------------------------------------------------------------------

    @Test
    void turningTheChainOnWithoutItsDdlFailsTheBuildNamingTheChainTables() {
        String plain = table + "_plain";
        String plainCheckpoints = checkpointTable + "_plain";
        created.add(plain);
        JdbcAuditStore.builder(dataSource()).tableName(plain).initializeSchema(InitializeSchema.ALWAYS).build();

        assertThatThrownBy(() -> chainBuilder(dataSource(), true).tableName(plain).checkpointTableName(plainCheckpoints)
                .initializeSchema(InitializeSchema.NEVER).build())
                .isInstanceOf(SchemaValidationException.class)
                .hasMessageContaining("chain heads table " + plain + "_chain_heads does not exist")
                .hasMessageContaining("checkpoint table " + plainCheckpoints + " does not exist")
                .hasMessageContaining("io/auditrail/jdbc/schema/v1/chain-");
    }

    @Test
    void withoutTheAuditTableTheChainCheckPointsAtTheTablesOwnDdl() {
        String missing = table + "_none";

        assertThatThrownBy(() -> chainBuilder(dataSource(), true).tableName(missing)
                .checkpointTableName(checkpointTable).initializeSchema(InitializeSchema.NEVER).build())
                .isInstanceOf(SchemaValidationException.class)
                .hasMessageContaining("audit table " + missing + " does not exist. Create it with the DDL in"
                        + " io/auditrail/jdbc/schema/v1/schema-");
    }

    @Test
    void concurrentWritersAndSealersOnTwoDataSourcesBuildOneLinearChainPerOrganisation() throws Exception {
        chain = chainBuilder(dataSource(), true).sealerThreads(2).build();
        store = storeOn(dataSource());
        JdbcAuditChain secondChain = chainBuilder(secondDataSource(), true).sealerThreads(2).build();
        JdbcAuditStore secondStore = storeOn(secondDataSource());
        List<String> organizations = Arrays.asList("acme", "globex", null);
        int writers = 4;
        int batches = 15;
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(writers + 4);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                JdbcAuditStore target = w % 2 == 0 ? store : secondStore;
                int writer = w;
                writes.add(pool.submit(() -> {
                    for (int b = 0; b < batches; b++) {
                        List<AuditEvent> batch = new ArrayList<>();
                        for (int e = 0; e < 5; e++) {
                            batch.add(event(organizations.get((writer + b + e) % 3), NOW, "inv-" + writer + "-" + b + "-" + e));
                        }
                        target.write(batch);
                    }
                }));
            }
            List<Future<?>> sealers = new ArrayList<>();
            // Two instances with two sealing threads each: every partition has two competing sealers.
            for (JdbcAuditChain sealer : List.of(chain, secondChain)) {
                for (int partition = 0; partition < sealer.sealerThreads(); partition++) {
                    int mine = partition;
                    sealers.add(pool.submit(() -> {
                        while (writing.get()) {
                            sealer.sealPending(mine);
                        }
                        return null;
                    }));
                }
            }
            for (Future<?> write : writes) {
                write.get(60, TimeUnit.SECONDS);
            }
            writing.set(false);
            for (Future<?> sealer : sealers) {
                sealer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        chain.sealPending();
        secondChain.writeCheckpoints();

        int total = writers * batches * 5;
        assertThat(count("chain_seq IS NOT NULL")).isEqualTo(total);
        long verified = 0;
        for (String organization : organizations) {
            ChainVerification result = chain.verify(organization, null, null);
            assertThat(result.isIntact()).as("chain of %s: %s", organization, result.problem()).isTrue();
            verified += result.rowsChecked();
        }
        assertThat(verified).isEqualTo(total);
        assertThat(chain.organizations()).containsExactlyInAnyOrderElementsOf(organizations);
    }

    @Test
    void rowCommittedAfterLaterRowsIsSealedAfterThem() throws Exception {
        try (Connection open = dataSource().getConnection()) {
            open.setAutoCommit(false);
            JdbcAuditStore inTransaction = JdbcAuditStore.builder(new SingleConnectionDataSource(open))
                    .tableName(table).initializeSchema(InitializeSchema.NEVER).joinCallerTransactionsWhen(() -> true)
                    .build();
            AuditEvent early = event("acme", NOW, "early");
            inTransaction.write(List.of(early));
            AuditEvent late = event("acme", NOW, "late");
            store.write(List.of(late));
            assertThat(chain.sealPending()).isEqualTo(1);
            open.commit();
        }
        assertThat(chain.sealPending()).isEqualTo(1);
        assertThat(chainSeqOf("early")).isEqualTo(2);
        assertThat(chainSeqOf("late")).isEqualTo(1);
        assertThat(chain.verify("acme", null, null).isIntact()).isTrue();
    }

    // ---- tampering -----------------------------------------------------------------------

    @Test
    void modifiedRowIsReported() throws SQLException {
        writeSealed("acme", 6);
        privileged(s -> {
            dropGuards(s);
            s.executeUpdate("UPDATE " + table + " SET action = 'invoice.paid' WHERE organization_id = 'acme' AND chain_seq = 3");
        });
        assertProblem(chain.verify("acme", null, null), ChainProblem.Type.MODIFIED, 3);
    }

    @Test
    void deletedRowIsReported() throws SQLException {
        writeSealed("acme", 6);
        privileged(s -> {
            dropGuards(s);
            s.executeUpdate("DELETE FROM " + table + " WHERE organization_id = 'acme' AND chain_seq = 3");
        });
        assertProblem(chain.verify("acme", null, null), ChainProblem.Type.DELETED, 3);
    }

    @Test
    void insertedRowIsReported() throws SQLException {
        chain = chainBuilder(dataSource(), false).build();
        store = storeOn(dataSource());
        writeSealed("acme", 6);
        AuditEvent forged = event("acme", NOW, "forged");
        store.write(List.of(forged));
        byte[] canonical = new AuditEventCodec().toCanonicalJson(store.findById("acme", forged.id()).orElseThrow());
        String prev = hashAt("acme", 2);
        String hash = ChainHasher.sha256().hash(prev, canonical);
        privileged(s -> {
            dropGuards(s);
            s.executeUpdate("UPDATE " + table + " SET chain_seq = -chain_seq WHERE organization_id = 'acme' AND chain_seq >= 3");
            s.executeUpdate("UPDATE " + table + " SET chain_seq = 1 - chain_seq WHERE organization_id = 'acme' AND chain_seq < 0");
            s.executeUpdate("UPDATE " + table + " SET chain_seq = 3, prev_hash = '" + prev + "', hash = '" + hash
                    + "' WHERE resource_id = 'forged'");
        });
        assertProblem(chain.verify("acme", null, null), ChainProblem.Type.INSERTED, 3);
    }

    @Test
    void reorderedRowsAreReported() throws SQLException {
        writeSealed("acme", 6);
        privileged(s -> {
            dropGuards(s);
            s.executeUpdate("UPDATE " + table + " SET chain_seq = -1 WHERE organization_id = 'acme' AND chain_seq = 3");
            s.executeUpdate("UPDATE " + table + " SET chain_seq = 3 WHERE organization_id = 'acme' AND chain_seq = 4");
            s.executeUpdate("UPDATE " + table + " SET chain_seq = 4 WHERE organization_id = 'acme' AND chain_seq = -1");
        });
        assertProblem(chain.verify("acme", null, null), ChainProblem.Type.REORDERED, 3);
    }

    @Test
    void truncatedTailIsReportedAgainstTheTableAndAgainstExportedCheckpoints(@TempDir Path directory)
            throws SQLException {
        Path file = directory.resolve("checkpoints.jsonl");
        chain = chainBuilder(dataSource(), true).checkpointSink(new FileCheckpointSink(file)).build();
        store = storeOn(dataSource());
        writeSealed("acme", 6);
        chain.writeCheckpoints();
        privileged(s -> {
            dropGuards(s);
            s.executeUpdate("DELETE FROM " + table + " WHERE organization_id = 'acme' AND chain_seq >= 5");
        });
        assertProblem(chain.verify("acme", null, null), ChainProblem.Type.TRUNCATED, 5);

        privileged(s -> s.executeUpdate("DELETE FROM " + checkpointTable));
        assertProblem(chain.verify("acme", null, null), ChainProblem.Type.DELETED, 5);
        String newHead = hashAt("acme", 4);
        privileged(s -> s.executeUpdate("UPDATE " + table + "_chain_heads SET head_seq = 4, head_hash = '" + newHead
                + "' WHERE organization_key = 'acme'"));
        assertThat(chain.verify("acme", null, null).isIntact())
                .as("undetectable once the heads table is rewound, without an exported checkpoint").isTrue();
        assertProblem(chain.verify("acme", null, null, FileCheckpointSink.read(file)), ChainProblem.Type.TRUNCATED, 5);
    }

    @Test
    void changedCheckpointIsABadSignature() throws SQLException {
        writeSealed("acme", 4);
        chain.writeCheckpoints();
        privileged(s -> s.executeUpdate("UPDATE " + checkpointTable + " SET chain_seq = 3, hash = '" + hashAt("acme", 3)
                + "' WHERE organization_key = 'acme'"));
        assertProblem(chain.verify("acme", null, null), ChainProblem.Type.BAD_SIGNATURE, 3);
    }

    // ---- checkpoints and retention -------------------------------------------------------

    @Test
    void checkpointsAreSignedStoredExportedAndTakenAlsoWhenIdle() throws SQLException {
        writeSealed("acme", 3);
        writeSealed(null, 2);
        List<Checkpoint> first = chain.writeCheckpoints();
        List<Checkpoint> second = chain.writeCheckpoints();
        assertThat(first).extracting(Checkpoint::organizationId, Checkpoint::chainSeq)
                .containsExactlyInAnyOrder(tuple("acme", 3L), tuple(null, 2L));
        assertThat(second).extracting(Checkpoint::chainSeq).containsExactlyElementsOf(
                first.stream().map(Checkpoint::chainSeq).toList());
        CheckpointVerifier signatures = new CheckpointVerifier(keys.getPublic());
        assertThat(exported).hasSize(4).allMatch(signatures::isValid);
        assertThat(first).allMatch(c -> c.hash().equals(hashAt(c.organizationId(), c.chainSeq())));
        assertThat(count(checkpointTable, "1 = 1")).isEqualTo(4);
        assertThat(new CheckpointVerifier(ChainKeys.generate().getPublic()).isValid(first.get(0))).isFalse();
    }

    @Test
    void retentionPurgesASealedPrefixKeepsAnAnchorAndTheRestVerifies() throws SQLException {
        for (int i = 0; i < 5; i++) {
            store.write(List.of(event("acme", OLD.plusSeconds(i), "old-" + i)));
        }
        store.write(List.of(event("acme", NOW, "new-0")));
        store.write(List.of(event("acme", OLD, "old-but-after-a-new-one")));
        store.write(List.of(event("globex", OLD, "other-organisation")));
        chain.sealPending();
        store.write(List.of(event("acme", OLD, "old-unsealed")));
        chain.writeCheckpoints();

        assertThat(store.purgeOlderThan(NOW.minusSeconds(3600), "acme")).isEqualTo(5);

        assertThat(count("organization_id = 'acme'")).isEqualTo(3);
        assertThat(count("resource_id = 'old-unsealed'")).isEqualTo(1);
        assertThat(exported).anyMatch(c -> c.kind() == Checkpoint.Kind.ANCHOR && c.chainSeq() == 5);
        chain.sealPending();
        ChainVerification result = chain.verify("acme", null, null);
        assertThat(result.isIntact()).as("%s", result.problem()).isTrue();
        assertThat(result.rowsChecked()).isEqualTo(3);
        assertThat(chain.verify("globex", null, null).isIntact()).isTrue();

        privileged(s -> s.executeUpdate("DELETE FROM " + checkpointTable + " WHERE kind = 'ANCHOR'"));
        assertProblem(chain.verify("acme", null, null), ChainProblem.Type.DELETED, 1);
    }

    @Test
    void rangeIsVerifiedOnItsOwn() throws SQLException {
        writeSealed("acme", 8);
        privileged(s -> {
            dropGuards(s);
            s.executeUpdate("UPDATE " + table + " SET action = 'x.y' WHERE organization_id = 'acme' AND chain_seq = 7");
        });
        ChainVerification range = chain.verify("acme", 3L, 5L);
        assertThat(range.isIntact()).isTrue();
        assertThat(range.rowsChecked()).isEqualTo(3);
        assertProblem(chain.verify("acme", 6L, null), ChainProblem.Type.MODIFIED, 7);
    }

    @Test
    void rangeWhoseLastRowsWereDeletedIsNotIntact() throws SQLException {
        writeSealed("acme", 6);
        privileged(s -> {
            dropGuards(s);
            s.executeUpdate("DELETE FROM " + table + " WHERE organization_id = 'acme' AND chain_seq >= 5");
        });
        assertProblem(chain.verify("acme", 5L, 5L), ChainProblem.Type.DELETED, 5);
        assertProblem(chain.verify("acme", 3L, 6L), ChainProblem.Type.DELETED, 5);
        assertProblem(chain.verify("acme", null, null), ChainProblem.Type.DELETED, 5);
        assertThat(chain.verify("acme", 2L, 4L).isIntact()).isTrue();
    }

    @Test
    void rangePastTheHeadIsRefusedNotATamperAlarm() {
        writeSealed("acme", 4);
        assertThatThrownBy(() -> chain.verify("acme", 1000L, null))
                .isInstanceOf(InvalidAuditQueryException.class)
                .hasMessage("from 1000 is past the head of the chain, 4: later events are not sealed yet or do not exist");
        assertThatThrownBy(() -> chain.verify("acme", 5L, 9L)).isInstanceOf(InvalidAuditQueryException.class);
        ChainVerification clipped = chain.verify("acme", 3L, 1000L);
        assertThat(clipped.isIntact()).isTrue();
        assertThat(clipped.rowsChecked()).isEqualTo(2);
        assertThat(clipped.lastSeq()).isEqualTo(4);
    }

    // ---- helpers -------------------------------------------------------------------------

    long count(String condition) {
        return count(table, condition);
    }

    long count(String tableName, String condition) {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM " + tableName + " WHERE " + condition)) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long chainSeqOf(String resourceId) throws SQLException {
        try (Connection connection = dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT chain_seq FROM " + table + " WHERE resource_id = ?")) {
            statement.setString(1, resourceId);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    String hashAt(String organization, long chainSeq) {
        try (Connection connection = dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT hash FROM " + table
                        + " WHERE " + (organization == null ? "organization_id IS NULL" : "organization_id = ?")
                        + " AND chain_seq = ?")) {
            int index = 1;
            if (organization != null) {
                statement.setString(index++, organization);
            }
            statement.setLong(index, chainSeq);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
