package io.auditrail.jdbc.internal.query;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.store.AuditCursor;

/**
 * An event as read from the table, with the insertion sequence the store assigned.
 *
 * @param event the event
 * @param sequence the row's {@code seq}
 */
public record StoredEvent(AuditEvent event, long sequence) {

    /**
     * The keyset position just after this event.
     *
     * @return a cursor for the next page
     */
    public AuditCursor cursor() {
        return new AuditCursor(event.timestamp(), sequence);
    }
}
