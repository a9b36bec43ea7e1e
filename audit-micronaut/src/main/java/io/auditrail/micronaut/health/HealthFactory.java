package io.auditrail.micronaut.health;

import io.auditrail.core.dispatch.AuditSinkDispatchers;
import io.auditrail.core.internal.metrics.SinkHealthTracker;
import io.auditrail.micronaut.metrics.HealthConfiguration;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.management.health.indicator.HealthIndicator;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The sinks' health for micronaut-management's health endpoint; off with
 * {@code endpoints.health.auditrail.enabled: false}, as Micronaut's own indicators are.
 */
@Factory
@Requires(property = "auditrail.enabled", notEquals = "false")
@Requires(classes = HealthIndicator.class)
@Requires(property = "endpoints.health.auditrail.enabled", notEquals = "false")
class HealthFactory {

    /** An audit monitor: every dispatcher reports its writes to it. */
    @Singleton
    SinkHealthTracker auditSinkHealthTracker() {
        return new SinkHealthTracker(Clock.systemUTC());
    }

    @Singleton
    @Requires(missingBeans = AuditSinksHealthIndicator.class)
    AuditSinksHealthIndicator auditrailHealthIndicator(SinkHealthTracker tracker, AuditSinkDispatchers dispatchers,
            HealthConfiguration configuration) {
        return new AuditSinksHealthIndicator(tracker, dispatchers, configuration.getMaxQueueDepth());
    }
}
