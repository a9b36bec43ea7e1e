package io.auditrail.server.tenant;

import java.time.Duration;

/**
 * A plan's allowance.
 *
 * @param name plan name, for example {@code free}
 * @param monthlyEvents events an organisation may store per calendar month, or {@code null} for no limit
 * @param retention how long events are kept, or {@code null} for ever
 */
public record Plan(String name, Long monthlyEvents, Duration retention) {

    /** Rejects negative allowances and non-positive retention. */
    public Plan {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a plan needs a name");
        }
        if (monthlyEvents != null && monthlyEvents < 0) {
            throw new IllegalArgumentException("plan '" + name + "': monthly-events must not be negative");
        }
        if (retention != null && (retention.isZero() || retention.isNegative())) {
            throw new IllegalArgumentException("plan '" + name + "': retention must be positive");
        }
    }

    /**
     * Retention in whole days, as the usage endpoint reports it.
     *
     * @return days, or {@code null} when events are kept for ever
     */
    public Long retentionDays() {
        return retention == null ? null : retention.toDays();
    }
}
