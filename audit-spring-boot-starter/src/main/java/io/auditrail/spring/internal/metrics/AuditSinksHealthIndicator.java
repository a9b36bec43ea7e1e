package io.auditrail.spring.internal.metrics;

import io.auditrail.core.dispatch.AuditSinkDispatchers;
import io.auditrail.core.internal.metrics.SinkHealth;
import io.auditrail.core.internal.metrics.SinkHealthTracker;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Down when a sink's latest write failed or its queue holds more than the threshold;
 * reports each sink's state and backlog (core's {@link SinkHealth}).
 */
public final class AuditSinksHealthIndicator extends AbstractHealthIndicator {

    private final SinkHealthTracker tracker;
    private final AuditSinkDispatchers dispatchers;
    private final int maxQueueDepth;

    /**
     * Creates the indicator.
     *
     * @param tracker latest write results
     * @param dispatchers the sinks and their queues
     * @param maxQueueDepth backlog above which a sink is down
     */
    public AuditSinksHealthIndicator(SinkHealthTracker tracker, AuditSinkDispatchers dispatchers, int maxQueueDepth) {
        super("Audit sink health check failed");
        this.tracker = tracker;
        this.dispatchers = dispatchers;
        this.maxQueueDepth = maxQueueDepth;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        SinkHealth health = SinkHealth.of(tracker, dispatchers, maxQueueDepth);
        health.details().forEach(builder::withDetail);
        if (health.up()) {
            builder.up();
        } else {
            builder.down();
        }
    }
}
