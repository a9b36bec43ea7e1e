package io.auditrail.core.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a stream's delivery is going.
 *
 * @param streamId the stream
 * @param state healthy, retrying, paused or failing
 * @param lagEvents the organisation's stored events not yet delivered (or skipped)
 * @param lag age of the oldest event not yet delivered; zero when none waits
 * @param lastError the last failure, for example {@code "HTTP 401 from receiver: ..."}, or {@code null}
 * @param lastErrorAt when it happened, or {@code null}
 * @param lastDeliveredAt when a batch was last accepted, or {@code null}
 * @param nextAttemptAt when the next retry is due while retrying, or {@code null}
 * @param delivered events accepted by the receiver since the stream was created
 * @param failed events in batches refused for good and skipped
 */
public record StreamHealth(String streamId, HealthState state, long lagEvents, Duration lag,
        @Nullable String lastError, @Nullable Instant lastErrorAt, @Nullable Instant lastDeliveredAt,
        @Nullable Instant nextAttemptAt, long delivered, long failed) {

    /** Checks the values. */
    public StreamHealth {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lag, "lag");
    }
}
