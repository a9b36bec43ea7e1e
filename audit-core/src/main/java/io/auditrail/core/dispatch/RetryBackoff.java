package io.auditrail.core.dispatch;

import java.time.Duration;

/**
 * Capped exponential backoff with jitter: attempt {@code n} waits
 * {@code min(max, initial * multiplier^(n-1))}, reduced by up to {@code jitter} of itself
 * at random so that many clients do not retry in step.
 *
 * @param initial wait before the first retry
 * @param max longest wait
 * @param multiplier growth per attempt, at least 1
 * @param jitter fraction between 0 and 1 taken off at random
 */
public record RetryBackoff(Duration initial, Duration max, double multiplier, double jitter) {

    /** 100 ms doubling up to 30 s, with 20 % jitter. */
    public static final RetryBackoff DEFAULTS = new RetryBackoff(Duration.ofMillis(100), Duration.ofSeconds(30), 2.0, 0.2);

    /** Checks the ranges. */
    public RetryBackoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max but was " + initial + ", " + max);
        }
        if (multiplier < 1.0 || jitter < 0.0 || jitter > 1.0) {
            throw new IllegalArgumentException("backoff needs multiplier >= 1 and 0 <= jitter <= 1");
        }
    }

    /**
     * The wait before a retry.
     *
     * @param attempt 1 for the first retry
     * @param random a value in {@code [0, 1)}
     * @return the wait
     */
    public Duration delay(int attempt, double random) {
        double nanos = initial.toNanos() * Math.pow(multiplier, Math.max(0, attempt - 1));
        double capped = Math.min(nanos, max.toNanos());
        return Duration.ofNanos((long) (capped * (1.0 - jitter * random)));
    }
}
