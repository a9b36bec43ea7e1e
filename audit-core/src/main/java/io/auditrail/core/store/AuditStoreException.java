package io.auditrail.core.store;

import io.auditrail.core.AuditrailException;

/** An {@link AuditStore} could not read or delete events, for example because the database is down. */
public class AuditStoreException extends AuditrailException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was being done
     * @param cause the underlying error
     */
    public AuditStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
