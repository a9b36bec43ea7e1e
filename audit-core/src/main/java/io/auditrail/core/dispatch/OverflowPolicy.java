package io.auditrail.core.dispatch;

/**
 * What the asynchronous dispatcher does when its queue is full. No choice is silent: a
 * dropped event is logged and reported to the monitor; a refused one throws.
 */
public enum OverflowPolicy {
    /** Wait for room up to the configured timeout, then refuse with {@link AuditQueueFullException}. */
    BLOCK,
    /** Drop the new event at once; count it and log (WARN once a minute at most). */
    DROP,
    /** Refuse at once with {@link AuditQueueFullException}. */
    FAIL
}
