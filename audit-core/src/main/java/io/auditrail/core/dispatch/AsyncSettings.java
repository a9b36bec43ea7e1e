package io.auditrail.core.dispatch;

import java.time.Duration;

/**
 * Settings of the {@link AsyncDispatcher}.
 *
 * @param capacity most events queued in memory; these are lost if the JVM dies
 * @param batchSize most events per sink call
 * @param flushInterval longest wait for a batch to fill once its first event is queued
 * @param overflowPolicy what a full queue does to the caller
 * @param blockTimeout longest wait for room under {@link OverflowPolicy#BLOCK}
 * @param backoff waits between attempts of a failing batch
 * @param writers writer threads per sink, at most the capacity; more than one means a
 *        {@link ShardedAsyncDispatcher}, which keeps each organisation on one writer
 */
public record AsyncSettings(int capacity, int batchSize, Duration flushInterval, OverflowPolicy overflowPolicy,
        Duration blockTimeout, RetryBackoff backoff, int writers) {

    /** 10,000 queued, batches of 100 or every 200 ms, blocking up to 100 ms when full. */
    public static final AsyncSettings DEFAULTS = new AsyncSettings(10_000, 100, Duration.ofMillis(200),
            OverflowPolicy.BLOCK, Duration.ofMillis(100), RetryBackoff.DEFAULTS);

    /** Checks the ranges. */
    public AsyncSettings {
        if (capacity < 1 || batchSize < 1) {
            throw new IllegalArgumentException("capacity and batchSize must be positive but were "
                    + capacity + " and " + batchSize);
        }
        if (flushInterval.isNegative() || blockTimeout.isNegative()) {
            throw new IllegalArgumentException("flushInterval and blockTimeout must not be negative");
        }
        if (overflowPolicy == null || backoff == null) {
            throw new IllegalArgumentException("overflowPolicy and backoff are required");
        }
        if (writers < 1 || writers > capacity) {
            throw new IllegalArgumentException("writers must be between 1 and the capacity (" + capacity
                    + ") but was " + writers);
        }
    }

    /**
     * Settings with one writer thread.
     *
     * @param capacity most events queued in memory; these are lost if the JVM dies
     * @param batchSize most events per sink call
     * @param flushInterval longest wait for a batch to fill once its first event is queued
     * @param overflowPolicy what a full queue does to the caller
     * @param blockTimeout longest wait for room under {@link OverflowPolicy#BLOCK}
     * @param backoff waits between attempts of a failing batch
     */
    public AsyncSettings(int capacity, int batchSize, Duration flushInterval, OverflowPolicy overflowPolicy,
            Duration blockTimeout, RetryBackoff backoff) {
        this(capacity, batchSize, flushInterval, overflowPolicy, blockTimeout, backoff, 1);
    }
}
