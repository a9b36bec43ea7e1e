package io.auditrail.jdbc.internal.query;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.jdbc.internal.dialect.SqlDialect;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * The mapping from an event to the columns of the audit table, in one place for the insert
 * and the selects.
 */
public final class EventColumns {

    /** The columns an insert sets, in parameter order; the store owns {@code seq} and the chain columns. */
    public static final String INSERTED = "event_id, occurred_at, organization_id, actor_id, actor_name, actor_email,"
            + " actor_type, action, resource_type, resource_id, resource_name, outcome, error_type, error_message,"
            + " ip, user_agent, request_id, metadata";

    /** The columns a select reads. */
    public static final String SELECTED = "seq, " + INSERTED;

    /** Every column the store reads or writes without the chain, for the start-up schema check. */
    public static final List<String> REQUIRED = List.of(SELECTED.split(",\\s*"));

    private static final int INSERTED_COUNT = 18;

    private EventColumns() {
    }

    /**
     * The parameter list for {@link #INSERTED}.
     *
     * @param jsonParameter placeholder for the metadata column, from {@link SqlDialect#jsonParameter()}
     * @return seventeen {@code ?} and the JSON placeholder, comma-separated
     */
    public static String insertParameters(String jsonParameter) {
        return String.join(", ", Collections.nCopies(INSERTED_COUNT - 1, "?")) + ", " + jsonParameter;
    }

    /**
     * Binds one event to parameters 1 to 18 of an insert.
     *
     * @param statement the insert from {@link SqlDialect#insertSql}
     * @param dialect the database's dialect
     * @param codec serialises the metadata
     * @param event the event
     * @throws SQLException from the driver
     */
    public static void bind(PreparedStatement statement, SqlDialect dialect, AuditEventCodec codec, AuditEvent event)
            throws SQLException {
        dialect.bindUuid(statement, 1, event.id());
        dialect.bindInsertedTimestamp(statement, 2, event.timestamp());
        statement.setString(3, event.organizationId());
        statement.setString(4, event.actor().id());
        statement.setString(5, event.actor().name());
        statement.setString(6, event.actor().email());
        statement.setString(7, event.actor().type().wireName());
        statement.setString(8, event.action());
        statement.setString(9, event.resource().type());
        statement.setString(10, event.resource().id());
        statement.setString(11, event.resource().name());
        statement.setString(12, event.outcome().status().wireName());
        statement.setString(13, event.outcome().errorType());
        statement.setString(14, event.outcome().errorMessage());
        statement.setString(15, event.context().ip());
        statement.setString(16, event.context().userAgent());
        statement.setString(17, event.context().requestId());
        statement.setString(18, event.metadata().isEmpty() ? null : codec.metadataToJson(event.metadata()));
    }
}
