package io.auditrail.server.ingest;

/** Ingestion refused for a reason other than a malformed body; carries the HTTP status to answer. */
public class IngestRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final Long retryAfterSeconds;

    /**
     * Creates the exception.
     *
     * @param status HTTP status, for example 429
     * @param message the client-facing error
     * @param retryAfterSeconds value for a {@code Retry-After} header, or {@code null}
     */
    public IngestRefusedException(int status, String message, Long retryAfterSeconds) {
        super(message);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /**
     * The HTTP status to answer.
     *
     * @return the status code
     */
    public int status() {
        return status;
    }

    /**
     * Seconds the client should wait, when known.
     *
     * @return seconds, or {@code null}
     */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
