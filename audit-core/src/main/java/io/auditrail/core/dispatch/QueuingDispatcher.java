package io.auditrail.core.dispatch;

/**
 * A dispatcher that holds events in memory until its writer threads hand them to the sink, such
 * as {@link AsyncDispatcher} and {@link ShardedAsyncDispatcher}. The depth feeds the
 * {@code auditrail.queue.depth} gauge and the health details; closing, like dispatching, goes
 * through {@link AuditDispatcher}.
 */
public interface QueuingDispatcher extends AuditDispatcher {

    /**
     * Events waiting to be written, for metrics and health.
     *
     * @return the number of queued events
     */
    int queueDepth();
}
