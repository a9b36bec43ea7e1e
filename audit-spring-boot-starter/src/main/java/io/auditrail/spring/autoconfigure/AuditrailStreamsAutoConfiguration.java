package io.auditrail.spring.autoconfigure;

import io.auditrail.core.stream.StreamMonitor;
import io.auditrail.core.stream.StreamService;
import io.auditrail.jdbc.JdbcAuditStore;
import io.auditrail.jdbc.stream.JdbcStreams;
import io.auditrail.spring.internal.streams.MicrometerStreamMonitor;
import io.auditrail.spring.internal.streams.StreamDelivery;
import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Log streams for {@code auditrail.streams.enabled=true}: each organisation's admins stream its
 * trail from the JDBC store's table to their own destinations. The stream tables live on the
 * application's {@code DataSource}; this instance's deliverers start with the context (unless
 * {@code auditrail.streams.delivery-enabled=false}) and share the streams with other instances
 * by lease. The endpoints are {@link AuditrailStreamsWebAutoConfiguration}'s.
 */
@AutoConfiguration(after = {AuditrailJdbcAutoConfiguration.class, AuditrailMetricsAutoConfiguration.class},
        afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(JdbcStreams.class)
@ConditionalOnBean({DataSource.class, JdbcAuditStore.class})
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnBooleanProperty(name = "auditrail.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "auditrail.streams.enabled")
@EnableConfigurationProperties(AuditrailStreamsProperties.class)
public final class AuditrailStreamsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @DependsOnDatabaseInitialization
    JdbcStreams auditStreams(DataSource dataSource, AuditrailStreamsProperties streams, AuditrailProperties properties,
            ObjectProvider<StreamMonitor> monitor) {
        AuditrailProperties.Jdbc jdbc = properties.getJdbc();
        return JdbcStreams.builder(dataSource, streams.toSettings())
                .eventsTableName(jdbc.getTableName())
                .streamsTableName(streams.getTableName())
                .initializeSchema(jdbc.getInitializeSchema())
                .monitor(monitor.getIfAvailable(() -> StreamMonitor.NONE))
                .build();
    }

    @Bean
    @ConditionalOnMissingBean
    StreamService auditStreamService(JdbcStreams streams) {
        return streams.service();
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "auditrail.streams.delivery-enabled", matchIfMissing = true)
    StreamDelivery auditStreamDelivery(JdbcStreams streams) {
        return new StreamDelivery(streams);
    }

    /** Delivered, failed and lag per stream, when Micrometer is there. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnBean(MeterRegistry.class)
    static class Meters {

        @Bean
        @ConditionalOnMissingBean(StreamMonitor.class)
        MicrometerStreamMonitor auditStreamMonitor(MeterRegistry registry) {
            return new MicrometerStreamMonitor(registry);
        }
    }
}
