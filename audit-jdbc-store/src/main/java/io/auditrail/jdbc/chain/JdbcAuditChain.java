package io.auditrail.jdbc.chain;

import io.auditrail.core.chain.ChainHasher;
import io.auditrail.core.chain.ChainVerification;
import io.auditrail.core.chain.ChainVerifier;
import io.auditrail.core.chain.Checkpoint;
import io.auditrail.core.chain.CheckpointSigner;
import io.auditrail.core.chain.CheckpointVerifier;
import io.auditrail.core.config.InitializeSchema;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.store.AuditStoreException;
import io.auditrail.jdbc.internal.dialect.SqlDialect;
import io.auditrail.jdbc.internal.query.EventRowMapper;
import io.auditrail.jdbc.internal.schema.SchemaInitializer;
import io.auditrail.jdbc.internal.schema.SchemaValidator;
import io.auditrail.jdbc.schema.TableName;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Tamper evidence for an audit table: one hash chain per organisation (events without one
 * form their own chain), sealed off the request path, signed checkpoints of every chain head,
 * retention that keeps an anchor, and verification that names the first problem. Thread-safe;
 * the scheduling of {@link #sealPending()} and {@link #writeCheckpoints()} is the caller's.
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

    /** Passes in a row that found rows but sealed none, because another sealer was busy with them. */
    private static final int MAX_FRUITLESS_PASSES = 3;

    private final DataSource dataSource;
    private final ChainTables tables;
    private final ChainSealer sealer;
    private final CheckpointWriter checkpointWriter;
    private final ChainPurger purger;
    private final JdbcChainVerifier verifier;
    private final int sealerThreads;

    private JdbcAuditChain(Builder builder, SqlDialect dialect) {
        this.dataSource = builder.dataSource;
        this.sealerThreads = builder.sealerThreads;
        this.tables = new ChainTables(builder.table, builder.headsTable(), builder.checkpointTable, dialect.name());
        AuditEventCodec codec = new AuditEventCodec();
        EventRowMapper mapper = new EventRowMapper(dialect, codec);
        CheckpointStore checkpoints = new CheckpointStore(dialect, tables);
        CheckpointSigner signer = builder.signingKey == null ? null : new CheckpointSigner(builder.signingKey);
        this.sealer = new ChainSealer(dataSource, tables, mapper, codec, builder.hasher, builder.batchSize);
        this.checkpointWriter = new CheckpointWriter(dataSource, tables, checkpoints, signer, builder.sink, builder.clock);
        this.purger = new ChainPurger(dataSource, dialect, tables, checkpoints, checkpointWriter, builder.sink,
                builder.clock, builder.batchSize);
        CheckpointVerifier signatures = builder.verificationKey == null ? null
                : new CheckpointVerifier(builder.verificationKey);
        this.verifier = new JdbcChainVerifier(dataSource, dialect, tables, mapper, codec, checkpoints,
                new ChainVerifier(builder.hasher, signatures), builder.batchSize);
    }

    /**
     * Starts configuring a chain.
     *
     * @param dataSource the database of the audit table; the chain commits its own short transactions
     * @return a builder with the defaults: table {@code audit_events}, checkpoints in
     *         {@code audit_checkpoints}, unkeyed SHA-256, unsigned checkpoints, no export
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /**
     * Seals the committed rows that are not yet in a chain, a batch at a time, until none is
     * left, passes keep losing to another sealer, or the thread is interrupted; what is left
     * goes on a later call.
     *
     * @return rows sealed by this call
     * @throws AuditStoreException when the database fails
     */
    public long sealPending() {
        long total = 0;
        long round;
        do {
            // A partition looks only so far ahead; the others' progress brings its rows into view.
            round = 0;
            for (int partition = 0; partition < sealerThreads; partition++) {
                round += sealPending(partition);
            }
            total += round;
        } while (round > 0 && sealerThreads > 1 && !Thread.currentThread().isInterrupted());
        return total;
    }

    /**
     * Seals like {@link #sealPending()}, only the chains of one partition, so that
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
        try {
            while (fruitless < MAX_FRUITLESS_PASSES && !Thread.currentThread().isInterrupted()) {
                ChainSealer.Pass pass = sealer.sealBatch(partition, sealerThreads);
                if (pass.pending() == 0) {
                    break;
                }
                total += pass.sealed();
                fruitless = pass.sealed() == 0 ? fruitless + 1 : 0;
            }
            return total;
        } catch (SQLException e) {
            throw new AuditStoreException("cannot seal audit rows of " + tables.events(), e);
        }
    }

    /**
     * How many threads may seal side by side, each with its own partition of the chains.
     *
     * @return at least 1
     */
    public int sealerThreads() {
        return sealerThreads;
    }

    /**
     * Takes a checkpoint of every chain head, also of chains that did not grow, stores it in the
     * checkpoint table and exports it to the sink.
     *
     * @return the checkpoints written
     * @throws AuditStoreException when the database fails
     */
    public List<Checkpoint> writeCheckpoints() {
        try {
            return checkpointWriter.write();
        } catch (SQLException e) {
            throw new AuditStoreException("cannot write checkpoints to " + tables.checkpoints(), e);
        }
    }

    /**
     * Verifies one organisation's chain, whole or a range, against the table and its checkpoints.
     *
     * @param organizationId the organisation, or {@code null} for the chain of events without one
     * @param from first chain sequence to check, or {@code null} for the start (after the retention anchor)
     * @param to last chain sequence to check, or {@code null} for the end
     * @return the outcome with the first problem, if any
     * @throws AuditStoreException when the database fails
     */
    public ChainVerification verify(@Nullable String organizationId, @Nullable Long from, @Nullable Long to) {
        return verify(organizationId, from, to, List.of());
    }

    /**
     * Verifies like {@link #verify(String, Long, Long)}, also against checkpoints exported earlier,
     * which catch a tail cut or a recompute even when the checkpoint table was rewritten too.
     *
     * @param organizationId the organisation, or {@code null}
     * @param from first chain sequence, or {@code null}
     * @param to last chain sequence, or {@code null}
     * @param exported checkpoints read back from a sink, of any organisations
     * @return the outcome
     * @throws AuditStoreException when the database fails
     */
    public ChainVerification verify(@Nullable String organizationId, @Nullable Long from, @Nullable Long to,
            List<Checkpoint> exported) {
        if (from != null && to != null && from > to) {
            throw new IllegalArgumentException("from (" + from + ") must not be after to (" + to + ")");
        }
        try {
            return verifier.verify(organizationId, from, to, exported);
        } catch (SQLException e) {
            throw new AuditStoreException("cannot verify the chain of " + organizationId + " in " + tables.events(), e);
        }
    }

    /**
     * The organisations that have a chain.
     *
     * @return their ids; {@code null} stands for the chain of events without an organisation
     * @throws AuditStoreException when the database fails
     */
    public List<@Nullable String> organizations() {
        try (Connection connection = dataSource.getConnection()) {
            List<String> organizations = new ArrayList<>();
            for (ChainHeads.Head head : new ChainHeads(tables).all(connection)) {
                organizations.add(ChainTables.organization(head.chainKey()));
            }
            return organizations;
        } catch (SQLException e) {
            throw new AuditStoreException("cannot list the chains in " + tables.heads(), e);
        }
    }

    /**
     * Deletes the sealed prefix of each chain whose rows are older than the cutoff, keeping a
     * signed anchor. Called by the store's retention when the store is chained; unsealed rows
     * and every row after the first one still in the period are kept.
     *
     * @param cutoff rows strictly older may go
     * @param organizationId only this organisation, or {@code null} for every chain
     * @param excludedOrganizations organisations to leave alone when {@code organizationId} is null
     * @return rows deleted
     * @throws AuditStoreException when the database fails
     */
    public long purgeOlderThan(Instant cutoff, @Nullable String organizationId,
            Set<String> excludedOrganizations) {
        try {
            return purger.purge(cutoff, organizationId, excludedOrganizations);
        } catch (SQLException e) {
            throw new AuditStoreException("cannot purge chained rows older than " + cutoff + " from " + tables.events(), e);
        }
    }

    /** Configures a {@link JdbcAuditChain}; every setting is checked when it is set. Not thread-safe. */
    public static final class Builder {

        private final DataSource dataSource;
        private TableName table = TableName.parse("audit_events");
        private TableName checkpointTable = TableName.parse("audit_checkpoints");
        private InitializeSchema schemaInitMode = InitializeSchema.EMBEDDED;
        private ChainHasher hasher = ChainHasher.sha256();
        private PrivateKey signingKey;
        private PublicKey verificationKey;
        private CheckpointSink sink = CheckpointSink.NONE;
        private int batchSize = 500;
        private int sealerThreads = 1;
        private Clock clock = Clock.systemUTC();
        private boolean validateSchema = true;

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        /**
         * Sets the audit table; {@code audit_events} by default. The heads table is named after
         * it with {@code _chain_heads} appended, in the same schema.
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
         * Keys the chain with HMAC-SHA256; unkeyed SHA-256 by default.
         *
         * @param key at least 32 secret bytes
         * @return this builder
         */
        public Builder hmacKey(byte[] key) {
            this.hasher = ChainHasher.hmacSha256(key);
            return this;
        }

        /**
         * Signs checkpoints and anchors; unsigned by default.
         *
         * @param key an Ed25519 private key
         * @return this builder
         */
        public Builder signingKey(PrivateKey key) {
            this.signingKey = Objects.requireNonNull(key, "key");
            return this;
        }

        /**
         * Checks checkpoint signatures during verification; without it signatures are not checked.
         *
         * @param key the Ed25519 public key matching the signing key
         * @return this builder
         */
        public Builder verificationKey(PublicKey key) {
            this.verificationKey = Objects.requireNonNull(key, "key");
            return this;
        }

        /**
         * Exports every checkpoint and anchor; nowhere but the checkpoint table by default.
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
         * handle; 500 by default.
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
                    throw new AuditStoreException("cannot add the hash chain to " + table, e);
                }
            }
            if (validateSchema) {
                SchemaValidator.validate(dataSource, dialect, chain.tables.required(SchemaInitializer.ddlResource(dialect)));
            }
            return chain;
        }

        private TableName headsTable() {
            return new TableName(table.schema(), table.name() + "_chain_heads");
        }
    }
}
