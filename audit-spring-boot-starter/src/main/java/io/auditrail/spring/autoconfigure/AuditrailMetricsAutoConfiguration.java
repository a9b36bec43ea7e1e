package io.auditrail.spring.autoconfigure;

import io.auditrail.core.dispatch.AuditSinkDispatchers;
import io.auditrail.core.internal.metrics.AuditGauges;
import io.auditrail.core.internal.metrics.MicrometerAuditMonitor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer meters for the audit pipeline.
 */
@AutoConfiguration(before = AuditrailAutoConfiguration.class, afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = "auditrail.enabled", matchIfMissing = true)
public final class AuditrailMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MicrometerAuditMonitor micrometerAuditMonitor(MeterRegistry registry) {
        return new MicrometerAuditMonitor(registry);
    }

    @Bean
    MeterBinder auditQueueDepthMeters(ObjectProvider<AuditSinkDispatchers> dispatchers) {
        return registry -> dispatchers.ifAvailable(all -> AuditGauges.registerQueueDepths(registry, all));
    }
}
