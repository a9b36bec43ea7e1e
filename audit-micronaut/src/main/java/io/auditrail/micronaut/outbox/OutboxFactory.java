package io.auditrail.micronaut.outbox;

import io.auditrail.core.dispatch.outbox.Outbox;
import io.auditrail.core.dispatch.outbox.OutboxRelay;
import io.auditrail.core.dispatch.outbox.OutboxRelaySettings;
import io.auditrail.core.spi.AuditMonitor;
import io.auditrail.jdbc.dialect.H2WriteDelayCheck;
import io.auditrail.jdbc.outbox.JdbcOutbox;
import io.auditrail.micronaut.config.AuditrailConfiguration;
import io.auditrail.core.internal.wiring.AuditSinks;
import io.auditrail.micronaut.jdbc.CallerTransactions;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

/**
 * The durable outbox for {@code auditrail.dispatch=outbox}: the outbox table on the
 * application's {@code DataSource}, joined by appends inside a Micronaut transaction exactly
 * as the JDBC store joins it, and one relay per remote sink, started with the context.
 */
@Factory
@Requires(property = "auditrail.enabled", notEquals = "false")
@Requires(property = "auditrail.dispatch", value = "outbox")
@Requires(classes = JdbcOutbox.class)
@Requires(beans = DataSource.class)
class OutboxFactory {

    private static final Duration RELAY_STOP_TIMEOUT = Duration.ofSeconds(10);

    /** Eager, so that a missing or outdated table stops start-up even on an instance that does not relay. */
    @Context
    @Requires(missingBeans = Outbox.class)
    JdbcOutbox auditOutbox(DataSource dataSource, AuditrailConfiguration configuration,
            BeanProvider<CallerTransactions> transactions) {
        AuditrailConfiguration.Outbox outbox = configuration.getOutbox();
        CallerTransactions caller = transactions.find(null).orElse(CallerTransactions.NONE);
        H2WriteDelayCheck.warnIfDelayed(dataSource, "outbox");
        return JdbcOutbox.builder(caller.connections(dataSource))
                .joinCallerTransactionsWhen(caller::active)
                .tableName(outbox.getTableName())
                .initializeSchema(outbox.getInitializeSchema())
                .validateSchema(configuration.getJdbc().isValidateSchema())
                .build();
    }

    /** Eager, so that events left by an earlier run are delivered without waiting for a first audited call. */
    @Context
    @Bean(preDestroy = "close")
    @Requires(property = "auditrail.outbox.relay-enabled", notEquals = "false")
    @Requires(missingBeans = OutboxRelays.class)
    OutboxRelays auditOutboxRelays(Outbox outbox, AuditSinks sinks, List<AuditMonitor> monitors,
            AuditrailConfiguration configuration) {
        OutboxRelaySettings settings = configuration.getOutbox().toRelaySettings();
        AuditMonitor monitor = AuditMonitor.of(monitors);
        return OutboxRelays.start(sinks.relayed().stream()
                .map(sink -> new OutboxRelay(outbox, sink, settings, monitor)).toList(), RELAY_STOP_TIMEOUT);
    }
}
