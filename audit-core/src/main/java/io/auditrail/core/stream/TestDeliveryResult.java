package io.auditrail.core.stream;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The receiver's answer to one test event.
 *
 * @param delivered whether the receiver accepted it (a 2xx answer)
 * @param status the HTTP status, or 0 when no answer came (connection refused, timeout, refused address)
 * @param body the start of the answer's body, bounded and made printable; empty when none
 * @param error why no answer came or why it failed, or {@code null} when delivered
 * @param elapsed how long the attempt took
 */
public record TestDeliveryResult(boolean delivered, int status, String body, @Nullable String error, Duration elapsed) {

    /** Checks the values. */
    public TestDeliveryResult {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(elapsed, "elapsed");
    }
}
