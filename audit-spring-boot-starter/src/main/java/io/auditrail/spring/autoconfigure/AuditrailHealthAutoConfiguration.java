package io.auditrail.spring.autoconfigure;

import io.auditrail.core.dispatch.AuditSinkDispatchers;
import io.auditrail.kafka.KafkaAuditLoader;
import io.auditrail.spring.kafka.KafkaLoaderHealthIndicator;
import io.auditrail.spring.metrics.AuditSinksHealthIndicator;
import io.auditrail.spring.metrics.SinkHealthTracker;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Actuator health of the audit sinks, as the {@code auditrail} component, and of the Kafka
 * loader, as {@code auditrailKafkaLoader}.
 */
@AutoConfiguration(after = {AuditrailAutoConfiguration.class, AuditrailKafkaAutoConfiguration.class})
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

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(KafkaAuditLoader.class)
    @ConditionalOnBean(KafkaAuditLoader.class)
    static class KafkaLoader {

        @Bean
        @ConditionalOnMissingBean(name = "auditrailKafkaLoaderHealthIndicator")
        KafkaLoaderHealthIndicator auditrailKafkaLoaderHealthIndicator(KafkaAuditLoader loader) {
            return new KafkaLoaderHealthIndicator(loader);
        }
    }
}
