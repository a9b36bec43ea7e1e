package io.auditrail.core.spi;

import io.auditrail.core.AuditrailException;
import io.auditrail.core.event.AuditEvent;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A sink could not store a batch, or some of its events.
 *
 * <p>{@link #rejections()} are events refused for good (invalid data, bad credentials):
 * they must not be retried and are kept as dead letters. For the rest of the batch,
 * {@link #isRetryable()} tells what happened: retryable means they must be tried again
 * (some may already be stored; event ids make the retry safe); not retryable means they
 * were stored when some events were rejected, or refused for good when none were.
 */
public class AuditSinkException extends AuditrailException {

    private static final long serialVersionUID = 1L;

    /**
     * An event the sink refused for good, and why.
     *
     * @param event the event
     * @param reason the sink's reason, for example the remote API's error message
     */
    public record Rejection(AuditEvent event, String reason) {
    }

    private final boolean retryable;
    private final transient @Nullable Duration retryAfter;
    private final transient List<Rejection> rejections;

    /**
     * Creates the exception for a whole batch.
     *
     * @param message what went wrong
     * @param cause the underlying error, or {@code null}
     * @param retryable whether the same batch may succeed later (a timeout, an outage) as
     *        opposed to being refused for good (invalid data, bad credentials)
     */
    public AuditSinkException(String message, @Nullable Throwable cause, boolean retryable) {
        this(message, cause, retryable, null, List.of());
    }

    /**
     * Creates the exception with a wait the remote asked for and per-event rejections.
     *
     * @param message what went wrong
     * @param cause the underlying error, or {@code null}
     * @param retryable whether the events not rejected must be tried again
     * @param retryAfter the shortest wait before a retry the remote asked for, or {@code null}
     * @param rejections events refused for good
     */
    public AuditSinkException(String message, @Nullable Throwable cause, boolean retryable,
            @Nullable Duration retryAfter, List<Rejection> rejections) {
        super(message, cause);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
        this.rejections = List.copyOf(rejections);
    }

    /**
     * Whether the events not rejected must be tried again.
     *
     * @return {@code true} for transient failures
     */
    public boolean isRetryable() {
        return retryable;
    }

    /**
     * The shortest wait before a retry that the remote asked for ({@code Retry-After}).
     *
     * @return the wait, or empty
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * Events refused for good.
     *
     * @return the rejections, possibly empty
     */
    public List<Rejection> rejections() {
        return rejections;
    }
}
