package io.auditrail.core.spi;

/**
 * A sink could not store a batch.
 */
public class AuditSinkException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    /**
     * Creates the exception.
     *
     * @param message what went wrong
     * @param cause the underlying error, or {@code null}
     * @param retryable whether the same batch may succeed later (a timeout, an outage) as
     *        opposed to being refused for good (invalid data, bad credentials)
     */
    public AuditSinkException(String message, Throwable cause, boolean retryable) {
        super(message, cause);
        this.retryable = retryable;
    }

    /**
     * Whether trying the same batch again can succeed.
     *
     * @return {@code true} for transient failures
     */
    public boolean isRetryable() {
        return retryable;
    }
}
