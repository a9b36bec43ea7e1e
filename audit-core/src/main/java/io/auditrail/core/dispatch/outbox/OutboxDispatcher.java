package io.auditrail.core.dispatch.outbox;

import io.auditrail.core.dispatch.AuditDispatcher;
import io.auditrail.core.event.AuditEvent;
import java.util.List;
import java.util.Objects;

/**
 * Appends each event to an {@link Outbox} on the caller's thread, in the caller's transaction
 * when there is one; an {@link OutboxRelay} delivers it later. A failure to append reaches the
 * caller, so that a change is never committed without its event.
 */
public final class OutboxDispatcher implements AuditDispatcher {

    private final Outbox outbox;
    private final String destination;

    /**
     * Creates the dispatcher.
     *
     * @param outbox where events wait
     * @param destination the name of the sink the relay delivers to
     */
    public OutboxDispatcher(Outbox outbox, String destination) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.destination = Objects.requireNonNull(destination, "destination");
    }

    @Override
    public void dispatch(AuditEvent event) {
        outbox.append(destination, List.of(event));
    }
}
