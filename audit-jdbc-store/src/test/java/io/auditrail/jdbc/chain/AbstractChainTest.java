package io.auditrail.jdbc.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.auditrail.core.chain.ChainKeys;
import io.auditrail.core.config.InitializeSchema;
import io.auditrail.core.event.Actor;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.Resource;
import io.auditrail.core.store.InvalidAuditQueryException;
import io.auditrail.core.tlog.FileCheckpointSink;
import io.auditrail.core.tlog.LeafHasher;
import io.auditrail.core.tlog.LogOrigin;
import io.auditrail.core.tlog.LogProblem;
import io.auditrail.core.tlog.LogVerification;
import io.auditrail.core.tlog.NoteSigner;
import io.auditrail.core.tlog.NoteVerifier;
import io.auditrail.core.tlog.SignedNote;
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
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * The transparency log against one real database: concurrent writers and sealers, every
 * tampering class done with direct SQL by the privileged connection (the tables' owner), the
 * regressions D1-D4 of issue 18, retention with a signed record, and proofs checked against the
 * naive RFC 9162 definitions in {@link NaiveMerkle}. Each test works in its own tables, dropped
 * afterwards.
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
    List<SignedNote> exported;
    private final List<String> created = new ArrayList<>();

    /** The privileged data source: owner of the tables, able to drop the guards. */
    abstract DataSource dataSource();

    /** A second, independent data source to the same database, as a second instance would have. */
    abstract DataSource secondDataSource();

    /** Switches the insert-only triggers off, as the tables' owner can. */
    abstract void dropGuards(Statement statement) throws SQLException;

    /** Drops what the log DDL created besides tables. */
    void dropRoutines(Statement statement) throws SQLException {
    }

    @BeforeEach
    void createChain() {
        String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xFFFFFFFFFFL);
        table = "tlog_" + suffix;
        checkpointTable = "tlog_cp_" + suffix;
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
                checkpointTable = name.replace("tlog_", "tlog_cp_");
                for (String drop : List.of(table, table + "_leaves", table + "_nodes", table + "_purge_gate",
                        checkpointTable)) {
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
                .checkpointSink((organization, note) -> exported.add(note))
                .batchSize(50).clock(Clock.fixed(NOW, ZoneOffset.UTC));
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

    List<AuditEvent> writeSealed(String organization, int count) {
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            AuditEvent event = event(organization, NOW.minusSeconds(1000 - i), "inv-" + i);
            store.write(List.of(event));
            events.add(event);
        }
        chain.sealPending();
        return events;
    }

    void privileged(SqlAction action) throws SQLException {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            action.run(statement);
        }
    }

    static void assertProblem(LogVerification result, LogProblem.Type type, long leafIndex) {
        assertThat(result.problem()).as("a problem is reported").isNotNull();
        assertThat(result.intact()).isFalse();
        assertThat(result.problem().type()).as(result.problem().detail()).isEqualTo(type);
        assertThat(result.problem().leafIndex()).as(result.problem().detail()).isEqualTo(leafIndex);
    }

    static void assertIntact(LogVerification result) {
        assertThat(result.intact()).as("%s", result.problem()).isTrue();
    }

    /** One SQL step of a test. */
    @FunctionalInterface
    interface SqlAction {
        void run(Statement statement) throws SQLException;
    }

    // ---- schema and concurrency ----------------------------------------------------------

    @Test
    void turningTheLogOnWithoutItsDdlFailsTheBuildNamingTheLogTables() {
        String plain = table + "_plain";
        String plainCheckpoints = checkpointTable + "_plain";
        created.add(plain);
        JdbcAuditStore.builder(dataSource()).tableName(plain).initializeSchema(InitializeSchema.ALWAYS).build();

        assertThatThrownBy(() -> chainBuilder(dataSource(), true).tableName(plain).checkpointTableName(plainCheckpoints)
                .initializeSchema(InitializeSchema.NEVER).build())
                .isInstanceOf(SchemaValidationException.class)
                .hasMessageContaining("log leaves table " + plain + "_leaves does not exist")
                .hasMessageContaining("checkpoint table " + plainCheckpoints + " does not exist")
                .hasMessageContaining("io/auditrail/jdbc/schema/v1/chain-");
    }

    @Test
    void concurrentWritersAndSealersOnTwoDataSourcesBuildOneTreePerOrganisationWithoutFork() throws Exception {
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
        assertThat(count(table + "_leaves", "1 = 1")).isEqualTo(total);
        long verified = 0;
        for (String organization : organizations) {
            LogVerification result = secondChain.verify(organization, null, null);
            assertIntact(result);
            verified += result.leavesChecked();
            assertThat(result.treeSize()).isEqualTo(result.leavesChecked());
        }
        assertThat(verified).isEqualTo(total);
        assertThat(chain.organizations()).containsExactlyInAnyOrderElementsOf(organizations);
    }

    @Test
    void rowCommittedAfterLaterRowsIsSealedAfterThemAndNoEventRowIsEverUpdated() throws Exception {
        try (Connection open = dataSource().getConnection()) {
            open.setAutoCommit(false);
            JdbcAuditStore inTransaction = JdbcAuditStore.builder(new SingleConnectionDataSource(open))
                    .tableName(table).initializeSchema(InitializeSchema.NEVER).joinCallerTransactionsWhen(() -> true)
                    .build();
            inTransaction.write(List.of(event("acme", NOW, "early")));
            store.write(List.of(event("acme", NOW, "late")));
            assertThat(chain.sealPending()).isEqualTo(1);
            open.commit();
        }
        assertThat(chain.sealPending()).isEqualTo(1);
        assertThat(leafIndexOf("early")).isEqualTo(1);
        assertThat(leafIndexOf("late")).isZero();
        assertIntact(chain.verify("acme", null, null));
        assertThat(chain.sealPending()).as("an event is sealed once").isZero();
    }

    // ---- tampering by the table owner ----------------------------------------------------

    @Test
    void modifiedEventIsReported() throws SQLException {
        writeSealed("acme", 6);
        privileged(s -> {
            dropGuards(s);
            s.executeUpdate("UPDATE " + table + " SET action = 'invoice.paid' WHERE resource_id = 'inv-3'");
        });
        assertProblem(chain.verify("acme", null, null), LogProblem.Type.MODIFIED, 3);
    }

    @Test
    void deletedEventIsReportedAndSoIsADeletedLeaf() throws SQLException {
        writeSealed("acme", 6);
        privileged(s -> {
            dropGuards(s);
            s.executeUpdate("DELETE FROM " + table + " WHERE resource_id = 'inv-3'");
        });
        assertProblem(chain.verify("acme", null, null), LogProblem.Type.DELETED, 3);
        privileged(s -> s.executeUpdate("DELETE FROM " + table + "_leaves WHERE leaf_index = 2"));
        assertProblem(chain.verify("acme", null, null), LogProblem.Type.DELETED, 2);
    }

    @Test
    void reorderedEventsAreReported() throws SQLException {
        writeSealed("acme", 6);
        long second = seqOf("inv-2");
        long third = seqOf("inv-3");
        privileged(s -> {
            dropGuards(s);
            s.executeUpdate("UPDATE " + table + "_leaves SET event_seq = -1 WHERE leaf_index = 2");
            s.executeUpdate("UPDATE " + table + "_leaves SET event_seq = " + second + " WHERE leaf_index = 3");
            s.executeUpdate("UPDATE " + table + "_leaves SET event_seq = " + third + " WHERE leaf_index = 2");
        });
        assertProblem(chain.verify("acme", null, null), LogProblem.Type.REORDERED, 2);
    }

    @Test
    void rewrittenTreeMissesTheSignedCheckpointAndTwoSuchCheckpointsAreAFork() throws SQLException {
        chain = chainBuilder(dataSource(), false).build();
        store = storeOn(dataSource());
        writeSealed("acme", 5);
        chain.writeCheckpoints();
        privileged(s -> {
            dropGuards(s);
            s.executeUpdate("UPDATE " + table + " SET action = 'invoice.paid' WHERE resource_id = 'inv-1'");
        });
        // Without the HMAC key the owner can recompute the leaf and every node above it.
        AuditEvent changed = store.findById("acme", eventIdOf("inv-1")).orElseThrow();
        List<byte[]> leaves = new ArrayList<>();
        for (long i = 0; i < 5; i++) {
            leaves.add(i == 1 ? LeafHasher.sha256().leafHash(changed) : nodeHash(0, i));
        }
        privileged(s -> {
            s.executeUpdate("DELETE FROM " + table + "_nodes");
            for (NaiveMerkle.Node node : NaiveMerkle.completeNodes(leaves)) {
                s.executeUpdate("INSERT INTO " + table + "_nodes (organization_key, node_level, node_index, hash)"
                        + " VALUES ('acme', " + node.level() + ", " + node.index() + ", '" + hex(node.hash()) + "')");
            }
        });
        assertProblem(chain.verify("acme", null, null), LogProblem.Type.MODIFIED, 0);
        assertThat(chain.writeCheckpoints()).as("the sealer that stored the tree signs no checkpoint of it now")
                .isEmpty();
        // A fresh instance finds every node matching the ones below it and signs the forged tree's root.
        JdbcAuditChain fresh = chainBuilder(dataSource(), false).initializeSchema(InitializeSchema.NEVER).build();
        List<SignedNote> forkedNotes = List.of(fresh.writeCheckpoints().get(0).note(), exported.get(0));
        privileged(s -> s.executeUpdate("DELETE FROM " + checkpointTable));
        assertProblem(chain.verify("acme", null, null, forkedNotes), LogProblem.Type.FORKED, 4);
    }

    @Test
    void changedStoredNodeIsReported() throws SQLException {
        writeSealed("acme", 6);
        privileged(s -> {
            dropGuards(s);
            s.executeUpdate("UPDATE " + table + "_nodes SET hash = '" + "0".repeat(64)
                    + "' WHERE node_level = 1 AND node_index = 1");
        });
        assertProblem(chain.verify("acme", null, null), LogProblem.Type.MODIFIED, 2);
    }

    /**
     * A frontier node that does not match the leaves under it: the sealer neither extends that
     * tree nor signs a checkpoint over it (WARNed and counted), and the other trees go on. The
     * sealer that stored the node finds the change; a fresh one finds the node does not match
     * the nodes below it.
     */
    @Test
    void aTreeWhoseFrontierWasChangedIsNeitherExtendedNorCheckpointedWhileOthersAre() throws SQLException {
        writeSealed("acme", 6);
        writeSealed("beta", 1);
        privileged(s -> {
            dropGuards(s);
            s.executeUpdate("UPDATE " + table + "_nodes SET hash = '" + "0".repeat(64)
                    + "' WHERE organization_key = 'acme' AND node_level = 1 AND node_index = 2");
        });
        store.write(List.of(event("acme", NOW, "acme-after"), event("beta", NOW, "beta-after")));
        long failedBefore = chain.failedSealings();
        chain.sealPending();
        assertThat(count(table + "_leaves", "organization_key = 'acme'")).as("acme's tree is not extended")
                .isEqualTo(6);
        assertThat(count(table + "_leaves", "organization_key = 'beta'")).as("beta is sealed").isEqualTo(2);
        assertThat(chain.failedSealings()).as("the refusal is counted").isGreaterThan(failedBefore);
        int exportedBefore = exported.size();
        chain.writeCheckpoints();
        List<SignedNote> notes = exported.subList(exportedBefore, exported.size());
        assertThat(notes).as("no checkpoint of acme's tree")
                .noneMatch(note -> note.body().startsWith(LogOrigin.of("auditrail", "acme").value() + "\n"));
        assertThat(notes).as("beta's tree is checkpointed")
                .anyMatch(note -> note.body().startsWith(LogOrigin.of("auditrail", "beta").value() + "\n"));

        JdbcAuditChain fresh = chainBuilder(dataSource(), true).initializeSchema(InitializeSchema.NEVER).build();
        fresh.sealPending();
        assertThat(count(table + "_leaves", "organization_key = 'acme'")).as("nor by a sealer that never saw it")
                .isEqualTo(6);
        assertThat(fresh.failedSealings()).isPositive();
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
            s.executeUpdate("DELETE FROM " + table + "_nodes WHERE node_index * POWER(2, node_level) + POWER(2, node_level) > 4");
            s.executeUpdate("DELETE FROM " + table + "_leaves WHERE leaf_index >= 4");
            s.executeUpdate("DELETE FROM " + table + " WHERE resource_id IN ('inv-4', 'inv-5')");
        });
        assertProblem(chain.verify("acme", null, null), LogProblem.Type.TRUNCATED, 4);

        privileged(s -> s.executeUpdate("DELETE FROM " + checkpointTable));
        assertIntact(chain.verify("acme", null, null));
        assertProblem(chain.verify("acme", null, null, FileCheckpointSink.read(file)), LogProblem.Type.TRUNCATED, 4);
    }

    @Test
    void changedCheckpointIsABadSignature() throws SQLException {
        writeSealed("acme", 4);
        chain.writeCheckpoints();
        privileged(s -> {
            dropGuards(s);
            s.executeUpdate("UPDATE " + checkpointTable + " SET tree_size = 3 WHERE organization_key = 'acme'");
        });
        assertProblem(chain.verify("acme", null, null), LogProblem.Type.BAD_SIGNATURE, 3);
    }

    // ---- regressions D1-D4 ---------------------------------------------------------------

    @Test
    void d1RangeWhoseLastEventsWereDeletedIsNotIntact() throws SQLException {
        writeSealed("acme", 6);
        privileged(s -> {
            dropGuards(s);
            s.executeUpdate("DELETE FROM " + table + " WHERE resource_id IN ('inv-4', 'inv-5')");
        });
        assertProblem(chain.verify("acme", 5L, 5L), LogProblem.Type.DELETED, 5);
        assertProblem(chain.verify("acme", 3L, 6L), LogProblem.Type.DELETED, 4);
        assertThat(chain.verify("acme", 1L, 3L).intact()).isTrue();
    }

    @Test
    void d2EventRowInsertedBehindTheSealersBackIsReported() throws SQLException {
        writeSealed("acme", 3);
        privileged(s -> s.executeUpdate("INSERT INTO " + table + " (seq, event_id, occurred_at, organization_id,"
                + " actor_id, actor_type, action, resource_type, resource_id, outcome) VALUES (-1, '"
                + UUID.randomUUID() + "', " + timestamp(OLD) + ", 'acme', 'mallory', 'user', 'invoice.created',"
                + " 'invoice', 'forged', 'success')"));
        LogVerification result = chain.verify("acme", null, null);
        assertProblem(result, LogProblem.Type.INSERTED, 3);
        assertThat(result.problem().detail()).contains("row -1");

        store.write(List.of(event("acme", OLD, "written-but-never-sealed")));
        privileged(s -> {
            dropGuards(s);
            s.executeUpdate("DELETE FROM " + table + " WHERE resource_id = 'forged'");
        });
        assertProblem(chain.verify("acme", null, null), LogProblem.Type.UNSEALED, 3);
        assertThat(chain.sealPending()).isEqualTo(1);
        assertIntact(chain.verify("acme", null, null));
    }

    @Test
    void d3OrganisationsComeFromTheEventsAndTheExportedCheckpoints() throws SQLException {
        writeSealed("acme", 2);
        chain.writeCheckpoints();
        List<SignedNote> notes = List.copyOf(exported);
        privileged(s -> {
            dropGuards(s);
            s.executeUpdate("DELETE FROM " + table + "_nodes");
            s.executeUpdate("DELETE FROM " + table + "_leaves");
            s.executeUpdate("DELETE FROM " + checkpointTable);
            s.executeUpdate("DELETE FROM " + table);
        });
        assertThat(chain.organizations()).isEmpty();
        assertThat(chain.organizations(notes)).containsExactly("acme");
        assertProblem(chain.verify("acme", null, null, notes), LogProblem.Type.TRUNCATED, 0);
    }

    @Test
    void d4SealingDependsOnNoTableTheApplicationCanRename() throws SQLException {
        writeSealed("acme", 2);
        chain.writeCheckpoints();
        privileged(s -> {
            dropGuards(s);
            s.executeUpdate("UPDATE " + checkpointTable + " SET organization_key = 'renamed'");
        });
        store.write(List.of(event("acme", NOW, "after-rename")));
        assertThat(chain.sealPending()).isEqualTo(1);
        assertThat(leafIndexOf("after-rename")).isEqualTo(2);
    }

    // ---- checkpoints, retention, proofs --------------------------------------------------

    @Test
    void checkpointsAreSignedStoredExportedAndTakenAlsoWhenIdle() {
        writeSealed("acme", 3);
        writeSealed(null, 2);
        List<SignedCheckpoint> first = chain.writeCheckpoints();
        List<SignedCheckpoint> second = chain.writeCheckpoints();
        assertThat(first).extracting(c -> c.organizationId(), c -> c.checkpoint().size())
                .containsExactlyInAnyOrder(tuple("acme", 3L), tuple(null, 2L));
        assertThat(second).extracting(SignedCheckpoint::checkpoint).containsExactlyElementsOf(
                first.stream().map(SignedCheckpoint::checkpoint).toList());
        NoteVerifier signatures = NoteVerifier.of(null, keys.getPublic());
        assertThat(exported).hasSize(4).allMatch(signatures::verify);
        assertThat(first).allMatch(c -> c.note().body().equals(c.checkpoint().noteBody()));
        assertThat(count(checkpointTable, "1 = 1")).isEqualTo(4);
        SignedCheckpoint latest = chain.latestCheckpoint("acme");
        assertThat(latest.checkpoint().size()).isEqualTo(3);
        assertThat(latest.checkpoint().origin()).isEqualTo(LogOrigin.of("auditrail", "acme").value());
        assertThat(signatures.verify(latest.note())).isTrue();
        assertThat(NoteVerifier.of(null, ChainKeys.generate().getPublic()).verify(latest.note())).isFalse();
        assertThat(chain.latestCheckpoint("nobody")).isNull();
    }

    @Test
    void retentionPurgesAPrefixKeepsTheTreeAndARetentionRecord() throws SQLException {
        for (int i = 0; i < 5; i++) {
            store.write(List.of(event("acme", OLD.plusSeconds(i), "old-" + i)));
        }
        store.write(List.of(event("acme", NOW, "new-0")));
        store.write(List.of(event("acme", OLD, "old-but-after-a-new-one")));
        store.write(List.of(event("globex", OLD, "other-organisation")));
        chain.sealPending();
        chain.writeCheckpoints();

        assertThat(store.purgeOlderThan(NOW.minusSeconds(3600), "acme")).isEqualTo(5);

        assertThat(count("organization_id = 'acme'")).isEqualTo(2);
        assertThat(count(table + "_leaves", "organization_key = 'acme'")).isEqualTo(7);
        assertThat(count(checkpointTable, "kind = 'RETENTION' AND tree_size = 5")).isEqualTo(1);
        assertThat(exported).noneMatch(note -> note.body().contains(CheckpointNotes.RETENTION_LINE));
        LogVerification result = chain.verify("acme", null, null);
        assertIntact(result);
        assertThat(result.leavesChecked()).isEqualTo(2);
        assertThat(result.treeSize()).isEqualTo(7);
        assertIntact(chain.verify("globex", null, null));
        assertThat(store.purgeOlderThan(NOW.minusSeconds(3600), "acme")).as("the prefix stops at new-0").isZero();

        privileged(s -> {
            dropGuards(s);
            s.executeUpdate("UPDATE " + checkpointTable + " SET tree_size = 6 WHERE kind = 'RETENTION'");
        });
        assertProblem(chain.verify("acme", null, null), LogProblem.Type.BAD_SIGNATURE, 6);
        String forgedBody = chain.latestCheckpoint("acme").note().body().replace("\n7\n", "\n5\n")
                + CheckpointNotes.RETENTION_LINE + "\n";
        privileged(s -> s.executeUpdate("DELETE FROM " + checkpointTable + " WHERE kind = 'RETENTION'"));
        assertProblem(chain.verify("acme", null, null), LogProblem.Type.DELETED, 0);

        String forged = NoteSigner.ed25519("auditrail", ChainKeys.generate().getPrivate())
                .sign(new SignedNote(forgedBody, List.of())).format();
        privileged(s -> s.executeUpdate("INSERT INTO " + checkpointTable + " (organization_key, kind, tree_size,"
                + " root_hash, created_at, note) VALUES ('acme', 'RETENTION', 5, '" + "0".repeat(64) + "', "
                + timestamp(NOW) + ", '" + forged + "')"));
        assertProblem(chain.verify("acme", null, null), LogProblem.Type.BAD_SIGNATURE, 5);
    }

    @Test
    void proofsReadFromTheDatabaseMatchTheNaiveDefinitions() {
        List<AuditEvent> events = writeSealed("acme", 13);
        chain.writeCheckpoints();
        List<byte[]> leaves = new ArrayList<>();
        for (long i = 0; i < 13; i++) {
            leaves.add(nodeHash(0, i));
        }
        for (int i = 0; i < 13; i++) {
            InclusionProof proof = chain.inclusionProof(events.get(i).id());
            assertThat(proof).isNotNull();
            assertThat(proof.leafIndex()).isEqualTo(i);
            assertThat(proof.treeSize()).isEqualTo(13);
            assertThat(proof.leafHash()).isEqualTo(LeafHasher.hmac(HMAC_KEY)
                    .leafHash(store.findById("acme", events.get(i).id()).orElseThrow()));
            assertThat(proof.path()).usingElementComparator(Arrays::compare)
                    .containsExactlyElementsOf(NaiveMerkle.path(i, leaves));
            assertThat(proof.checkpoint().checkpoint().rootHash()).isEqualTo(NaiveMerkle.root(leaves));
            assertThat(proof.checkpoint().note().body()).contains(Base64.getEncoder().encodeToString(NaiveMerkle.root(leaves)));
        }
        for (int from = 1; from <= 13; from++) {
            for (int to = from; to <= 13; to++) {
                assertThat(chain.consistencyProof("acme", from, to)).as("%d..%d", from, to)
                        .usingElementComparator(Arrays::compare)
                        .containsExactlyElementsOf(NaiveMerkle.consistency(from, leaves.subList(0, to)));
            }
        }
        assertThat(chain.inclusionProof(UUID.randomUUID())).isNull();
        assertThatThrownBy(() -> chain.consistencyProof("acme", 3, 14)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * The verifier hashes a row's text without building the event; for every row the store wrote
     * the bytes must be those of the validated event (the database may reorder JSON keys, reformat
     * numbers or escape differently in its JSON column).
     */
    @Test
    void canonicalBytesFromTheStoredRowEqualThoseOfTheValidatedEvent() throws SQLException {
        Map<String, Object> nested = new java.util.LinkedHashMap<>();
        nested.put("zeta", List.of(1, "two", true, Map.of("b", 2, "a", new java.math.BigDecimal("1.50"))));
        nested.put("Alpha", null);
        nested.put("ä", "umlaut key");
        Map<String, Object> metadata = new java.util.LinkedHashMap<>();
        metadata.put("amount", new java.math.BigDecimal("12.50"));
        metadata.put("whole", 1.0);
        metadata.put("tiny", new java.math.BigDecimal("1E-7"));
        metadata.put("huge", new java.math.BigInteger("123456789012345678901234567890"));
        metadata.put("negative", -42L);
        metadata.put("quote \"and\\ slash/", "<tag> & \"quoted\" \\ back");
        metadata.put("a", "short key sorts first here, not in jsonb's length order");
        metadata.put("nested", nested);
        metadata.put("flag", false);
        metadata.put("nothing", null);
        List<AuditEvent> events = List.of(
                event("acme", NOW.minusSeconds(50), "inv-1"),
                AuditEvent.builder().organizationId("acme").timestamp(Instant.parse("2026-11-19T23:59:59.123456Z"))
                        .actor(new Actor("svc-7", "Zoë 日本 😀 \"Q\"", null, io.auditrail.core.event.ActorType.SERVICE))
                        .action("report.exported").resource(new Resource("report", "r/1\\2", "Ünïcode ✓"))
                        .outcome(io.auditrail.core.event.Outcome.failure("java.lang.IllegalStateException",
                                "it failed: \"why\" é"))
                        .context(new io.auditrail.core.event.RequestContext("10.0.0.1", null, "req-1"))
                        .metadata(metadata).build(),
                AuditEvent.builder().organizationId("acme").timestamp(NOW.minusSeconds(40))
                        .actor(new Actor("system", null, null, io.auditrail.core.event.ActorType.SYSTEM))
                        .action("job.ran").resource(Resource.of("job", "nightly"))
                        .outcome(io.auditrail.core.event.Outcome.failure("java.io.IOException", null))
                        .context(new io.auditrail.core.event.RequestContext(null, "Mozilla/5.0 (X11)", null))
                        .build(),
                AuditEvent.builder().timestamp(NOW.minusSeconds(30)).actor(Actor.anonymous()).action("page.viewed")
                        .resource(Resource.of("page", "home")).metadata(Map.of()).build());
        store.write(events);
        io.auditrail.core.json.AuditEventCodec codec = new io.auditrail.core.json.AuditEventCodec();
        List<String> fromText = new ArrayList<>();
        List<String> fromEvent = new ArrayList<>();
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT " + io.auditrail.jdbc.internal.query.EventColumns.SELECTED
                        + " FROM " + table + " ORDER BY seq")) {
            io.auditrail.jdbc.internal.query.EventRowMapper mapper = new io.auditrail.jdbc.internal.query.EventRowMapper(
                    io.auditrail.jdbc.internal.dialect.SqlDialect.detect(connection), codec);
            while (row.next()) {
                fromText.add(new String(codec.toCanonicalJson(mapper.text(row)), StandardCharsets.UTF_8));
                fromEvent.add(new String(codec.toCanonicalJson(mapper.map(row).event()), StandardCharsets.UTF_8));
            }
        }
        assertThat(fromText).containsExactlyElementsOf(fromEvent);
        assertThat(fromText).containsExactlyElementsOf(events.stream()
                .map(e -> new String(codec.toCanonicalJson(e), StandardCharsets.UTF_8)).toList());
        chain.sealPending();
        chain.writeCheckpoints();
        assertIntact(chain.verify("acme", null, null));
        assertIntact(chain.verify(null, null, null));
    }

    @Test
    void rangePastTheEndIsRefusedNotATamperAlarm() {
        writeSealed("acme", 4);
        assertThatThrownBy(() -> chain.verify("acme", 1000L, null))
                .isInstanceOf(InvalidAuditQueryException.class)
                .hasMessageContaining("from 1000 is past the end of the log of acme, 4 leaves");
        LogVerification clipped = chain.verify("acme", 2L, 1000L);
        assertIntact(clipped);
        assertThat(clipped.leavesChecked()).isEqualTo(2);
        assertThat(clipped.treeSize()).isEqualTo(4);
    }

    // ---- helpers -------------------------------------------------------------------------

    String timestamp(Instant instant) {
        return "TIMESTAMP '" + instant.toString().replace("T", " ").replace("Z", "") + "'";
    }

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

    long leafIndexOf(String resourceId) throws SQLException {
        try (Connection connection = dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT l.leaf_index FROM " + table
                        + " e JOIN " + table + "_leaves l ON l.event_seq = e.seq WHERE e.resource_id = ?")) {
            statement.setString(1, resourceId);
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).as("%s is sealed", resourceId).isTrue();
                return row.getLong(1);
            }
        }
    }

    long seqOf(String resourceId) throws SQLException {
        try (Connection connection = dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT seq FROM " + table + " WHERE resource_id = ?")) {
            statement.setString(1, resourceId);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    UUID eventIdOf(String resourceId) throws SQLException {
        try (Connection connection = dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT event_id FROM " + table + " WHERE resource_id = ?")) {
            statement.setString(1, resourceId);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return UUID.fromString(row.getString(1));
            }
        }
    }

    byte[] nodeHash(int level, long index) {
        try (Connection connection = dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT hash FROM " + table
                        + "_nodes WHERE organization_key = 'acme' AND node_level = ? AND node_index = ?")) {
            statement.setInt(1, level);
            statement.setLong(2, index);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return HexFormat.of().parseHex(row.getString(1).strip());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }
}
