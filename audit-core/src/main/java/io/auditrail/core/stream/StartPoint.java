package io.auditrail.core.stream;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where a new stream starts reading the organisation's trail.
 *
 * @param backfillFrom the oldest event time to deliver, or {@code null} to start with events
 *        recorded after the stream is created
 */
public record StartPoint(@Nullable Instant backfillFrom) {

    private static final StartPoint NOW = new StartPoint(null);

    /**
     * Starts after the newest event stored when the stream is created.
     *
     * @return the start point
     */
    public static StartPoint now() {
        return NOW;
    }

    /**
     * Delivers stored events from this time on, then everything newer.
     *
     * @param from oldest event time to deliver
     * @return the start point
     */
    public static StartPoint backfillFrom(Instant from) {
        if (from == null) {
            throw new InvalidStreamException("backfill start must be a time");
        }
        return new StartPoint(from);
    }

    /**
     * Whether the stream starts now rather than with a backfill.
     *
     * @return {@code true} for {@link #now()}
     */
    public boolean isNow() {
        return backfillFrom == null;
    }
}
