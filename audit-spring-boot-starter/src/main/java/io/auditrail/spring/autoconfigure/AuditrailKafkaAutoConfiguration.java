package io.auditrail.spring.autoconfigure;

import io.auditrail.jdbc.JdbcAuditStore;
import io.auditrail.kafka.KafkaAuditLoader;
import io.auditrail.kafka.KafkaAuditSink;
import io.auditrail.kafka.KafkaClientFactory;
import io.auditrail.spring.internal.kafka.KafkaLoaderLifecycle;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The loader that copies the Kafka topic into this application's JDBC store for
 * {@code auditrail.kafka.loader.enabled=true}. The sink itself needs no configuration here:
 * audit-kafka registers it as an {@code AuditSinkProvider}, and the {@code auditSinks} bean creates
 * it when {@code auditrail.sink} lists kafka and closes it after the dispatcher has drained.
 *
 * <p>The loader's lifecycle and counter come with {@code auditrail.kafka.loader.enabled}: a
 * {@link KafkaAuditLoader} bean of the application's own replaces the starter's then, and is
 * started and closed with the context; without the property the application starts and closes
 * it itself.
 */
@AutoConfiguration(before = AuditrailAutoConfiguration.class)
@ConditionalOnClass(KafkaAuditSink.class)
@ConditionalOnBooleanProperty(name = "auditrail.enabled", matchIfMissing = true)
public final class AuditrailKafkaAutoConfiguration {

    /** The loader, for the service that owns the database every other service's events end in. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "auditrail.kafka.loader.enabled")
    static class Loader {

        /**
         * No destroy method: {@link KafkaLoaderLifecycle} closes the loader. Spring would otherwise
         * close it a second time, and after a first close that timed out on a slow batch the second
         * would wait as long again.
         */
        @Bean(destroyMethod = "")
        @ConditionalOnMissingBean
        KafkaAuditLoader kafkaAuditLoader(AuditrailProperties properties, ObjectProvider<JdbcAuditStore> store) {
            JdbcAuditStore target = store.getIfAvailable();
            if (target == null) {
                throw new IllegalStateException("auditrail.kafka.loader.enabled is true but there is no JdbcAuditStore "
                        + "to load into: add a single DataSource (spring-boot-starter-jdbc and a JDBC driver) and keep "
                        + "jdbc in auditrail.sink (or leave it unset), or define a JdbcAuditStore bean");
            }
            AuditrailProperties.Kafka kafka = properties.getKafka();
            AuditrailProperties.KafkaLoader loader = kafka.getLoader();
            return KafkaClientFactory.loader(kafka.getBootstrapServers(), kafka.getTopic(), loader.getGroupId(),
                    loader.getPollTimeout(), kafka.getConsumer(), target, "auditrail.kafka.loader.enabled is true");
        }

        @Bean
        @ConditionalOnMissingBean
        KafkaLoaderLifecycle kafkaAuditLoaderLifecycle(KafkaAuditLoader loader) {
            return new KafkaLoaderLifecycle(loader);
        }

        /** Events the loader has stored, as a counter: it only grows while the process lives. */
        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass(MeterBinder.class)
        static class Meters {

            @Bean
            @ConditionalOnMissingBean(name = "auditKafkaLoaderMeters")
            MeterBinder auditKafkaLoaderMeters(KafkaAuditLoader loader) {
                return registry -> FunctionCounter.builder("auditrail.kafka.loader.stored", loader,
                                KafkaAuditLoader::storedCount)
                        .description("Events the Kafka loader stored in the JDBC store (read again after a crash, counted again)")
                        .register(registry);
            }
        }
    }
}
