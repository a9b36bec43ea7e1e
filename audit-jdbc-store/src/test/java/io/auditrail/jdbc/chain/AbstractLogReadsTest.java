package io.auditrail.jdbc.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.auditrail.core.chain.ChainKeys;
import io.auditrail.core.config.InitializeSchema;
import io.auditrail.core.event.Actor;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.Resource;
import io.auditrail.core.tlog.FileCheckpointSink;
import io.auditrail.core.tlog.LeafHasher;
import io.auditrail.core.tlog.LogExportLine;
import io.auditrail.core.tlog.NoteSigner;
import io.auditrail.core.tlog.NoteVerifier;
import io.auditrail.core.tlog.OfflineVerifier;
import io.auditrail.core.tlog.SignedNote;
import io.auditrail.jdbc.JdbcAuditStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The log's read paths for the web endpoints against one real database: checkpoints of named
 * organisations only, the checkpoint of a given size, and the streamed export (with a purged
 * prefix) that the offline verifier accepts. Each test works in its own tables, dropped afterwards.
 */
abstract class AbstractLogReadsTest {

    static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");
    static final Instant OLD = Instant.parse("2026-01-10T12:00:00Z");

    final KeyPair keys = ChainKeys.generate();
    final List<SignedNote> exported = new ArrayList<>();
    String table;
    String checkpointTable;
    String offlineOutput;
    JdbcAuditChain chain;
    JdbcAuditStore store;

    /** The privileged data source: owner of the tables. */
    abstract DataSource dataSource();

    /** Switches the insert-only triggers off, as the tables' owner can. */
    abstract void dropGuards(Statement statement) throws SQLException;

    /** Drops what the log DDL created besides tables. */
    void dropRoutines(Statement statement) throws SQLException {
    }

    @BeforeEach
    void createChain() {
        String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xFFFFFFFFFFL);
        table = "tlogr_" + suffix;
        checkpointTable = "tlogr_cp_" + suffix;
        chain = JdbcAuditChain.builder(dataSource()).tableName(table).checkpointTableName(checkpointTable)
                .initializeSchema(InitializeSchema.ALWAYS).signingKey(keys.getPrivate())
                .verificationKey(keys.getPublic()).checkpointSink((organization, note) -> exported.add(note))
                .batchSize(3).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        store = JdbcAuditStore.builder(dataSource()).tableName(table).initializeSchema(InitializeSchema.NEVER)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).chain(chain).build();
    }

    @AfterEach
    void dropTables() throws SQLException {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            for (String drop : List.of(table, table + "_leaves", table + "_nodes", table + "_purge_gate",
                    checkpointTable)) {
                statement.execute("DROP TABLE IF EXISTS " + drop);
            }
            dropRoutines(statement);
        }
    }

    @Test
    void checkpointsOfNamedOrganisationsOnlyAndNoneOfAnEmptyTree() {
        write("acme", NOW, 3);
        write("globex", NOW, 2);
        write(null, NOW, 1);
        chain.sealPending();

        List<SignedCheckpoint> written = chain.writeCheckpoints(Arrays.asList("globex", null, "nobody"));

        assertThat(written).extracting(SignedCheckpoint::organizationId, c -> c.checkpoint().size())
                .containsExactlyInAnyOrder(tuple("globex", 2L), tuple(null, 1L));
        assertThat(exported).hasSize(2);
        assertThat(count("1 = 1")).isEqualTo(2);
        assertThat(chain.latestCheckpoint("acme")).isNull();
        assertThat(chain.writeCheckpoints(List.of())).isEmpty();
        assertThat(count("1 = 1")).isEqualTo(2);
    }

    @Test
    void checkpointOfASizeIsTheStoredOneWhoseNoteVouchesForIt() throws SQLException {
        write("acme", NOW, 3);
        chain.sealPending();
        chain.writeCheckpoints();
        write("acme", NOW, 2);
        chain.sealPending();
        chain.writeCheckpoints();

        SignedCheckpoint three = chain.checkpoint("acme", 3);
        assertThat(three).isNotNull();
        assertThat(three.checkpoint().size()).isEqualTo(3);
        assertThat(NoteVerifier.of(null, keys.getPublic()).verify(three.note())).isTrue();
        assertThat(three.note().body()).isEqualTo(three.checkpoint().noteBody());
        assertThat(chain.checkpoint("acme", 5).checkpoint().rootHash())
                .isEqualTo(chain.latestCheckpoint("acme").checkpoint().rootHash());
        assertThat(chain.checkpoint("acme", 4)).as("no checkpoint of size 4").isNull();
        assertThat(chain.checkpoint("globex", 3)).isNull();
        assertThat(chain.checkpoints("acme")).extracting(c -> c.checkpoint().size()).containsExactly(3L, 5L);

        String forged = NoteSigner.ed25519("auditrail", ChainKeys.generate().getPrivate())
                .sign(new SignedNote(three.note().body(), List.of())).format();
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            dropGuards(statement);
            statement.executeUpdate("UPDATE " + checkpointTable + " SET note = '" + forged + "' WHERE tree_size = 3");
        }
        assertThat(chain.checkpoint("acme", 3)).as("a note signed by another key").isNull();
    }

    @Test
    void exportStreamsLeavesInOrderWithPurgedEventsAsTheirStoredHashesAndVerifiesOffline(@TempDir Path directory)
            throws Exception {
        write("acme", OLD, 5);
        write("acme", NOW, 2);
        write("globex", NOW, 1);
        chain.sealPending();
        chain.writeCheckpoints();
        assertThat(store.purgeOlderThan(NOW.minusSeconds(3600), "acme")).isEqualTo(5);
        write("acme", NOW, 1);
        chain.sealPending();

        List<LogExportLine> lines = new ArrayList<>();
        long size = chain.latestCheckpoint("acme").checkpoint().size();
        assertThat(chain.exportLog("acme", size, lines::add)).isEqualTo(7);

        assertThat(lines).extracting(LogExportLine::leafIndex).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
        for (int i = 0; i < 5; i++) {
            assertThat(lines.get(i).event()).isNull();
            assertThat(lines.get(i).organizationId()).isEqualTo("acme");
            assertThat(lines.get(i).leafHash()).isEqualTo(leafHash(i));
        }
        for (int i = 5; i < 7; i++) {
            assertThat(lines.get(i).event().organizationId()).isEqualTo("acme");
            assertThat(LeafHasher.sha256().leafHash(lines.get(i).event())).isEqualTo(leafHash(i));
        }
        assertThat(chain.exportLog("acme", 2, line -> { })).isEqualTo(2);

        Path export = directory.resolve("export.jsonl");
        Files.write(export, lines.stream().map(LogExportLine::toJson).toList());
        Path checkpoints = directory.resolve("checkpoints.jsonl");
        FileCheckpointSink sink = new FileCheckpointSink(checkpoints);
        chain.checkpoints("acme").forEach(c -> sink.publish(c.organizationId(), c.note()));
        String vkey = NoteSigner.ed25519("auditrail", keys.getPrivate()).verifierKey();
        assertThat(offline(vkey, export, checkpoints)).as("purged leaves without their retention record: %s",
                offlineOutput).isEqualTo(1);
        assertThat(offlineOutput).contains("DELETED at leaf 0");
        chain.retentionRecords("acme").forEach(note -> sink.publish("acme", note));
        assertThat(offline(vkey, export, checkpoints)).as("the export verifies offline: %s", offlineOutput).isZero();

        List<String> tampered = new ArrayList<>(Files.readAllLines(export));
        tampered.set(2, LogExportLine.purged(2, "acme", leafHash(3)).toJson());
        Files.write(export, tampered);
        assertThat(offline(vkey, export, checkpoints)).as("a changed purged leaf hash: %s", offlineOutput).isEqualTo(1);
    }

    private int offline(String vkey, Path export, Path checkpoints) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = OfflineVerifier.run(new String[] {"--public-key", vkey, "--log", export.toString(),
            "--checkpoints", checkpoints.toString()}, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        offlineOutput = out.toString(StandardCharsets.UTF_8);
        return exit;
    }

    private void write(String organization, Instant at, int count) {
        for (int i = 0; i < count; i++) {
            store.write(List.of(AuditEvent.builder().organizationId(organization).timestamp(at.plusSeconds(i))
                    .actor(Actor.user("alice", "Alice", null)).action("invoice.created")
                    .resource(Resource.of("invoice", "inv-" + i)).build()));
        }
    }

    private long count(String condition) {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM " + checkpointTable + " WHERE "
                        + condition)) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] leafHash(long index) throws SQLException {
        try (Connection connection = dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT hash FROM " + table
                        + "_nodes WHERE organization_key = 'acme' AND node_level = 0 AND node_index = ?")) {
            statement.setLong(1, index);
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).as("leaf %d has a stored hash", index).isTrue();
                return HexFormat.of().parseHex(row.getString(1).strip());
            }
        }
    }
}
