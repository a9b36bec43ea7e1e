package io.auditrail.micronaut.kafka;

import io.auditrail.core.config.AuditrailSettings;
import io.auditrail.kafka.KafkaAuditSink;
import io.auditrail.kafka.KafkaClientFactory;
import io.auditrail.micronaut.config.AuditrailConfiguration;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;

/**
 * The {@code kafka} sink, when {@code auditrail.sink} lists it and audit-kafka is present. It
 * is an {@code AuditSink} bean, so the dispatcher and the outbox relays reach it through
 * {@code AuditSinks} like the JDBC store; async dispatch unless {@code auditrail.dispatch} says
 * otherwise.
 */
@Factory
@Requires(property = "auditrail.enabled", notEquals = "false")
@Requires(classes = KafkaAuditSink.class)
@Requires(condition = KafkaSinkSelected.class)
public class KafkaSinkFactory {

    /**
     * Eager, so that a wrong {@code auditrail.kafka.*} setting fails start-up rather than the
     * first audited call. The dispatchers and relays depend on this bean, so the context closes
     * them first: the events they still hold are sent before the producer is closed.
     */
    @Context
    @Bean(preDestroy = "close")
    @Requires(missingBeans = KafkaAuditSink.class)
    KafkaAuditSink kafkaAuditSink(AuditrailConfiguration configuration) {
        AuditrailSettings.Kafka kafka = configuration.getKafka();
        return KafkaClientFactory.sink(kafka.getBootstrapServers(), kafka.getTopic(), kafka.getSendTimeout(),
                kafka.getProducer(), "auditrail.sink lists kafka");
    }
}
