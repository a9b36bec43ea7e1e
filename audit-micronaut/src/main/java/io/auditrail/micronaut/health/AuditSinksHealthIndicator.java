package io.auditrail.micronaut.health;

import io.auditrail.core.dispatch.AuditSinkDispatchers;
import io.auditrail.core.internal.metrics.SinkHealth;
import io.auditrail.core.internal.metrics.SinkHealthTracker;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import org.reactivestreams.Publisher;

/**
 * The {@code auditrail} component of Micronaut's health endpoint: down when a sink's latest write
 * failed or its queue holds more than {@code auditrail.health.max-queue-depth}; each sink's state
 * and backlog as details (core's {@link SinkHealth}, as in the starter).
 */
public final class AuditSinksHealthIndicator implements HealthIndicator {

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
        this.tracker = tracker;
        this.dispatchers = dispatchers;
        this.maxQueueDepth = maxQueueDepth;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.just(result());
    }

    /**
     * The current health, without the reactive wrapper.
     *
     * @return the result named {@code auditrail}
     */
    public HealthResult result() {
        SinkHealth health = SinkHealth.of(tracker, dispatchers, maxQueueDepth);
        return HealthResult.builder("auditrail", health.up() ? HealthStatus.UP : HealthStatus.DOWN)
                .details(health.details())
                .build();
    }
}
