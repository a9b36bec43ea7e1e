package io.auditrail.jdbc;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.spi.AuditSink;
import io.auditrail.core.spi.AuditSinkException;
import io.auditrail.core.store.AuditPage;
import io.auditrail.core.store.AuditQuery;
import io.auditrail.core.store.AuditStore;
import io.auditrail.core.store.AuditStoreException;
import io.auditrail.core.store.ExportFormat;
import io.auditrail.core.store.Usage;
import io.auditrail.jdbc.internal.dialect.SqlDialect;
import io.auditrail.jdbc.internal.export.EventExporter;
import io.auditrail.jdbc.internal.query.EventColumns;
import io.auditrail.jdbc.internal.query.EventQueries;
import io.auditrail.jdbc.internal.query.EventRowMapper;
import io.auditrail.jdbc.internal.retention.EventPurger;
import io.auditrail.jdbc.internal.retention.RetentionPolicy;
import io.auditrail.jdbc.internal.schema.SchemaInitializer;
import io.auditrail.jdbc.internal.schema.SchemaValidator;
import io.auditrail.jdbc.internal.write.EventWriter;
import io.auditrail.jdbc.internal.write.SqlFailures;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import tools.jackson.core.exc.JacksonIOException;

/**
 * The audit trail in a relational database, over plain JDBC: a sink that stores batches
 * idempotently and the store that queries, exports, counts and purges them. Works on
 * PostgreSQL, MySQL/MariaDB, H2 and HSQLDB, detected from the data source. Thread-safe.
 *
 * <pre>{@code
 * JdbcAuditStore store = JdbcAuditStore.builder(dataSource)
 *         .tableName("audit_events")
 *         .retention(Duration.ofDays(90))
 *         .build();
 * }</pre>
 *
 * <p>Transaction rule for {@link #write(List)}: each call borrows a connection from the data
 * source and closes it. If the connection is in auto-commit mode, the batch runs in its own
 * transaction, committed or rolled back whole. If auto-commit is off, the connection belongs
 * to a transaction the caller started (a Spring-managed one, say): the batch joins it and is
 * never committed or rolled back here, so the audit rows share the business change's fate.
 *
 * <p>Failures: {@link #write(List)} throws {@link AuditSinkException}, retryable for
 * connection and concurrency errors (SQLState classes 08, 40, 53, 57). Events with a data error
 * of their own (classes 22, 23) are refused one by one as {@link AuditSinkException#rejections()}
 * while the rest of the batch is stored; any other failure (a missing table or privilege)
 * refuses the whole batch, not retryable, without rejections. The read methods throw
 * {@link AuditStoreException}.
 */
public final class JdbcAuditStore implements AuditSink, AuditStore {

    private final DataSource dataSource;
    private final Settings settings;
    private final EventWriter writer;
    private final EventReader reader;
    private final EventExporter exporter;
    private final EventPurger purger;

    private JdbcAuditStore(DataSource dataSource, SqlDialect dialect, Settings settings) {
        AuditEventCodec codec = new AuditEventCodec();
        EventQueries queries = new EventQueries(settings.table());
        EventRowMapper mapper = new EventRowMapper(dialect, codec);
        this.dataSource = dataSource;
        this.settings = settings;
        this.writer = new EventWriter(dialect, codec, settings.table());
        this.reader = new EventReader(dialect, queries, mapper);
        this.exporter = new EventExporter(dialect, queries, codec, settings.exportFetchSize());
        this.purger = new EventPurger(dataSource, dialect, settings.table(), queries, settings.purgeBatchSize());
    }

    /**
     * Starts configuring a store.
     *
     * @param dataSource the database; connections are borrowed per call and closed
     * @return a builder with the defaults: table {@code audit_events}, schema created on H2 and HSQLDB only,
     *         no monthly limit, events kept forever
     */
    public static JdbcAuditStoreBuilder builder(DataSource dataSource) {
        return new JdbcAuditStoreBuilder(dataSource);
    }

    static JdbcAuditStore create(DataSource dataSource, Settings settings) {
        SqlDialect dialect;
        try (Connection connection = dataSource.getConnection()) {
            dialect = SqlDialect.detect(connection);
        } catch (SQLException e) {
            throw new AuditStoreException("cannot connect to detect the database product", e);
        }
        try {
            new SchemaInitializer(dataSource, dialect, settings.table()).initialize(settings.schemaInitMode());
        } catch (SQLException e) {
            throw new AuditStoreException("cannot create audit table " + settings.table(), e);
        }
        if (settings.validateSchema()) {
            SchemaValidator.validate(dataSource, dialect, List.of(new SchemaValidator.RequiredTable(
                    "audit table", settings.table(), EventColumns.REQUIRED, SchemaInitializer.ddlResource(dialect),
                    "auditrail.jdbc.initialize-schema=always")));
        }
        return new JdbcAuditStore(dataSource, dialect, settings);
    }

    @Override
    public void write(List<AuditEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        boolean inCallerTransaction = settings.inCallerTransaction().getAsBoolean();
        try (Connection connection = dataSource.getConnection()) {
            try {
                writer.write(connection, events, inCallerTransaction);
            } catch (SQLException e) {
                if (SqlFailures.isRetryable(e) || inCallerTransaction || !SqlFailures.isDataError(e)) {
                    throw e;
                }
                if (events.size() == 1) {
                    // Its own data error: trying it alone again would fail the same way.
                    throw refused(List.of(new AuditSinkException.Rejection(events.get(0), e.getMessage())), 1, e);
                }
                writeOneByOne(connection, events, e);
            }
        } catch (SQLException e) {
            throw new AuditSinkException("cannot store " + events.size() + " audit events in " + settings.table()
                    + ": " + e.getMessage(), e, SqlFailures.isRetryable(e));
        }
    }

    /**
     * Stores one event unless its id is stored already, and returns it as the store holds it,
     * which is what a {@link #findById} after the write would return. On PostgreSQL the insert
     * itself returns the row it stored, so no second statement runs; on the other databases the
     * event is written as by {@link #write(List)} and then read back by its id within its
     * organisation. Same transaction rule and failures as {@link #write(List)}.
     *
     * @param event the event
     * @return the event as stored; empty when nothing of the event's organisation is stored under
     *         its id afterwards, or, on PostgreSQL, whenever the id was already stored and nothing was written
     * @throws AuditSinkException when the event cannot be stored
     * @throws AuditStoreException when the event cannot be read back (databases other than PostgreSQL)
     */
    public Optional<AuditEvent> writeReturning(AuditEvent event) {
        Objects.requireNonNull(event, "event");
        if (!writer.returnsStoredRow()) {
            write(List.of(event));
            return findById(event.organizationId(), event.id());
        }
        boolean inCallerTransaction = settings.inCallerTransaction().getAsBoolean();
        try (Connection connection = dataSource.getConnection()) {
            return writer.writeReturning(connection, event, inCallerTransaction);
        } catch (SQLException e) {
            if (!SqlFailures.isRetryable(e) && !inCallerTransaction && SqlFailures.isDataError(e)) {
                throw refused(List.of(new AuditSinkException.Rejection(event, e.getMessage())), 1, e);
            }
            throw new AuditSinkException("cannot store 1 audit event in " + settings.table() + ": " + e.getMessage(), e,
                    SqlFailures.isRetryable(e));
        }
    }

    /**
     * A data error in one event (a NUL that PostgreSQL's jsonb refuses, a value too long)
     * must not take its batch with it: each event is tried alone, the refused ones are
     * reported as rejections and the rest are stored. Any other failure of a single event is
     * the store's (its table, its privileges) and fails the batch as a whole, so callers that
     * can wait, such as the Kafka loader, keep the events instead of skipping them.
     */
    private void writeOneByOne(Connection connection, List<AuditEvent> events, SQLException batchFailure)
            throws SQLException {
        List<AuditSinkException.Rejection> rejections = new ArrayList<>();
        for (AuditEvent event : events) {
            try {
                writer.write(connection, List.of(event), false);
            } catch (SQLException e) {
                if (SqlFailures.isRetryable(e) || !SqlFailures.isDataError(e)) {
                    throw e;
                }
                rejections.add(new AuditSinkException.Rejection(event, e.getMessage()));
            }
        }
        if (!rejections.isEmpty()) {
            throw refused(rejections, events.size(), batchFailure);
        }
    }

    private AuditSinkException refused(List<AuditSinkException.Rejection> rejections, int batchSize,
            SQLException cause) {
        return new AuditSinkException(rejections.size() + " of " + batchSize + " audit events refused by "
                + settings.table() + ", first: " + rejections.get(0).reason(), cause, false, null, rejections);
    }

    @Override
    public String name() {
        return "jdbc";
    }

    /** Writes on a connection with auto-commit off join that transaction, so frameworks may dispatch in it. */
    @Override
    public boolean joinsTransactions() {
        return true;
    }

    @Override
    public AuditPage query(AuditQuery query) {
        Objects.requireNonNull(query, "query");
        try (Connection connection = dataSource.getConnection()) {
            return reader.page(connection, query);
        } catch (SQLException e) {
            throw new AuditStoreException("cannot query " + settings.table(), e);
        }
    }

    @Override
    public Optional<AuditEvent> findById(String organizationId, UUID id) {
        Objects.requireNonNull(id, "id");
        try (Connection connection = dataSource.getConnection()) {
            return reader.byId(connection, organizationId, id);
        } catch (SQLException e) {
            throw new AuditStoreException("cannot read event " + id + " from " + settings.table(), e);
        }
    }

    @Override
    public long export(AuditQuery query, ExportFormat format, OutputStream out) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(out, "out");
        try (Connection connection = dataSource.getConnection()) {
            return exporter.export(connection, query, format, out);
        } catch (SQLException e) {
            throw new AuditStoreException("cannot export from " + settings.table(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the export", e);
        } catch (JacksonIOException e) {
            // Jackson wraps I/O failures (a client that went away) in its own unchecked type.
            throw new UncheckedIOException("cannot write the export", e.getCause());
        }
    }

    @Override
    public Usage usage(String organizationId) {
        YearMonth month = YearMonth.now(settings.clock().withZone(ZoneOffset.UTC));
        Instant from = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant until = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        long count;
        try (Connection connection = dataSource.getConnection()) {
            count = reader.countBetween(connection, organizationId, from, until);
        } catch (SQLException e) {
            throw new AuditStoreException("cannot count events in " + settings.table(), e);
        }
        Long retentionDays = settings.retention().retentionFor(organizationId).map(Duration::toDays).orElse(null);
        return new Usage(organizationId, month, count, settings.monthlyEventLimit(), retentionDays);
    }

    @Override
    public long purgeOlderThan(Instant cutoff, String organizationId) {
        Objects.requireNonNull(cutoff, "cutoff");
        return purge(cutoff, organizationId, Set.of());
    }

    @Override
    public long purgeExpired() {
        Instant now = settings.clock().instant();
        RetentionPolicy policy = settings.retention();
        long deleted = 0;
        for (var override : policy.overrides().entrySet()) {
            deleted += purge(now.minus(override.getValue()), override.getKey(), Set.of());
        }
        if (policy.defaultRetention() != null) {
            deleted += purge(now.minus(policy.defaultRetention()), null, policy.overrides().keySet());
        }
        return deleted;
    }

    private long purge(Instant cutoff, String organizationId, Set<String> excluded) {
        if (settings.chain() != null) {
            return settings.chain().purgeOlderThan(cutoff, organizationId, excluded);
        }
        try {
            return purger.purge(cutoff, organizationId, excluded, settings.inCallerTransaction().getAsBoolean());
        } catch (SQLException e) {
            throw new AuditStoreException("cannot purge events older than " + cutoff + " from " + settings.table(), e);
        }
    }
}
