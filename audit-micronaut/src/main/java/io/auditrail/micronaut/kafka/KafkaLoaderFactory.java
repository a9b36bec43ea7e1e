package io.auditrail.micronaut.kafka;

import io.auditrail.core.config.AuditrailSettings;
import io.auditrail.jdbc.JdbcAuditStore;
import io.auditrail.kafka.KafkaAuditLoader;
import io.auditrail.kafka.KafkaClientFactory;
import io.auditrail.micronaut.config.AuditrailConfiguration;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;

/**
 * The loader for {@code auditrail.kafka.loader.enabled=true}: reads the topic into this
 * application's JDBC store from start-up until the context closes.
 */
@Factory
@Requires(property = "auditrail.enabled", notEquals = "false")
@Requires(property = "auditrail.kafka.loader.enabled", value = "true")
@Requires(classes = KafkaAuditLoader.class)
class KafkaLoaderFactory {

    /**
     * Eager, so a wrong setting or a missing store fails start-up; {@link KafkaLoaderStarter}
     * starts it once the context has started. Closed before the store and its data source,
     * which it depends on, so the batch in hand is stored and its offsets committed.
     */
    @Context
    @Bean(preDestroy = "close")
    @Requires(missingBeans = KafkaAuditLoader.class)
    KafkaAuditLoader kafkaAuditLoader(AuditrailConfiguration configuration, BeanProvider<JdbcAuditStore> store) {
        JdbcAuditStore target = store.find(null).orElseThrow(() -> new IllegalStateException(
                "auditrail.kafka.loader.enabled is true but there is no JDBC audit store to load into: add "
                        + "audit-jdbc-store and a DataSource, and keep jdbc in auditrail.sink (or leave it unset)"));
        AuditrailSettings.Kafka kafka = configuration.getKafka();
        AuditrailSettings.KafkaLoader loader = kafka.getLoader();
        return KafkaClientFactory.loader(kafka.getBootstrapServers(), kafka.getTopic(), loader.getGroupId(),
                loader.getPollTimeout(), kafka.getConsumer(), target, "auditrail.kafka.loader.enabled is true");
    }
}
