package io.auditrail.server.ingest;

import io.auditrail.core.event.AuditEvent;

/**
 * What a {@code POST /v1/events} did.
 *
 * @param event the event as stored
 * @param replayed {@code true} when the event was already stored under the same id and nothing was written
 */
public record IngestResult(AuditEvent event, boolean replayed) {
}
