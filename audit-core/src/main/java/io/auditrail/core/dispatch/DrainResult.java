package io.auditrail.core.dispatch;

import io.auditrail.core.event.AuditEvent;
import java.util.List;

/**
 * What a dispatcher did with its pending events when it closed.
 *
 * @param delivered events written to the sink during the drain
 * @param undelivered events still pending at the deadline, oldest first; lost unless the caller keeps them
 */
public record DrainResult(int delivered, List<AuditEvent> undelivered) {

    /** Copies the list. */
    public DrainResult {
        undelivered = List.copyOf(undelivered);
    }

    /**
     * Whether every pending event was delivered.
     *
     * @return {@code true} when nothing is left over
     */
    public boolean isComplete() {
        return undelivered.isEmpty();
    }
}
