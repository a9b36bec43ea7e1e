package io.auditrail.micronaut.metrics;

import io.auditrail.core.internal.metrics.MicrometerAuditMonitor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * The audit pipeline's meters on the application's {@code MeterRegistry} (micronaut-micrometer
 * provides one): core's {@link MicrometerAuditMonitor} counters and timers, under the starter's
 * names. The gauges are {@link AuditGaugeRegistration}'s.
 */
@Factory
@Requires(property = "auditrail.enabled", notEquals = "false")
@Requires(classes = MeterRegistry.class)
@Requires(beans = MeterRegistry.class)
class MetricsFactory {

    @Singleton
    @Requires(missingBeans = MicrometerAuditMonitor.class)
    MicrometerAuditMonitor micrometerAuditMonitor(MeterRegistry registry) {
        return new MicrometerAuditMonitor(registry);
    }
}
