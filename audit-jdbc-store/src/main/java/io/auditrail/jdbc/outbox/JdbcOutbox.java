package io.auditrail.jdbc.outbox;

import io.auditrail.core.dispatch.outbox.Outbox;
import io.auditrail.core.dispatch.outbox.OutboxEntry;
import io.auditrail.core.dispatch.outbox.OutboxException;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.jdbc.internal.dialect.SqlDialect;
import io.auditrail.jdbc.schema.TableName;
import io.auditrail.jdbc.internal.write.OwnTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Outbox} in a relational database table ({@code audit_outbox} by default), on
 * PostgreSQL, MySQL/MariaDB and H2. Thread-safe; any number of application instances may
 * share the table.
 *
 * <pre>{@code
 * JdbcOutbox outbox = JdbcOutbox.builder(dataSource).build();
 * OutboxRelay relay = new OutboxRelay(outbox, hostedApiSink, OutboxRelaySettings.DEFAULTS, AuditMonitor.NONE);
 * relay.start();
 * }</pre>
 *
 * <p>{@link #append} joins the caller's transaction when the configured check says the
 * borrowed connection belongs to one (under a savepoint, like the audit store), and otherwise
 * commits before it returns. Each row holds the event's JSON as written by
 * {@link AuditEventCodec}, so a relay in another JVM delivers exactly the captured event.
 */
public final class JdbcOutbox implements Outbox {

    /** Longest destination (sink name) the table holds. */
    public static final int MAX_DESTINATION_LENGTH = 64;

    private static final Logger log = LoggerFactory.getLogger(JdbcOutbox.class);
    private static final int MAX_ERROR_LENGTH = 1000;
    private static final int PURGE_BATCH_SIZE = 1000;
    private static final int RENEW_CHUNK_SIZE = 500;

    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final TableName table;
    private final BooleanSupplier inCallerTransaction;
    private final Clock clock;
    private final OutboxClaimStrategy claimStrategy;
    private final OutboxSql sql;
    private final Claimer claimer;
    private final AuditEventCodec codec = new AuditEventCodec();

    JdbcOutbox(DataSource dataSource, SqlDialect dialect, TableName table, BooleanSupplier inCallerTransaction,
            Clock clock, OutboxClaimStrategy claimStrategy) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.table = table;
        this.inCallerTransaction = inCallerTransaction;
        this.clock = clock;
        this.claimStrategy = claimStrategy;
        this.sql = new OutboxSql(dialect, table);
        this.claimer = claimStrategy == OutboxClaimStrategy.SKIP_LOCKED ? new SkipLockedClaimer(sql, dialect)
                : new CompareAndSetClaimer(sql, dialect);
    }

    /**
     * Starts configuring an outbox.
     *
     * @param dataSource the application's database; connections are borrowed per call and closed
     * @return a builder with the defaults: table {@code audit_outbox}, created on H2 and HSQLDB only,
     *         claims with {@code SKIP LOCKED} where supported
     */
    public static JdbcOutboxBuilder builder(DataSource dataSource) {
        return new JdbcOutboxBuilder(dataSource);
    }

    /**
     * The table.
     *
     * @return the validated table name
     */
    public TableName table() {
        return table;
    }

    /**
     * How this outbox claims, {@link OutboxClaimStrategy#AUTO} resolved for the database.
     *
     * @return {@link OutboxClaimStrategy#SKIP_LOCKED} or {@link OutboxClaimStrategy#COMPARE_AND_SET}
     */
    public OutboxClaimStrategy claimStrategy() {
        return claimStrategy;
    }

    @Override
    public void append(String destination, List<AuditEvent> events) {
        if (destination == null || destination.isBlank() || destination.length() > MAX_DESTINATION_LENGTH) {
            throw new IllegalArgumentException("outbox destination (the sink's name) must be 1 to "
                    + MAX_DESTINATION_LENGTH + " characters but was '" + destination + "'");
        }
        if (events.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        boolean joined = inCallerTransaction.getAsBoolean();
        try (Connection connection = dataSource.getConnection()) {
            OwnTransaction.Work<Void> insert = c -> {
                insert(c, destination, events, now);
                return null;
            };
            if (joined) {
                OwnTransaction.joinCallers(connection, insert);
            } else {
                OwnTransaction.run(connection, insert);
            }
        } catch (SQLException | RuntimeException e) {
            throw new OutboxException("cannot append " + events.size() + " audit events for '" + destination
                    + "' to " + table + (joined ? " in the caller's transaction" : "") + ": " + e.getMessage(), e);
        }
    }

    private void insert(Connection connection, String destination, List<AuditEvent> events, Instant now)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql.insert)) {
            for (AuditEvent event : events) {
                statement.setString(1, destination);
                dialect.bindUuid(statement, 2, event.id());
                statement.setString(3, codec.toJson(event));
                dialect.bindTimestamp(statement, 4, now);
                dialect.bindTimestamp(statement, 5, now);
                if (sql.insertRepeatsKey) {
                    statement.setString(6, destination);
                    dialect.bindUuid(statement, 7, event.id());
                }
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    @Override
    public List<OutboxEntry> claim(String destination, String owner, int limit, Instant now, Duration lease) {
        List<ClaimedRow> rows;
        try (Connection connection = dataSource.getConnection()) {
            rows = claimer.claim(connection, destination, owner, limit, now, now.plus(lease));
        } catch (SQLException e) {
            throw new OutboxException("cannot claim audit events for '" + destination + "' from " + table + ": "
                    + e.getMessage(), e);
        }
        List<OutboxEntry> entries = new ArrayList<>(rows.size());
        for (ClaimedRow row : rows) {
            AuditEvent event;
            try {
                event = codec.fromJson(row.payload());
            } catch (RuntimeException e) {
                parkUnreadable(row, owner, now, e);
                continue;
            }
            entries.add(new OutboxEntry(row.seq(), event, row.attempts()));
        }
        return entries;
    }

    /** A row edited by hand into something that is no longer an event must not block the rest. */
    private void parkUnreadable(ClaimedRow row, String owner, Instant now, RuntimeException error) {
        log.error("Audit outbox row {} in {} holds no readable event; parked as dead", row.seq(), table, error);
        update(sql.dead, "park unreadable row " + row.seq(), statement -> {
            dialect.bindTimestamp(statement, 1, now);
            statement.setString(2, brief("unreadable payload: " + error.getMessage()));
            statement.setLong(3, row.seq());
            statement.setString(4, owner);
            statement.addBatch();
        });
    }

    @Override
    public int renew(String owner, List<OutboxEntry> entries, Instant leaseUntil) {
        int renewed = 0;
        try (Connection connection = dataSource.getConnection()) {
            for (int from = 0; from < entries.size(); from += RENEW_CHUNK_SIZE) {
                List<OutboxEntry> chunk = entries.subList(from, Math.min(entries.size(), from + RENEW_CHUNK_SIZE));
                renewed += OwnTransaction.run(connection, c -> {
                    try (PreparedStatement statement = c.prepareStatement(sql.renew(chunk.size()))) {
                        dialect.bindTimestamp(statement, 1, leaseUntil);
                        statement.setString(2, owner);
                        for (int i = 0; i < chunk.size(); i++) {
                            statement.setLong(3 + i, chunk.get(i).key());
                        }
                        return statement.executeUpdate();
                    }
                });
            }
        } catch (SQLException e) {
            throw new OutboxException("cannot renew the lease of " + entries.size() + " audit events in " + table + ": "
                    + e.getMessage(), e);
        }
        return renewed;
    }

    @Override
    public void markDelivered(String owner, List<OutboxEntry> entries, Instant now) {
        update(sql.delivered, "mark " + entries.size() + " events delivered", statement -> {
            for (OutboxEntry entry : entries) {
                dialect.bindTimestamp(statement, 1, now);
                statement.setLong(2, entry.key());
                statement.setString(3, owner);
                statement.addBatch();
            }
        });
    }

    @Override
    public void retryLater(String owner, List<Retry> retries, String error) {
        update(sql.retry, "reschedule " + retries.size() + " events", statement -> {
            for (Retry retry : retries) {
                dialect.bindTimestamp(statement, 1, retry.nextAttemptAt());
                statement.setString(2, brief(error));
                statement.setLong(3, retry.entry().key());
                statement.setString(4, owner);
                statement.addBatch();
            }
        });
    }

    @Override
    public void markDead(String owner, OutboxEntry entry, String reason, Instant now) {
        update(sql.dead, "park event " + entry.event().id() + " as dead", statement -> {
            dialect.bindTimestamp(statement, 1, now);
            statement.setString(2, brief(reason));
            statement.setLong(3, entry.key());
            statement.setString(4, owner);
            statement.addBatch();
        });
    }

    @Override
    public long purgeDelivered(Instant cutoff) {
        long total = 0;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql.purgeDelivered)) {
            int deleted;
            do {
                deleted = OwnTransaction.run(connection, c -> {
                    dialect.bindTimestamp(statement, 1, cutoff);
                    statement.setInt(2, PURGE_BATCH_SIZE);
                    return statement.executeUpdate();
                });
                total += deleted;
            } while (deleted >= PURGE_BATCH_SIZE);
        } catch (SQLException e) {
            throw new OutboxException("cannot purge delivered audit events from " + table + ": " + e.getMessage(), e);
        }
        return total;
    }

    @Override
    public long pendingCount(String destination) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql.countPending)) {
            statement.setString(1, destination);
            try (ResultSet resultSet = statement.executeQuery()) {
                resultSet.next();
                return resultSet.getLong(1);
            }
        } catch (SQLException e) {
            throw new OutboxException("cannot count pending audit events in " + table + ": " + e.getMessage(), e);
        }
    }

    private void update(String statementSql, String what, Binder binder) {
        try (Connection connection = dataSource.getConnection()) {
            OwnTransaction.run(connection, c -> {
                try (PreparedStatement statement = c.prepareStatement(statementSql)) {
                    binder.bind(statement);
                    statement.executeBatch();
                }
                return null;
            });
        } catch (SQLException e) {
            throw new OutboxException("cannot " + what + " in " + table + ": " + e.getMessage(), e);
        }
    }

    private static String brief(String text) {
        String value = text == null ? "" : text;
        return value.length() > MAX_ERROR_LENGTH ? value.substring(0, MAX_ERROR_LENGTH) + "…" : value;
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }
}
