package io.auditrail.core.capture;

import io.auditrail.core.AuditrailException;

/**
 * An {@code @Audited} annotation cannot work: a malformed expression, a missing resource
 * id, an action not in dot notation. Thrown when the audited bean is created, so the
 * application fails at start-up; the message names the class, method and attribute.
 */
public class InvalidAuditConfigurationException extends AuditrailException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message every problem found, one per line
     */
    public InvalidAuditConfigurationException(String message) {
        super(message);
    }
}
