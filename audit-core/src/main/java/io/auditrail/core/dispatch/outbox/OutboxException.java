package io.auditrail.core.dispatch.outbox;

import io.auditrail.core.AuditrailException;

/** The outbox could not store or update entries, usually because its database failed. */
public class OutboxException extends AuditrailException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what could not be done
     * @param cause the underlying failure
     */
    public OutboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
