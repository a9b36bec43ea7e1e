package io.auditrail.client;

/**
 * A call to the audit-log API failed. Subclasses say how: an HTTP status the API answered
 * ({@link AuditrailApiException}), a timeout ({@link AuditrailTimeoutException}) or a connection
 * that could not be made or was lost ({@link AuditrailConnectionException}). Messages never hold
 * the API key.
 */
public class AuditrailClientException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed
     * @param cause the underlying failure, if any
     */
    public AuditrailClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
