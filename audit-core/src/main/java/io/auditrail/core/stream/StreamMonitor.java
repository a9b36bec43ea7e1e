package io.auditrail.core.stream;

import java.time.Duration;

/**
 * Receives the deliverers' measurements; the framework modules back it with Micrometer
 * ({@code auditrail.streams.delivered}, {@code auditrail.streams.failed},
 * {@code auditrail.streams.lag}), tagged by organisation and stream. Called from delivery
 * threads; implementations must be thread-safe and must not throw.
 */
public interface StreamMonitor {

    /** Records nothing. */
    StreamMonitor NONE = new StreamMonitor() {
    };

    /**
     * A batch was accepted by the receiver.
     *
     * @param organizationId the stream's organisation
     * @param streamId the stream
     * @param events events in the batch
     */
    default void delivered(String organizationId, String streamId, int events) {
    }

    /**
     * A batch was refused for good and skipped.
     *
     * @param organizationId the stream's organisation
     * @param streamId the stream
     * @param events events in the batch
     */
    default void failed(String organizationId, String streamId, int events) {
    }

    /**
     * An attempt failed and will be retried (or the stream was paused after a 401/403).
     *
     * @param organizationId the stream's organisation
     * @param streamId the stream
     * @param status the HTTP status, or 0 when no answer came
     */
    default void attemptFailed(String organizationId, String streamId, int status) {
    }

    /**
     * The stream's lag after a read of the trail.
     *
     * @param organizationId the stream's organisation
     * @param streamId the stream
     * @param lag age of the oldest event not yet delivered; zero when none waits
     */
    default void lag(String organizationId, String streamId, Duration lag) {
    }
}
