package io.auditrail.core.dispatch;

import io.auditrail.core.AuditrailException;

/**
 * The asynchronous dispatcher's queue had no room for an event.
 */
public class AuditQueueFullException extends AuditrailException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the queue's capacity and the event refused
     */
    public AuditQueueFullException(String message) {
        super(message);
    }
}
