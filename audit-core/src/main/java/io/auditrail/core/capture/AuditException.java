package io.auditrail.core.capture;

import io.auditrail.core.AuditrailException;

/**
 * An audit event could not be recorded and the failure policy is
 * {@link AuditFailurePolicy#FAIL_CLOSED}.
 */
public class AuditException extends AuditrailException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which event could not be recorded
     * @param cause why
     */
    public AuditException(String message, Throwable cause) {
        super(message, cause);
    }
}
