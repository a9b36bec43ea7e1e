package io.auditrail.jdbc.chain;

import io.auditrail.core.config.InitializeSchema;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.store.AuditStoreException;
import io.auditrail.core.tlog.CheckpointSink;
import io.auditrail.core.tlog.LeafHasher;
import io.auditrail.core.tlog.LogCheckpoint;
import io.auditrail.core.tlog.LogExportLine;
import io.auditrail.core.tlog.LogOrigin;
import io.auditrail.core.tlog.LogVerification;
import io.auditrail.core.tlog.MerkleTree;
import io.auditrail.core.tlog.NodeId;
import io.auditrail.core.tlog.NoteSigner;
import io.auditrail.core.tlog.NoteVerifier;
import io.auditrail.core.tlog.SignedNote;
import io.auditrail.jdbc.internal.dialect.SqlDialect;
import io.auditrail.jdbc.internal.query.EventRowMapper;
import io.auditrail.jdbc.internal.schema.SchemaInitializer;
import io.auditrail.jdbc.internal.schema.SchemaValidator;
import io.auditrail.jdbc.schema.TableName;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tamper evidence for an audit table: one RFC 9162 Merkle tree per organisation (events without
 * one form their own), appended off the request path to insert-only tables, signed checkpoints
 * of every tree, inclusion and consistency proofs read from the stored nodes, retention that
 * keeps the tree verifiable, and verification that names the first problem. Thread-safe; the
 * scheduling of {@link #sealPending()} and {@link #writeCheckpoints()} is the caller's.
 *
 * <pre>{@code
 * JdbcAuditChain chain = JdbcAuditChain.builder(dataSource)
 *         .hmacKey(secret)
 *         .signingKey(privateKey).verificationKey(publicKey)
 *         .checkpointSink(new FileCheckpointSink(Path.of("/var/lib/app/checkpoints.jsonl")))
 *         .build();
 * JdbcAuditStore store = JdbcAuditStore.builder(dataSource).chain(chain).build();
 * }</pre>
 */
public final class JdbcAuditChain {

    private static final Logger log = LoggerFactory.getLogger(JdbcAuditChain.class);

    /** Passes in a row that found rows but sealed none, because another sealer was busy with them. */
    private static final int MAX_FRUITLESS_PASSES = 3;

    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final LogTables tables;
    private final LogSealer sealer;
    private final CheckpointStore checkpoints;
    private final CheckpointWriter checkpointWriter;
    private final CheckpointNotes notes;
    private final LogPurger purger;
    private final JdbcLogVerifier verifier;
    private final LogExporter exporter;
    private final InclusionProofs proofs;
    private final int sealerThreads;
    private final Set<String> sealedKeys = ConcurrentHashMap.newKeySet();

    private JdbcAuditChain(Builder builder, SqlDialect dialect) {
        this.dataSource = builder.dataSource;
        this.dialect = dialect;
        this.sealerThreads = builder.sealerThreads;
        this.tables = LogTables.of(builder.table, builder.checkpointTable, dialect.name());
        EventRowMapper mapper = new EventRowMapper(dialect, new AuditEventCodec());
        this.checkpoints = new CheckpointStore(dialect, tables);
        this.notes = new CheckpointNotes(builder.originPrefix, builder.signer(), builder.verifier());
        TrustedFrontiers frontiers = new TrustedFrontiers();
        this.sealer = new LogSealer(dataSource, tables, mapper, builder.hasher, frontiers, builder.batchSize);
        this.checkpointWriter = new CheckpointWriter(dataSource, tables, checkpoints, notes, builder.sink, builder.clock,
                frontiers);
        this.purger = new LogPurger(dataSource, dialect, tables, checkpoints, checkpointWriter, builder.clock,
                builder.batchSize);
        this.verifier = new JdbcLogVerifier(dataSource, dialect, tables, mapper, builder.hasher, checkpoints, notes,
                builder.clock, builder.grace, builder.batchSize);
        this.exporter = new LogExporter(dataSource, dialect, tables, mapper, builder.batchSize);
        this.proofs = new InclusionProofs(dialect, tables, checkpoints, notes);
    }

    /**
     * Starts configuring a log.
     *
     * @param dataSource the database of the audit table; the log commits its own short transactions
     * @return a builder with the defaults: table {@code audit_events}, checkpoints in
     *         {@code audit_checkpoints}, unkeyed SHA-256 leaves, unsigned checkpoints, no export
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /**
     * Seals the committed rows that are in no tree yet, a batch at a time, until none is left,
     * passes keep losing to another sealer, or the thread is interrupted; what is left goes on a
     * later call.
     *
     * @return rows sealed by this call
     * @throws AuditStoreException when the database fails
     */
    public long sealPending() {
        long total = 0;
        long round;
        do {
            round = 0;
            for (int partition = 0; partition < sealerThreads; partition++) {
                round += sealPending(partition);
            }
            total += round;
        } while (round > 0 && sealerThreads > 1 && !Thread.currentThread().isInterrupted());
        return total;
    }

    /**
     * Seals like {@link #sealPending()}, only the organisations of one partition, so that
     * {@link #sealerThreads()} threads can seal side by side without meeting.
     *
     * @param partition 0 to {@code sealerThreads() - 1}
     * @return rows sealed by this call
     * @throws AuditStoreException when the database fails
     */
    public long sealPending(int partition) {
        if (partition < 0 || partition >= sealerThreads) {
            throw new IllegalArgumentException("partition must be between 0 and " + (sealerThreads - 1)
                    + " but was " + partition);
        }
        long total = 0;
        int fruitless = 0;
        boolean sweep = false;
        try {
            while (fruitless < MAX_FRUITLESS_PASSES && !Thread.currentThread().isInterrupted()) {
                LogSealer.Pass pass = sealer.sealBatch(partition, sealerThreads, sweep);
                if (pass.pending() == 0 && !pass.moved()) {
                    break;
                }
                total += pass.sealed();
                if (pass.sealed() > 0) {
                    sealedKeys.addAll(pass.organizations());
                }
                fruitless = pass.sealed() == 0 && !pass.moved() ? fruitless + 1 : 0;
            }
            if (fruitless >= MAX_FRUITLESS_PASSES) {
                log.warn("Sealing partition {} of {} made no progress in {} passes; rows stay pending",
                        partition, tables.events(), MAX_FRUITLESS_PASSES);
            }
            return total;
        } catch (SQLException e) {
            throw new AuditStoreException("cannot seal audit rows of " + tables.events(), e);
        }
    }

    /**
     * How often sealing, checkpointing or purging an organisation failed since this instance was built, for
     * another reason than a passing conflict with another sealer (a damaged tree, a lock or row
     * held open, a row claimed by another tree's leaf); each is also logged at WARN. The other
     * organisations are sealed, checkpointed and purged all the same.
     *
     * @return the count; export it as a metric and alert when it grows
     */
    public long failedSealings() {
        return sealer.failedPasses() + checkpointWriter.failedOrganizations() + purger.failedOrganizations();
    }

    /**
     * The organisations whose rows this instance sealed since it was built: cheap to ask after
     * every pass (unlike {@link #organizations()}), e.g. to checkpoint a new tree at once.
     *
     * @return their ids; {@code null} stands for the events without an organisation
     */
    public Set<@Nullable String> sealedOrganizations() {
        Set<@Nullable String> organizations = new HashSet<>();
        sealedKeys.forEach(key -> organizations.add(LogTables.organization(key)));
        return organizations;
    }

    /**
     * How many threads may seal side by side, each with its own partition of the organisations.
     *
     * @return at least 1
     */
    public int sealerThreads() {
        return sealerThreads;
    }

    /**
     * Signs a checkpoint of every organisation's tree, also of trees that did not grow, stores it
     * in the checkpoint table and exports it to the sink. Each organisation commits on its own: a
     * damaged tree is WARNed, counted in {@link #failedSealings()} and skipped.
     *
     * @return the checkpoints written, one per organisation whose tree could be signed
     * @throws AuditStoreException when the database fails
     */
    public List<SignedCheckpoint> writeCheckpoints() {
        try {
            return signedCheckpoints(checkpointWriter.write());
        } catch (SQLException e) {
            throw new AuditStoreException("cannot write checkpoints to " + tables.checkpoints(), e);
        }
    }

    /**
     * Signs a checkpoint of the named organisations' trees only, e.g. of those that got their
     * first leaves, stores it and exports it to the sink; an organisation without leaves gets none.
     *
     * @param organizations the organisations; {@code null} stands for the events without one
     * @return the checkpoints written, one per organisation with leaves
     * @throws AuditStoreException when the database fails
     */
    public List<SignedCheckpoint> writeCheckpoints(Collection<@Nullable String> organizations) {
        Objects.requireNonNull(organizations, "organizations");
        Set<String> keys = new HashSet<>();
        organizations.forEach(organization -> keys.add(LogTables.key(organization)));
        if (keys.isEmpty()) {
            return List.of();
        }
        try {
            return signedCheckpoints(checkpointWriter.write(keys));
        } catch (SQLException e) {
            throw new AuditStoreException("cannot write checkpoints to " + tables.checkpoints(), e);
        }
    }

    private List<SignedCheckpoint> signedCheckpoints(List<CheckpointWriter.Written> written) {
        return written.stream().map(w -> new SignedCheckpoint(w.organizationId(), new LogCheckpoint(
                notes.origin(w.organizationId()), w.record().size(), w.record().root()), w.note())).toList();
    }

    /**
     * The stored signed checkpoint of an organisation's tree at one size whose note vouches for it
     * (with a verification key: a valid signature; in any case: it states that size and root).
     *
     * @param organizationId the organisation, or {@code null} for the tree of events without one
     * @param size the tree size
     * @return the newest such checkpoint, or {@code null} when no checkpoint of that size vouches for itself
     * @throws AuditStoreException when the database fails
     */
    public @Nullable SignedCheckpoint checkpoint(@Nullable String organizationId, long size) {
        try (Connection connection = dataSource.getConnection()) {
            for (CheckpointRecord record : checkpoints.ofSize(connection, LogTables.key(organizationId), size)) {
                if (notes.check(record, organizationId) == null) {
                    return signedCheckpoint(organizationId, record);
                }
            }
            return null;
        } catch (SQLException e) {
            throw new AuditStoreException("cannot read checkpoints from " + tables.checkpoints(), e);
        }
    }

    /**
     * Every stored checkpoint (not retention record) of an organisation's tree, oldest first,
     * as stored: a reader trusts only the notes' signatures, so none is filtered here.
     *
     * @param organizationId the organisation, or {@code null} for the tree of events without one
     * @return the checkpoints; a note that is no signed note any more is left out
     * @throws AuditStoreException when the database fails
     */
    public List<SignedCheckpoint> checkpoints(@Nullable String organizationId) {
        try (Connection connection = dataSource.getConnection()) {
            List<SignedCheckpoint> all = new ArrayList<>();
            for (CheckpointRecord record : checkpoints.forOrganization(connection, LogTables.key(organizationId))) {
                if (!record.retention()) {
                    try {
                        all.add(signedCheckpoint(organizationId, record));
                    } catch (IllegalArgumentException e) {
                        log.warn("The checkpoint of {} at size {} is no signed note; verify the log", organizationId,
                                record.size());
                    }
                }
            }
            return all;
        } catch (SQLException e) {
            throw new AuditStoreException("cannot read checkpoints from " + tables.checkpoints(), e);
        }
    }

    /**
     * Streams an organisation's log below a tree size in leaf order, one query fetched a batch at
     * a time: each leaf with its event, or, when retention purged the event, with the leaf hash
     * the log kept ({@link LogExportLine#purged}). The lines are what the offline verifier reads.
     *
     * @param organizationId the organisation, or {@code null} for the tree of events without one
     * @param treeSize leaves {@code [0, treeSize)}, e.g. the newest checkpoint's size
     * @param lines receives each line, on the calling thread, while the query is open
     * @return lines written
     * @throws AuditStoreException when the database fails
     * @throws IllegalStateException when an event row no longer maps to an event (verify the log)
     */
    public long exportLog(@Nullable String organizationId, long treeSize, Consumer<LogExportLine> lines) {
        Objects.requireNonNull(lines, "lines");
        if (treeSize < 0) {
            throw new IllegalArgumentException("treeSize must not be negative but was " + treeSize);
        }
        try {
            return exporter.export(organizationId, treeSize, lines);
        } catch (SQLException e) {
            throw new AuditStoreException("cannot export the log of " + organizationId + " from " + tables.events(), e);
        }
    }

    /**
     * The newest signed checkpoint of an organisation's tree, as stored.
     *
     * @param organizationId the organisation, or {@code null} for the tree of events without one
     * @return the checkpoint, or {@code null} when none was written yet
     * @throws AuditStoreException when the database fails
     * @throws IllegalArgumentException when the stored note is not a signed note any more
     */
    public @Nullable SignedCheckpoint latestCheckpoint(@Nullable String organizationId) {
        try (Connection connection = dataSource.getConnection()) {
            CheckpointRecord latest = latestVouched(connection, organizationId);
            return latest == null ? null : signedCheckpoint(organizationId, latest);
        } catch (SQLException e) {
            throw new AuditStoreException("cannot read checkpoints from " + tables.checkpoints(), e);
        }
    }

    /** The newest stored checkpoint whose note vouches for it and that does not outgrow the tree. */
    private @Nullable CheckpointRecord latestVouched(Connection connection, @Nullable String organizationId)
            throws SQLException {
        String key = LogTables.key(organizationId);
        return checkpoints.latest(connection, key, new LogNodes(tables).size(connection, key),
                record -> notes.vouches(record, organizationId));
    }

    private SignedCheckpoint signedCheckpoint(@Nullable String organizationId, CheckpointRecord record) {
        return new SignedCheckpoint(organizationId, new LogCheckpoint(notes.origin(organizationId), record.size(),
                record.root()), CheckpointNotes.parse(record.note()));
    }

    /**
     * The signed retention records of an organisation's tree whose notes check out, oldest first:
     * hand them to the offline verifier with the checkpoints (the same JSON lines a
     * {@link io.auditrail.core.tlog.FileCheckpointSink} writes), or an export's purged leaves are
     * reported {@code DELETED} there.
     *
     * @param organizationId the organisation, or {@code null}
     * @return the notes
     * @throws AuditStoreException when the database fails
     */
    public List<SignedNote> retentionRecords(@Nullable String organizationId) {
        try (Connection connection = dataSource.getConnection()) {
            return checkpoints.forOrganization(connection, LogTables.key(organizationId)).stream()
                    .filter(record -> record.retention() && notes.check(record, organizationId) == null)
                    .map(record -> CheckpointNotes.parse(record.note())).toList();
        } catch (SQLException e) {
            throw new AuditStoreException("cannot read retention records from " + tables.checkpoints(), e);
        }
    }

    /**
     * The inclusion proof of one event (RFC 9162 §2.1.3) in its organisation's tree at its newest
     * checkpoint: two statements, the leaf with its checkpoint, then the stored nodes in one
     * primary-key query.
     *
     * @param eventId the event
     * @return the proof, or {@code null} when the event is unknown, not sealed yet, or sealed after
     *     the newest checkpoint
     * @throws AuditStoreException when the database fails
     */
    public @Nullable InclusionProof inclusionProof(UUID eventId) {
        Objects.requireNonNull(eventId, "eventId");
        try (Connection connection = dataSource.getConnection()) {
            InclusionProofs.Located located = proofs.locate(connection, eventId);
            if (located == null || located.checkpoint() == null) {
                return null;
            }
            String key = located.organizationKey();
            long index = located.leafIndex();
            CheckpointRecord checkpoint = located.checkpoint();
            Map<NodeId, byte[]> stored = proofs.nodes(connection, key, index, checkpoint.size());
            return new InclusionProof(LogTables.organization(key), index, checkpoint.size(),
                    stored.get(new NodeId(0, index)),
                    MerkleTree.inclusionProof(index, checkpoint.size(), stored),
                    signedCheckpoint(LogTables.organization(key), checkpoint));
        } catch (SQLException e) {
            throw new AuditStoreException("cannot read the inclusion proof of " + eventId, e);
        }
    }

    /**
     * The consistency proof (RFC 9162 §2.1.4) between two sizes of an organisation's tree, from the
     * stored nodes in one indexed query.
     *
     * @param organizationId the organisation, or {@code null}
     * @param from the older size, at least 1
     * @param to the newer size, at least {@code from} and at most the tree's size
     * @return the proof hashes
     * @throws IllegalArgumentException when the sizes are out of order or past the tree
     * @throws AuditStoreException when the database fails
     */
    public List<byte[]> consistencyProof(@Nullable String organizationId, long from, long to) {
        String key = LogTables.key(organizationId);
        try (Connection connection = dataSource.getConnection()) {
            long size = new LogNodes(tables).size(connection, key);
            if (from < 1 || from > to || to > size) {
                throw new IllegalArgumentException("a consistency proof needs 1 <= from <= to <= " + size
                        + " but got from " + from + " and to " + to);
            }
            return MerkleTree.consistencyProof(from, to,
                    new LogNodes(tables).read(connection, key, MerkleTree.consistencyNodes(from, to)));
        } catch (SQLException e) {
            throw new AuditStoreException("cannot read a consistency proof of " + organizationId, e);
        }
    }

    /**
     * Verifies one organisation's tree, whole or the events of a range of leaves, against the
     * tables and the signed checkpoints.
     *
     * @param organizationId the organisation, or {@code null} for the tree of events without one
     * @param from first leaf index whose event is checked, or {@code null} for the start
     * @param to last leaf index whose event is checked, or {@code null} for the end
     * @return the outcome with the first problem, if any
     * @throws AuditStoreException when the database fails
     * @throws io.auditrail.core.store.InvalidAuditQueryException when {@code from} is past the log's end
     */
    public LogVerification verify(@Nullable String organizationId, @Nullable Long from, @Nullable Long to) {
        return verify(organizationId, from, to, List.of());
    }

    /**
     * Verifies like {@link #verify(String, Long, Long)}, also against signed notes exported
     * earlier, which catch a cut or a rewrite even when the checkpoint table was rewritten too.
     *
     * @param organizationId the organisation, or {@code null}
     * @param from first leaf index, or {@code null}
     * @param to last leaf index, or {@code null}
     * @param exportedNotes signed checkpoint notes read back from a sink, of any organisations;
     *     those of other organisations and logs are ignored
     * @return the outcome
     * @throws AuditStoreException when the database fails
     */
    public LogVerification verify(@Nullable String organizationId, @Nullable Long from, @Nullable Long to,
            List<SignedNote> exportedNotes) {
        if (from != null && to != null && from > to) {
            throw new IllegalArgumentException("from (" + from + ") must not be after to (" + to + ")");
        }
        try {
            return verifier.verify(organizationId, from, to, exported(organizationId, exportedNotes));
        } catch (SQLException e) {
            throw new AuditStoreException("cannot verify the log of " + organizationId + " in " + tables.events(), e);
        }
    }

    /** The exported notes of one organisation, recognised by their origin line. */
    private List<CheckpointRecord> exported(@Nullable String organizationId, List<SignedNote> exportedNotes) {
        List<CheckpointRecord> records = new ArrayList<>();
        for (SignedNote note : exportedNotes) {
            notes.record(note, organizationId).ifPresent(records::add);
        }
        return records;
    }

    /**
     * The organisations to verify: every one that has an event row, a leaf or a checkpoint, so
     * that none hides behind a table the application role can edit.
     *
     * @return their ids; {@code null} stands for the events without an organisation
     * @throws AuditStoreException when the database fails
     */
    public List<@Nullable String> organizations() {
        String sql = "SELECT DISTINCT " + LogTables.ORGANIZATION_KEY + " FROM " + tables.events().qualified()
                + " UNION SELECT DISTINCT organization_key FROM " + tables.leaves().qualified()
                + " UNION SELECT DISTINCT organization_key FROM " + tables.checkpoints().qualified();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet row = statement.executeQuery()) {
            Set<String> keys = new java.util.TreeSet<>();
            while (row.next()) {
                keys.add(row.getString(1));
            }
            List<@Nullable String> organizations = new ArrayList<>();
            keys.forEach(key -> organizations.add(LogTables.organization(key)));
            return organizations;
        } catch (SQLException e) {
            throw new AuditStoreException("cannot list the organisations of " + tables.events(), e);
        }
    }

    /**
     * The organisations to verify, like {@link #organizations()}, plus those that exported
     * checkpoint notes name: an organisation whose rows were all removed from the database
     * still gets verified (and found truncated) against its exported checkpoints.
     *
     * @param exportedNotes signed checkpoint notes read back from a sink
     * @return their ids; {@code null} stands for the events without an organisation
     * @throws AuditStoreException when the database fails
     */
    public List<@Nullable String> organizations(List<SignedNote> exportedNotes) {
        List<@Nullable String> organizations = new ArrayList<>(organizations());
        for (SignedNote note : exportedNotes) {
            notes.parseOrigin(note.body().split("\n", 2)[0]).map(LogOrigin::organizationId)
                    .filter(organization -> !organizations.contains(organization)).ifPresent(organizations::add);
        }
        return organizations;
    }

    /**
     * Deletes the events of the oldest leaves of each organisation while they are older than the
     * cutoff, keeping leaves and nodes and a signed retention record of the purged prefix. Called
     * by the store's retention when the store is logged; unsealed rows and every row after the
     * first one still in the period are kept.
     *
     * @param cutoff rows strictly older may go
     * @param organizationId only this organisation, or {@code null} for every tree
     * @param excludedOrganizations organisations to leave alone when {@code organizationId} is null
     * @return rows deleted
     * @throws AuditStoreException when the database fails
     */
    public long purgeOlderThan(Instant cutoff, @Nullable String organizationId, Set<String> excludedOrganizations) {
        try {
            return purger.purge(cutoff, organizationId, excludedOrganizations);
        } catch (SQLException e) {
            throw new AuditStoreException("cannot purge logged rows older than " + cutoff + " from " + tables.events(), e);
        }
    }

    /** Configures a {@link JdbcAuditChain}; every setting is checked when it is set. Not thread-safe. */
    public static final class Builder {

        private final DataSource dataSource;
        private TableName table = TableName.parse("audit_events");
        private TableName checkpointTable = TableName.parse("audit_checkpoints");
        private InitializeSchema schemaInitMode = InitializeSchema.EMBEDDED;
        private LeafHasher hasher = LeafHasher.sha256();
        private String originPrefix = "auditrail";
        private Duration grace = Duration.ofMinutes(10);
        private @Nullable PrivateKey signingKey;
        private @Nullable PublicKey verificationKey;
        private @Nullable NoteSigner noteSigner;
        private @Nullable NoteVerifier noteVerifier;
        private CheckpointSink sink = (organizationId, checkpoint) -> {
        };
        private int batchSize = 5000;
        private int sealerThreads = 1;
        private Clock clock = Clock.systemUTC();
        private boolean validateSchema = true;

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        /**
         * Sets the audit table; {@code audit_events} by default. The log's tables are named after
         * it with {@code _leaves} and {@code _nodes} appended (and {@code _purge_gate} on
         * MariaDB/MySQL), in the same schema.
         *
         * @param tableName {@code table} or {@code schema.table}
         * @return this builder
         */
        public Builder tableName(String tableName) {
            this.table = TableName.parse(tableName);
            return this;
        }

        /**
         * Sets the checkpoint table; {@code audit_checkpoints} by default.
         *
         * @param tableName {@code table} or {@code schema.table}
         * @return this builder
         */
        public Builder checkpointTableName(String tableName) {
            this.checkpointTable = TableName.parse(tableName);
            return this;
        }

        /**
         * Sets when the chain's DDL runs; {@link InitializeSchema#EMBEDDED} by default, like the table's.
         *
         * @param mode the mode
         * @return this builder
         */
        public Builder initializeSchema(InitializeSchema mode) {
            this.schemaInitMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Sets whether {@link #build()} checks that the chain's columns and tables exist, after
         * creating them if the mode says so; {@code true} by default.
         *
         * @param validate {@code false} to skip the check
         * @return this builder
         */
        public Builder validateSchema(boolean validate) {
            this.validateSchema = validate;
            return this;
        }

        /**
         * Keys the leaf hashes with HMAC-SHA256; unkeyed SHA-256 (RFC 9162) by default.
         *
         * @param key at least 32 secret bytes
         * @return this builder
         */
        public Builder hmacKey(byte[] key) {
            this.hasher = LeafHasher.hmac(key);
            return this;
        }

        /**
         * Signs checkpoints and retention records (C2SP signed notes, Ed25519) under the key name
         * of the origin prefix; unsigned by default.
         *
         * @param key an Ed25519 private key
         * @return this builder
         */
        public Builder signingKey(PrivateKey key) {
            this.signingKey = Objects.requireNonNull(key, "key");
            return this;
        }

        /**
         * Signs checkpoints and retention records with a note signer of any key name; overrides
         * {@link #signingKey(PrivateKey)}.
         *
         * @param signer the signer
         * @return this builder
         */
        public Builder noteSigner(NoteSigner signer) {
            this.noteSigner = Objects.requireNonNull(signer, "signer");
            return this;
        }

        /**
         * Checks the signatures of checkpoints and retention records during verification; without
         * it (or {@link #noteVerifier(NoteVerifier)}) signatures are not checked.
         *
         * @param key the Ed25519 public key matching the signing key
         * @return this builder
         */
        public Builder verificationKey(PublicKey key) {
            this.verificationKey = Objects.requireNonNull(key, "key");
            return this;
        }

        /**
         * Checks signatures with a note verifier (e.g. from a C2SP verifier key); overrides
         * {@link #verificationKey(PublicKey)}.
         *
         * @param verifier the verifier
         * @return this builder
         */
        public Builder noteVerifier(NoteVerifier verifier) {
            this.noteVerifier = Objects.requireNonNull(verifier, "verifier");
            return this;
        }

        private @Nullable NoteSigner signer() {
            if (noteSigner != null) {
                return noteSigner;
            }
            return signingKey == null ? null : NoteSigner.ed25519(originPrefix, signingKey);
        }

        private @Nullable NoteVerifier verifier() {
            if (noteVerifier != null) {
                return noteVerifier;
            }
            return verificationKey == null ? null : NoteVerifier.of(null, verificationKey);
        }

        /**
         * Exports every checkpoint and retention record; nowhere but the checkpoint table by default.
         *
         * @param checkpointSink the sink
         * @return this builder
         */
        public Builder checkpointSink(CheckpointSink checkpointSink) {
            this.sink = Objects.requireNonNull(checkpointSink, "checkpointSink");
            return this;
        }

        /**
         * Sets how many rows one sealing transaction, one purge step and one verification fetch
         * handle; 5000 by default.
         *
         * @param size 1 to 10,000
         * @return this builder
         */
        public Builder batchSize(int size) {
            if (size < 1 || size > 10_000) {
                throw new IllegalArgumentException("chain batch size must be between 1 and 10000 but was " + size);
            }
            this.batchSize = size;
            return this;
        }

        /**
         * Spreads the chains over this many partitions, one sealing thread each; 1 by default.
         * One chain is always sealed by one thread; more threads help when the database has
         * spare cores and there are several organisations.
         *
         * @param threads 1 to 16
         * @return this builder
         */
        public Builder sealerThreads(int threads) {
            if (threads < 1 || threads > 16) {
                throw new IllegalArgumentException("sealer threads must be between 1 and 16 but was " + threads);
            }
            this.sealerThreads = threads;
            return this;
        }

        /**
         * Sets the prefix of every tree's origin line in its checkpoints; {@code auditrail} by
         * default. Checkpoints of two stores with the same prefix and table cannot be told apart,
         * so give each deployment its own, e.g. its host name.
         *
         * @param prefix what {@link LogOrigin} accepts as a prefix; also the signing key's name
         * @return this builder
         */
        public Builder originPrefix(String prefix) {
            LogOrigin.of(Objects.requireNonNull(prefix, "prefix"), null);
            this.originPrefix = prefix;
            return this;
        }

        /**
         * Sets how long an event row may stay unsealed before verification reports it; 10 minutes
         * by default. Make it longer than the longest a business transaction stays open plus
         * the seal interval.
         *
         * @param period positive
         * @return this builder
         */
        public Builder verificationGrace(Duration period) {
            if (period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("the verification grace must be positive but was " + period);
            }
            this.grace = period;
            return this;
        }

        /**
         * Sets the clock of checkpoint times; the UTC system clock by default.
         *
         * @param newClock the clock
         * @return this builder
         */
        public Builder clock(Clock newClock) {
            this.clock = Objects.requireNonNull(newClock, "clock");
            return this;
        }

        /**
         * Connects once to detect the database and, if the mode says so, creates the audit table
         * when missing and adds the chain's DDL to it; then, unless switched off, checks the chain's tables.
         *
         * @return the chain
         * @throws AuditStoreException when the database cannot be reached or the DDL fails
         * @throws io.auditrail.jdbc.schema.SchemaValidationException when a chain table or column is missing
         */
        public JdbcAuditChain build() {
            SqlDialect dialect;
            try (Connection connection = dataSource.getConnection()) {
                dialect = SqlDialect.detect(connection);
            } catch (SQLException e) {
                throw new AuditStoreException("cannot connect to detect the database product", e);
            }
            boolean applies = schemaInitMode == InitializeSchema.ALWAYS
                    || (schemaInitMode == InitializeSchema.EMBEDDED && dialect.isEmbedded());
            JdbcAuditChain chain = new JdbcAuditChain(this, dialect);
            if (applies) {
                try {
                    new SchemaInitializer(dataSource, dialect, table).initialize(schemaInitMode);
                    ChainSchema.initialize(dataSource, chain.tables);
                } catch (SQLException e) {
                    throw new AuditStoreException("cannot add the transparency log to " + table, e);
                }
            }
            if (validateSchema) {
                SchemaValidator.validate(dataSource, dialect, chain.tables.required());
            }
            return chain;
        }
    }
}
