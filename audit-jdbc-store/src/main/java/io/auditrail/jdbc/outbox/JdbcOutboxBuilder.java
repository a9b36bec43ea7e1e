package io.auditrail.jdbc.outbox;

import io.auditrail.core.config.InitializeSchema;
import io.auditrail.core.dispatch.outbox.OutboxException;
import io.auditrail.jdbc.internal.dialect.SqlDialect;
import io.auditrail.jdbc.internal.schema.SchemaValidator;
import io.auditrail.jdbc.schema.TableName;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/** Configures a {@link JdbcOutbox}; every setting is checked when it is set. Not thread-safe. */
public final class JdbcOutboxBuilder {

    /** Default table name. */
    public static final String DEFAULT_TABLE_NAME = "audit_outbox";

    private static final Pattern MARIADB_VERSION = Pattern.compile("(\\d+)\\.(\\d+)[^-]*-MariaDB", Pattern.CASE_INSENSITIVE);

    private final DataSource dataSource;
    private TableName table = TableName.parse(DEFAULT_TABLE_NAME);
    private InitializeSchema schemaInitMode = InitializeSchema.EMBEDDED;
    private BooleanSupplier inCallerTransaction = () -> false;
    private Clock clock = Clock.systemUTC();
    private OutboxClaimStrategy claimStrategy = OutboxClaimStrategy.AUTO;
    private boolean validateSchema = true;

    JdbcOutboxBuilder(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Sets the table; {@value #DEFAULT_TABLE_NAME} by default.
     *
     * @param tableName {@code table} or {@code schema.table}, plain SQL identifiers
     * @return this builder
     * @throws IllegalArgumentException when the name is not a plain SQL identifier
     */
    public JdbcOutboxBuilder tableName(String tableName) {
        this.table = TableName.parse(tableName);
        return this;
    }

    /**
     * Sets when the table is created; {@link InitializeSchema#EMBEDDED} by default.
     *
     * @param mode the mode
     * @return this builder
     */
    public JdbcOutboxBuilder initializeSchema(InitializeSchema mode) {
        this.schemaInitMode = Objects.requireNonNull(mode, "mode");
        return this;
    }

    /**
     * Sets whether {@link #build()} checks that the table exists with every column the outbox
     * uses, after creating it if the mode says so; {@code true} by default.
     *
     * @param validate {@code false} to skip the check
     * @return this builder
     */
    public JdbcOutboxBuilder validateSchema(boolean validate) {
        this.validateSchema = validate;
        return this;
    }

    /**
     * Tells the outbox when the connection it borrows belongs to a transaction of the caller,
     * which an append joins and never commits or rolls back; the same rule as
     * {@link io.auditrail.jdbc.JdbcAuditStoreBuilder#joinCallerTransactionsWhen}.
     *
     * @param inCallerTransaction asked on the appending thread before each append
     * @return this builder
     */
    public JdbcOutboxBuilder joinCallerTransactionsWhen(BooleanSupplier inCallerTransaction) {
        this.inCallerTransaction = Objects.requireNonNull(inCallerTransaction, "inCallerTransaction");
        return this;
    }

    /**
     * Sets the clock stamping appended rows; the UTC system clock by default.
     *
     * @param clock the clock
     * @return this builder
     */
    public JdbcOutboxBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Sets how relays claim rows; {@link OutboxClaimStrategy#AUTO} by default.
     *
     * @param strategy the strategy
     * @return this builder
     */
    public JdbcOutboxBuilder claimStrategy(OutboxClaimStrategy strategy) {
        this.claimStrategy = Objects.requireNonNull(strategy, "strategy");
        return this;
    }

    /**
     * Connects once to detect the database and, if the mode says so, creates the table; then,
     * unless switched off, checks the table.
     *
     * @return the outbox
     * @throws OutboxException when the database cannot be reached or the DDL fails
     * @throws io.auditrail.jdbc.schema.SchemaValidationException when the table is missing or lacks a column
     * @throws io.auditrail.jdbc.dialect.UnsupportedDatabaseException for a database without a dialect
     */
    public JdbcOutbox build() {
        SqlDialect dialect;
        OutboxClaimStrategy strategy;
        try (Connection connection = dataSource.getConnection()) {
            dialect = SqlDialect.detect(connection);
            strategy = claimStrategy != OutboxClaimStrategy.AUTO ? claimStrategy
                    : supportsSkipLocked(connection.getMetaData()) ? OutboxClaimStrategy.SKIP_LOCKED
                    : OutboxClaimStrategy.COMPARE_AND_SET;
        } catch (SQLException e) {
            throw new OutboxException("cannot connect to detect the database product", e);
        }
        try {
            OutboxSchema.initialize(dataSource, dialect, table, schemaInitMode);
        } catch (SQLException e) {
            throw new OutboxException("cannot create audit outbox table " + table, e);
        }
        if (validateSchema) {
            SchemaValidator.validate(dataSource, dialect, List.of(new SchemaValidator.RequiredTable("outbox table", table,
                    OutboxSql.REQUIRED, OutboxSchema.resourceName(dialect), "auditrail.outbox.initialize-schema=always")));
        }
        return new JdbcOutbox(dataSource, dialect, table, inCallerTransaction, clock, strategy);
    }

    static boolean supportsSkipLocked(DatabaseMetaData metaData) throws SQLException {
        String product = metaData.getDatabaseProductName().toLowerCase(Locale.ROOT);
        String version = metaData.getDatabaseProductVersion();
        int major = metaData.getDatabaseMajorVersion();
        int minor = metaData.getDatabaseMinorVersion();
        Matcher mariaDb = MARIADB_VERSION.matcher(version == null ? "" : version);
        if (product.contains("mariadb") || mariaDb.find()) {
            if (mariaDb.find(0)) {
                major = Integer.parseInt(mariaDb.group(1));
                minor = Integer.parseInt(mariaDb.group(2));
            }
            return major > 10 || (major == 10 && minor >= 6);
        }
        if (product.contains("mysql")) {
            return major >= 8;
        }
        if (product.contains("postgresql")) {
            return major >= 10 || (major == 9 && minor >= 5);
        }
        return product.equals("h2") && (major > 2 || (major == 2 && minor >= 3));
    }
}
