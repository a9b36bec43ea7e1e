package io.auditrail.spring.autoconfigure;

import io.auditrail.core.dispatch.RetryBackoff;
import io.auditrail.core.dispatch.outbox.Outbox;
import io.auditrail.core.dispatch.outbox.OutboxRelay;
import io.auditrail.core.dispatch.outbox.OutboxRelaySettings;
import io.auditrail.core.spi.AuditMonitor;
import io.auditrail.core.internal.metrics.AuditGauges;
import io.auditrail.core.internal.wiring.AuditSinks;
import io.auditrail.jdbc.dialect.H2WriteDelayCheck;
import io.auditrail.jdbc.outbox.JdbcOutbox;
import io.auditrail.spring.internal.outbox.OutboxRelays;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * The durable outbox for {@code auditrail.dispatch=outbox}: the outbox table on the
 * application's {@code DataSource}, joined by appends inside a Spring transaction exactly
 * when the JDBC store would join it, and one relay per remote sink, started with the context.
 */
@AutoConfiguration(before = AuditrailAutoConfiguration.class, afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
        "org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration"})
@ConditionalOnClass({JdbcOutbox.class, TransactionAwareDataSourceProxy.class})
@ConditionalOnBean(DataSource.class)
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnBooleanProperty(name = "auditrail.enabled", matchIfMissing = true)
@ConditionalOnProperty(name = "auditrail.dispatch", havingValue = "outbox")
public final class AuditrailOutboxAutoConfiguration {

    private static final Duration RELAY_STOP_TIMEOUT = Duration.ofSeconds(10);

    @Bean
    @ConditionalOnMissingBean(Outbox.class)
    @DependsOnDatabaseInitialization
    JdbcOutbox auditOutbox(DataSource dataSource, AuditrailProperties properties) {
        AuditrailProperties.Outbox outbox = properties.getOutbox();
        H2WriteDelayCheck.warnIfDelayed(dataSource, "outbox");
        return JdbcOutbox.builder(new TransactionAwareDataSourceProxy(dataSource))
                .joinCallerTransactionsWhen(DataSourceTransactions.holding(dataSource))
                .tableName(outbox.getTableName())
                .initializeSchema(outbox.getInitializeSchema())
                .validateSchema(properties.getJdbc().isValidateSchema())
                .build();
    }

    /** Relays every sink the outbox feeds: all but those writing in the application's own transaction. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "auditrail.outbox.relay-enabled", matchIfMissing = true)
    OutboxRelays auditOutboxRelays(Outbox outbox, AuditSinks sinks, ObjectProvider<AuditMonitor> monitors,
            AuditrailProperties properties) {
        OutboxRelaySettings settings = relaySettings(properties.getOutbox());
        AuditMonitor monitor = AuditMonitor.of(monitors.orderedStream().toList());
        return new OutboxRelays(sinks.relayed().stream().map(sink -> new OutboxRelay(outbox, sink, settings, monitor)).toList(),
                RELAY_STOP_TIMEOUT);
    }

    /** Backlog per relayed sink; each reading counts the sink's pending rows. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterBinder.class)
    static class Meters {

        @Bean
        @ConditionalOnMissingBean(name = "auditOutboxMeters")
        MeterBinder auditOutboxMeters(Outbox outbox, AuditSinks sinks) {
            return registry -> AuditGauges.registerOutboxPending(registry, outbox, sinks);
        }
    }

    private static OutboxRelaySettings relaySettings(AuditrailProperties.Outbox outbox) {
        RetryBackoff defaults = OutboxRelaySettings.DEFAULTS.backoff();
        return new OutboxRelaySettings(outbox.getBatchSize(), outbox.getPollInterval(), outbox.getLease(),
                new RetryBackoff(outbox.getRetryInitialBackoff(), outbox.getRetryMaxBackoff(), defaults.multiplier(),
                        defaults.jitter()), outbox.getDeliveredRetention());
    }
}
