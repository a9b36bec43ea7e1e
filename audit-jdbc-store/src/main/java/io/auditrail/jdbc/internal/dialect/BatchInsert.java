package io.auditrail.jdbc.internal.dialect;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.json.AuditEventCodec;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Stores a batch of events in one statement, for databases where that beats a JDBC batch of
 * single-row inserts. Same rule as {@link SqlDialect#insertSql}: an event id already stored,
 * or repeated within the batch, is silently skipped; the statement stores all the others or
 * none of them.
 */
public interface BatchInsert {

    /**
     * Inserts the events, unless this statement cannot carry one of them.
     *
     * @param connection the connection, in the transaction the writer chose
     * @param codec serialises the metadata
     * @param events the batch, in order
     * @return {@code false}, having written nothing, when the caller must use the JDBC batch instead
     * @throws SQLException from the driver
     */
    boolean insert(Connection connection, AuditEventCodec codec, List<AuditEvent> events) throws SQLException;
}
