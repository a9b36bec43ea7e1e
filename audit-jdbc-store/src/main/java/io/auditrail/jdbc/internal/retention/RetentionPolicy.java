package io.auditrail.jdbc.internal.retention;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How long events are kept: a default for every organisation and overrides for some.
 *
 * @param defaultRetention how long to keep events, or {@code null} to keep them forever
 * @param overrides retention per organisation id, taking precedence over the default
 */
public record RetentionPolicy(Duration defaultRetention, Map<String, Duration> overrides) {

    /** A policy that keeps everything. */
    public static final RetentionPolicy KEEP_FOREVER = new RetentionPolicy(null, Map.of());

    /** Rejects zero or negative periods and copies the overrides. */
    public RetentionPolicy {
        if (defaultRetention != null) {
            requirePositive(defaultRetention, "retention");
        }
        overrides = Map.copyOf(overrides == null ? Map.of() : overrides);
        overrides.forEach((organization, period) -> requirePositive(period, "retention for '" + organization + "'"));
    }

    /**
     * The retention that applies to one organisation.
     *
     * @param organizationId the organisation, or {@code null}
     * @return its period, or empty when its events are kept forever
     */
    public Optional<Duration> retentionFor(String organizationId) {
        Duration override = organizationId == null ? null : overrides.get(organizationId);
        return Optional.ofNullable(override != null ? override : defaultRetention);
    }

    private static void requirePositive(Duration period, String what) {
        if (period == null || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException(what + " must be a positive duration but was " + period);
        }
    }
}
