package io.auditrail.core.dispatch;

import io.auditrail.core.event.AuditEvent;
import java.time.Duration;
import java.util.List;

/**
 * Hands captured events to sinks: on the caller's thread, through a queue, or through a
 * transaction. Framework adapters may wrap a dispatcher to add transaction awareness.
 */
public interface AuditDispatcher extends AutoCloseable {

    /**
     * Hands over one event.
     *
     * @param event a validated event
     * @throws RuntimeException when the event cannot be accepted (sink failure in sync
     *         mode, a full queue under the fail policy, a closed dispatcher)
     */
    void dispatch(AuditEvent event);

    /**
     * Stops accepting events and delivers what is pending, giving up at the deadline.
     *
     * @param timeout how long to keep delivering
     * @return what was and was not delivered
     */
    default DrainResult close(Duration timeout) {
        return new DrainResult(0, List.of());
    }

    /** Closes with a 10-second deadline. */
    @Override
    default void close() {
        close(Duration.ofSeconds(10));
    }
}
