package io.auditrail.jdbc.internal.write;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.jdbc.internal.dialect.BatchInsert;
import io.auditrail.jdbc.internal.dialect.SqlDialect;
import io.auditrail.jdbc.internal.query.EventColumns;
import io.auditrail.jdbc.internal.query.EventRowMapper;
import io.auditrail.jdbc.schema.TableName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Inserts a batch of events, skipping ids already stored: as one statement where the dialect
 * has a {@link BatchInsert} (PostgreSQL), otherwise as one JDBC statement batch.
 *
 * <p>Transaction rule, which the Spring starter's transactional mode relies on: on a
 * connection in auto-commit mode the batch runs in its own transaction and is committed or
 * rolled back whole; on a connection with auto-commit off the caller owns the transaction,
 * so the batch joins it and is never committed or rolled back here. Joined, the batch runs under
 * a savepoint, so that its failure cannot abort the caller's transaction; a single event, the
 * transactional mode's case, does so in one round trip where the driver pipelines statements.
 */
public final class EventWriter {

    private final SqlDialect dialect;
    private final AuditEventCodec codec;
    private final String insertSql;
    private final @Nullable BatchInsert batchInsert;
    private final @Nullable String insertReturningSql;
    private final EventRowMapper rows;
    private final @Nullable PipelinedSavepoint pipelinedInsert;

    /**
     * Creates a writer.
     *
     * @param dialect the database's dialect
     * @param codec serialises metadata
     * @param table the audit table
     */
    public EventWriter(SqlDialect dialect, AuditEventCodec codec, TableName table) {
        this.dialect = dialect;
        this.codec = codec;
        this.insertSql = dialect.insertSql(table);
        this.batchInsert = dialect.batchInsert(table);
        this.insertReturningSql = dialect.insertReturningSql(table);
        this.rows = new EventRowMapper(dialect, codec);
        this.pipelinedInsert = dialect.pipelinesStatements() ? new PipelinedSavepoint(insertSql) : null;
    }

    /**
     * Stores the events, joining the caller's transaction or running in one of its own.
     *
     * @param connection a connection borrowed for this call; not closed here
     * @param events the batch
     * @param inCallerTransaction whether the connection belongs to the caller's transaction,
     *        which is joined and never committed or rolled back here
     * @throws SQLException when the batch fails; an owned transaction has been rolled back
     */
    public void write(Connection connection, List<AuditEvent> events, boolean inCallerTransaction) throws SQLException {
        if (inCallerTransaction && pipelinedInsert != null && events.size() == 1) {
            AuditEvent event = events.get(0);
            pipelinedInsert.run(connection, statement -> bind(statement, event));
        } else if (inCallerTransaction) {
            OwnTransaction.joinCallers(connection, c -> insert(c, events));
        } else {
            OwnTransaction.run(connection, c -> insert(c, events));
        }
    }

    /**
     * Whether {@link #writeReturning} is available: the database returns the row an insert stored.
     *
     * @return {@code true} on PostgreSQL
     */
    public boolean returnsStoredRow() {
        return insertReturningSql != null;
    }

    /**
     * Stores one event unless its id is stored already and returns the row as stored, in the
     * same statement. Same transaction rule as {@link #write}; a single statement on a
     * connection in auto-commit mode is its own transaction, so it needs no explicit commit.
     *
     * @param connection a connection borrowed for this call; not closed here
     * @param event the event
     * @param inCallerTransaction whether the connection belongs to the caller's transaction
     * @return the event as stored, or empty when its id was already stored and nothing was written
     * @throws SQLException when the insert fails
     * @throws IllegalStateException unless {@link #returnsStoredRow()}
     */
    public Optional<AuditEvent> writeReturning(Connection connection, AuditEvent event, boolean inCallerTransaction)
            throws SQLException {
        if (insertReturningSql == null) {
            throw new IllegalStateException("the database cannot return an inserted row");
        }
        if (inCallerTransaction) {
            // joinCallers hands back no result; the row is carried out of the work this way.
            AtomicReference<Optional<AuditEvent>> stored = new AtomicReference<>();
            OwnTransaction.joinCallers(connection, c -> {
                stored.set(insertReturning(c, event));
                return null;
            });
            return stored.get();
        }
        if (connection.getAutoCommit()) {
            return insertReturning(connection, event);
        }
        return OwnTransaction.run(connection, c -> insertReturning(c, event));
    }

    private Optional<AuditEvent> insertReturning(Connection connection, AuditEvent event) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(insertReturningSql)) {
            EventColumns.bind(statement, dialect, codec, event);
            dialect.bindInsertExtras(statement, event.id());
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(rows.map(row).event()) : Optional.empty();
            }
        }
    }

    private Void insert(Connection connection, List<AuditEvent> events) throws SQLException {
        if (batchInsert != null && events.size() > 1 && batchInsert.insert(connection, codec, events)) {
            return null;
        }
        try (PreparedStatement statement = connection.prepareStatement(insertSql)) {
            for (AuditEvent event : events) {
                bind(statement, event);
                statement.addBatch();
            }
            statement.executeBatch();
        }
        return null;
    }

    private void bind(PreparedStatement statement, AuditEvent event) throws SQLException {
        EventColumns.bind(statement, dialect, codec, event);
        dialect.bindInsertExtras(statement, event.id());
    }
}
