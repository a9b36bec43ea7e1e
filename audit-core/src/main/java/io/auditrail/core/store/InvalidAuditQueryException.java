package io.auditrail.core.store;

import io.auditrail.core.AuditrailException;

/**
 * Thrown when a query, a cursor or an export request is malformed. The message names the
 * parameter and the rule, so a read endpoint can pass it to the caller as a 400 response.
 */
public class InvalidAuditQueryException extends AuditrailException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the parameter and the rule it breaks
     */
    public InvalidAuditQueryException(String message) {
        super(message);
    }
}
