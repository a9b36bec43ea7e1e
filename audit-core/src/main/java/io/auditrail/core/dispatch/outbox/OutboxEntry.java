package io.auditrail.core.dispatch.outbox;

import io.auditrail.core.event.AuditEvent;
import java.util.Objects;

/**
 * One event in an {@link Outbox}, as claimed by a relay.
 *
 * @param key the outbox's own key of the entry
 * @param event the event
 * @param attempts failed attempts so far
 */
public record OutboxEntry(long key, AuditEvent event, int attempts) {

    /** Checks the values. */
    public OutboxEntry {
        Objects.requireNonNull(event, "event");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative but was " + attempts);
        }
    }
}
