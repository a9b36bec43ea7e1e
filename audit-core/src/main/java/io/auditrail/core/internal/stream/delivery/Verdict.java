package io.auditrail.core.internal.stream.delivery;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What one attempt means for the batch.
 *
 * @param kind delivered, retry, pause or refused
 * @param status the HTTP status, or 0 when no answer came
 * @param detail the error shown in health, or {@code null} when delivered
 * @param retryAfter the receiver's {@code Retry-After}, or {@code null}
 */
public record Verdict(Kind kind, int status, @Nullable String detail, @Nullable Duration retryAfter) {

    /** The kinds of verdict. */
    public enum Kind {
        /** The receiver accepted the batch: advance the cursor. */
        DELIVERED,
        /** A passing failure: retry the same batch after a backoff. */
        RETRY,
        /** The receiver refused our credentials: pause the stream until an admin resumes it. */
        PAUSE,
        /** The receiver refused the batch for good: record its range and move past it. */
        REFUSED
    }
}
