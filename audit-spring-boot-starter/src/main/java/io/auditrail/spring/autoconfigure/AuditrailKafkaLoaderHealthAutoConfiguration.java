package io.auditrail.spring.autoconfigure;

import io.auditrail.kafka.KafkaAuditLoader;
import io.auditrail.spring.internal.kafka.KafkaLoaderHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Actuator health of the Kafka loader, as the {@code auditrailKafkaLoader} component, whenever
 * there is a loader: it does not depend on the sinks' dispatcher nor on their health component.
 * Off with {@code management.health.auditrailkafkaloader.enabled=false}.
 */
@AutoConfiguration(after = AuditrailKafkaAutoConfiguration.class)
@ConditionalOnClass({HealthIndicator.class, KafkaAuditLoader.class})
@ConditionalOnBean(KafkaAuditLoader.class)
@ConditionalOnEnabledHealthIndicator("auditrailkafkaloader")
public final class AuditrailKafkaLoaderHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "auditrailKafkaLoaderHealthIndicator")
    KafkaLoaderHealthIndicator auditrailKafkaLoaderHealthIndicator(KafkaAuditLoader loader) {
        return new KafkaLoaderHealthIndicator(loader);
    }
}
