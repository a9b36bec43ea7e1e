package io.auditrail.core.event;

import io.auditrail.core.AuditrailException;

/**
 * Thrown when an event, or the annotation or input it is built from, breaks a rule of
 * the event schema. The message names the field and the rule.
 */
public class InvalidAuditEventException extends AuditrailException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the field and the rule it breaks
     */
    public InvalidAuditEventException(String message) {
        super(message);
    }
}
