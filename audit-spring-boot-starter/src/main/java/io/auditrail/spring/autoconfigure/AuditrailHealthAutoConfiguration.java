package io.auditrail.spring.autoconfigure;

import io.auditrail.core.dispatch.AuditSinkDispatchers;
import io.auditrail.spring.internal.metrics.AuditSinksHealthIndicator;
import io.auditrail.core.internal.metrics.SinkHealthTracker;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Actuator health of the audit sinks, as the {@code auditrail} component. The Kafka loader's
 * is {@link AuditrailKafkaLoaderHealthAutoConfiguration}'s.
 */
@AutoConfiguration(after = AuditrailAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(AuditSinkDispatchers.class)
@ConditionalOnEnabledHealthIndicator("auditrail")
public final class AuditrailHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "auditrailHealthIndicator")
    AuditSinksHealthIndicator auditrailHealthIndicator(SinkHealthTracker tracker, AuditSinkDispatchers dispatchers,
            AuditrailProperties properties) {
        return new AuditSinksHealthIndicator(tracker, dispatchers, properties.getHealth().getMaxQueueDepth());
    }
}
