package io.auditrail.core.stream;

import io.auditrail.core.AuditrailException;

/** A stream operation failed for a reason other than bad input, for example the database is down. */
public class StreamException extends AuditrailException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed
     * @param cause the underlying failure
     */
    public StreamException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the exception.
     *
     * @param message what failed
     */
    public StreamException(String message) {
        super(message);
    }
}
