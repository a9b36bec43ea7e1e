package io.auditrail.client;

/** The API could not be reached, or the connection broke, after every retry the call allows. */
public final class AuditrailConnectionException extends AuditrailClientException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed
     * @param cause the I/O failure
     */
    public AuditrailConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
