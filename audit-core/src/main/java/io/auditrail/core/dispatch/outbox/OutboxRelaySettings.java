package io.auditrail.core.dispatch.outbox;

import io.auditrail.core.dispatch.RetryBackoff;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of an {@link OutboxRelay}.
 *
 * @param batchSize most entries claimed and written per sink call
 * @param pollInterval wait between claims once the backlog is empty
 * @param lease how long a claimed entry stays reserved after its relay last renewed it; the live
 *        relay renews it every third of the lease while its sink call runs, so a slow sink keeps
 *        its entries, and entries of a relay that died are claimed again at most this long after
 * @param backoff waits after failed attempts, per entry and for the relay as a whole
 * @param deliveredRetention how long delivered entries are kept before they are purged
 */
public record OutboxRelaySettings(int batchSize, Duration pollInterval, Duration lease, RetryBackoff backoff,
        Duration deliveredRetention) {

    /** Batches of 100, polling every second, 30-second leases, 1 s doubling to 5 min, delivered rows kept a day. */
    public static final OutboxRelaySettings DEFAULTS = new OutboxRelaySettings(100, Duration.ofSeconds(1),
            Duration.ofSeconds(30), new RetryBackoff(Duration.ofSeconds(1), Duration.ofMinutes(5), 2.0, 0.2),
            Duration.ofDays(1));

    /** Checks the ranges. */
    public OutboxRelaySettings {
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("outbox batch size must be between 1 and 10000 but was " + batchSize);
        }
        positive(pollInterval, "poll interval");
        positive(lease, "lease");
        positive(deliveredRetention, "delivered retention");
        Objects.requireNonNull(backoff, "backoff");
    }

    /**
     * How often a relay renews the leases of the batch in hand: a third of the lease, so two
     * renewals may fail or come late before the lease ends.
     *
     * @return the interval
     */
    public Duration leaseRenewalInterval() {
        Duration third = lease.dividedBy(3);
        return third.isZero() ? lease : third;
    }

    private static void positive(Duration value, String what) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("outbox " + what + " must be a positive duration but was " + value);
        }
    }
}
