package io.auditrail.jdbc.internal.query;

import io.auditrail.core.event.Actor;
import io.auditrail.core.event.ActorType;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.Outcome;
import io.auditrail.core.event.RequestContext;
import io.auditrail.core.event.Resource;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.json.EventText;
import io.auditrail.jdbc.internal.dialect.SqlDialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Reads rows selected with {@link EventColumns#SELECTED} back into events.
 */
public final class EventRowMapper {

    private final SqlDialect dialect;
    private final AuditEventCodec codec;

    /**
     * Creates a mapper.
     *
     * @param dialect reads timestamps
     * @param codec parses metadata
     */
    public EventRowMapper(SqlDialect dialect, AuditEventCodec codec) {
        this.dialect = dialect;
        this.codec = codec;
    }

    /**
     * Maps the current row.
     *
     * @param row a result set positioned on a row
     * @return the event and its sequence
     * @throws SQLException from the driver
     */
    public StoredEvent map(ResultSet row) throws SQLException {
        Outcome.Status status = Outcome.Status.fromWireName(row.getString("outcome"));
        AuditEvent event = AuditEvent.builder()
                .id(UUID.fromString(row.getString("event_id")))
                .timestamp(dialect.readTimestamp(row, "occurred_at"))
                .organizationId(row.getString("organization_id"))
                .actor(new Actor(row.getString("actor_id"), row.getString("actor_name"), row.getString("actor_email"),
                        ActorType.fromWireName(row.getString("actor_type"))))
                .action(row.getString("action"))
                .resource(new Resource(row.getString("resource_type"), row.getString("resource_id"),
                        row.getString("resource_name")))
                .outcome(status == Outcome.Status.SUCCESS
                        ? Outcome.success()
                        : Outcome.failure(row.getString("error_type"), row.getString("error_message")))
                .context(new RequestContext(row.getString("ip"), row.getString("user_agent"),
                        row.getString("request_id")))
                .metadata(codec.metadataFromJson(row.getString("metadata")))
                .build();
        return new StoredEvent(event, row.getLong("seq"));
    }

    /**
     * Reads the current row's fields as stored, without building or validating an event: for
     * {@link AuditEventCodec#toCanonicalJson(EventText)}.
     *
     * @param row a result set positioned on a row
     * @return the fields
     * @throws SQLException from the driver
     */
    public EventText text(ResultSet row) throws SQLException {
        return new EventText(row.getString("event_id"), dialect.readTimestamp(row, "occurred_at"),
                row.getString("organization_id"), row.getString("actor_id"), row.getString("actor_name"),
                row.getString("actor_email"), row.getString("actor_type"), row.getString("action"),
                row.getString("resource_type"), row.getString("resource_id"), row.getString("resource_name"),
                row.getString("outcome"), row.getString("error_type"), row.getString("error_message"),
                row.getString("ip"), row.getString("user_agent"), row.getString("request_id"),
                row.getString("metadata"));
    }
}
