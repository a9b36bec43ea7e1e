package io.auditrail.jdbc;

import io.auditrail.core.config.InitializeSchema;
import io.auditrail.jdbc.chain.JdbcAuditChain;
import io.auditrail.jdbc.internal.retention.RetentionPolicy;
import io.auditrail.jdbc.schema.TableName;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.Objects;
import javax.sql.DataSource;

/** Configures a {@link JdbcAuditStore}; every setting is checked when it is set. Not thread-safe. */
public final class JdbcAuditStoreBuilder {

    /** Default table name. */
    public static final String DEFAULT_TABLE_NAME = "audit_events";
    /** Rows the driver buffers at a time during an export, by default. */
    public static final int DEFAULT_EXPORT_FETCH_SIZE = 500;
    /** Rows deleted per statement during a purge, by default. */
    public static final int DEFAULT_PURGE_BATCH_SIZE = 1000;

    private final DataSource dataSource;
    private TableName table = TableName.parse(DEFAULT_TABLE_NAME);
    private InitializeSchema schemaInitMode = InitializeSchema.EMBEDDED;
    private Long monthlyEventLimit;
    private Duration retention;
    private BooleanSupplier inCallerTransaction = () -> false;
    private final Map<String, Duration> retentionOverrides = new LinkedHashMap<>();
    private int exportFetchSize = DEFAULT_EXPORT_FETCH_SIZE;
    private int purgeBatchSize = DEFAULT_PURGE_BATCH_SIZE;
    private Clock clock = Clock.systemUTC();
    private JdbcAuditChain chain;
    private boolean validateSchema = true;

    JdbcAuditStoreBuilder(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Sets the table; {@value #DEFAULT_TABLE_NAME} by default.
     *
     * @param tableName {@code table} or {@code schema.table}, plain SQL identifiers
     * @return this builder
     * @throws IllegalArgumentException when the name is not a plain SQL identifier
     */
    public JdbcAuditStoreBuilder tableName(String tableName) {
        this.table = TableName.parse(tableName);
        return this;
    }

    /**
     * Sets when the table is created; {@link InitializeSchema#EMBEDDED} by default.
     *
     * @param mode the mode
     * @return this builder
     */
    public JdbcAuditStoreBuilder initializeSchema(InitializeSchema mode) {
        this.schemaInitMode = Objects.requireNonNull(mode, "mode");
        return this;
    }

    /**
     * Sets whether {@link #build()} checks that the table exists with every column the store
     * uses, after creating it if the mode says so; {@code true} by default.
     *
     * @param validate {@code false} to skip the check
     * @return this builder
     */
    public JdbcAuditStoreBuilder validateSchema(boolean validate) {
        this.validateSchema = validate;
        return this;
    }

    /**
     * Sets the monthly allowance reported by {@link JdbcAuditStore#usage(String)}; unlimited by default.
     *
     * @param limit events per organisation per month, not negative
     * @return this builder
     */
    public JdbcAuditStoreBuilder monthlyEventLimit(long limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("monthly event limit must not be negative but was " + limit);
        }
        this.monthlyEventLimit = limit;
        return this;
    }

    /**
     * Sets how long events are kept by {@link JdbcAuditStore#purgeExpired()}; forever by default.
     *
     * @param retention a positive duration
     * @return this builder
     */
    public JdbcAuditStoreBuilder retention(Duration retention) {
        this.retention = positive(retention, "retention");
        return this;
    }

    /**
     * Keeps one organisation's events for a different period than the default.
     *
     * @param organizationId the organisation
     * @param retention a positive duration
     * @return this builder
     */
    public JdbcAuditStoreBuilder retention(String organizationId, Duration retention) {
        if (organizationId == null || organizationId.isBlank()) {
            throw new IllegalArgumentException("organisation of a retention override must not be blank");
        }
        retentionOverrides.put(organizationId, positive(retention, "retention for '" + organizationId + "'"));
        return this;
    }

    /**
     * Sets the retention overrides all at once, replacing earlier ones, for example from a
     * configuration map. Either every entry is valid and applied, or none is.
     *
     * @param overrides positive durations by organisation id
     * @return this builder
     * @throws IllegalArgumentException when an organisation is blank or a duration is not positive
     */
    public JdbcAuditStoreBuilder retentionOverrides(Map<String, Duration> overrides) {
        Map<String, Duration> previous = new LinkedHashMap<>(retentionOverrides);
        retentionOverrides.clear();
        try {
            overrides.forEach(this::retention);
        } catch (IllegalArgumentException e) {
            // One bad entry must not leave half of the new map applied.
            retentionOverrides.clear();
            retentionOverrides.putAll(previous);
            throw e;
        }
        return this;
    }

    /**
     * Sets how many rows the driver holds at a time during an export; {@value #DEFAULT_EXPORT_FETCH_SIZE} by default.
     *
     * @param fetchSize 1 to 10,000
     * @return this builder
     */
    public JdbcAuditStoreBuilder exportFetchSize(int fetchSize) {
        this.exportFetchSize = inRange(fetchSize, "export fetch size");
        return this;
    }

    /**
     * Sets how many rows one purge statement deletes; {@value #DEFAULT_PURGE_BATCH_SIZE} by default.
     *
     * @param batchSize 1 to 10,000
     * @return this builder
     */
    public JdbcAuditStoreBuilder purgeBatchSize(int batchSize) {
        this.purgeBatchSize = inRange(batchSize, "purge batch size");
        return this;
    }

    /**
     * Sets the clock for usage months and retention cutoffs; the UTC system clock by default.
     *
     * @param clock the clock
     * @return this builder
     */
    public JdbcAuditStoreBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Makes retention go through the chain: only sealed chain prefixes are purged, each leaving
     * a signed anchor, through the one delete path the chain's append-only triggers allow.
     * Without it the store purges with plain batched deletes, which those triggers refuse.
     *
     * @param auditChain the chain of this store's table
     * @return this builder
     */
    public JdbcAuditStoreBuilder chain(JdbcAuditChain auditChain) {
        this.chain = Objects.requireNonNull(auditChain, "auditChain");
        return this;
    }

    /**
     * Tells the store when the connection it borrows belongs to a transaction of the caller,
     * which it must join and never commit or roll back. By default it never does, so the store
     * commits its own work even on a pool whose connections start with auto-commit off; the
     * Spring starter passes "a Spring transaction holding this data source is active".
     *
     * @param inCallerTransaction asked on the borrowing thread before each write or purge
     * @return this builder
     */
    public JdbcAuditStoreBuilder joinCallerTransactionsWhen(BooleanSupplier inCallerTransaction) {
        this.inCallerTransaction = Objects.requireNonNull(inCallerTransaction, "inCallerTransaction");
        return this;
    }

    /**
     * Connects once to detect the database and, if the mode says so, creates the table; then,
     * unless switched off, checks the table.
     *
     * @return the store
     * @throws io.auditrail.core.store.AuditStoreException when the database cannot be reached or the DDL fails
     * @throws io.auditrail.jdbc.schema.SchemaValidationException when the table is missing or lacks a column
     * @throws io.auditrail.jdbc.dialect.UnsupportedDatabaseException for a database without a dialect
     */
    public JdbcAuditStore build() {
        Settings settings = new Settings(table, schemaInitMode, monthlyEventLimit,
                new RetentionPolicy(retention, retentionOverrides), exportFetchSize, purgeBatchSize, clock, inCallerTransaction, chain,
                validateSchema);
        return JdbcAuditStore.create(dataSource, settings);
    }

    private static Duration positive(Duration period, String what) {
        if (period == null || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException(what + " must be a positive duration but was " + period);
        }
        return period;
    }

    private static int inRange(int value, String what) {
        if (value < 1 || value > 10_000) {
            throw new IllegalArgumentException(what + " must be between 1 and 10000 but was " + value);
        }
        return value;
    }
}
