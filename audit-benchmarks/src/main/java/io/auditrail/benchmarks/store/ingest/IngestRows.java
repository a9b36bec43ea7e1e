package io.auditrail.benchmarks.store.ingest;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.json.AuditEventCodec;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The events, and the same events as ready-made column values for the baselines. The
 * baselines get their values (metadata JSON included) for free, outside the timing: they
 * stand for the raw limit, so the store's ratio includes all of its own work.
 *
 * @param events the events, in insertion order
 * @param columns for each event the 18 values of the store's insert columns, in order
 */
record IngestRows(List<AuditEvent> events, List<Object[]> columns) {

    /** The insert column list shared by the baselines; it matches the store's. */
    static final String COLUMNS = "event_id, occurred_at, organization_id, actor_id, actor_name, actor_email,"
            + " actor_type, action, resource_type, resource_id, resource_name, outcome, error_type, error_message,"
            + " ip, user_agent, request_id, metadata";
    /** Number of columns in {@link #COLUMNS}. */
    static final int COLUMN_COUNT = 18;

    static IngestRows of(List<AuditEvent> events) {
        AuditEventCodec codec = new AuditEventCodec();
        return new IngestRows(events, events.stream().map(event -> values(event, codec)).toList());
    }

    IngestRows first(int count) {
        return new IngestRows(events.subList(0, count), columns.subList(0, count));
    }

    int size() {
        return events.size();
    }

    private static Object[] values(AuditEvent event, AuditEventCodec codec) {
        return new Object[] {
            event.id(),
            OffsetDateTime.ofInstant(event.timestamp(), ZoneOffset.UTC),
            event.organizationId(),
            event.actor().id(),
            event.actor().name(),
            event.actor().email(),
            event.actor().type().wireName(),
            event.action(),
            event.resource().type(),
            event.resource().id(),
            event.resource().name(),
            event.outcome().status().wireName(),
            event.outcome().errorType(),
            event.outcome().errorMessage(),
            event.context().ip(),
            event.context().userAgent(),
            event.context().requestId(),
            event.metadata().isEmpty() ? null : codec.metadataToJson(event.metadata()),
        };
    }
}
