package io.auditrail.client;

/** The API did not answer within the client's request timeout, after every retry the call allows. */
public final class AuditrailTimeoutException extends AuditrailClientException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what timed out
     * @param cause the JDK's timeout exception
     */
    public AuditrailTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
