package io.auditrail.micronaut.jdbc;

import io.auditrail.core.config.AuditrailSettings;
import io.auditrail.jdbc.JdbcAuditStore;
import io.auditrail.jdbc.chain.JdbcAuditChain;
import io.auditrail.jdbc.JdbcAuditStoreBuilder;
import io.auditrail.jdbc.dialect.H2WriteDelayCheck;
import io.auditrail.micronaut.config.AuditrailConfiguration;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import javax.sql.DataSource;

/**
 * The JDBC store on the application's single {@code DataSource}: the default sink when both
 * are present, and the read side. With a Micronaut transaction manager the store joins the
 * caller's transaction (see {@code TransactionalDispatch}). With the transparency log on, the
 * store appends to it and its retention purges through it.
 */
@Factory
@Requires(property = "auditrail.enabled", notEquals = "false")
@Requires(classes = JdbcAuditStore.class)
@Requires(beans = DataSource.class)
@Requires(condition = JdbcSinkSelected.class)
class JdbcStoreFactory {

    /** Eager, so that a missing or outdated table stops start-up instead of the first audited call. */
    @Context
    @Requires(missingBeans = JdbcAuditStore.class)
    JdbcAuditStore jdbcAuditStore(DataSource dataSource, AuditrailConfiguration configuration,
            BeanProvider<CallerTransactions> transactions, BeanProvider<JdbcAuditChain> chain) {
        AuditrailSettings.Jdbc jdbc = configuration.getJdbc();
        CallerTransactions caller = transactions.find(null).orElse(CallerTransactions.NONE);
        JdbcAuditStoreBuilder builder = JdbcAuditStore.builder(caller.connections(dataSource))
                .joinCallerTransactionsWhen(caller::active)
                .tableName(jdbc.getTableName())
                .initializeSchema(jdbc.getInitializeSchema())
                .validateSchema(jdbc.isValidateSchema());
        if (jdbc.getMonthlyEventLimit() != null) {
            builder.monthlyEventLimit(jdbc.getMonthlyEventLimit());
        }
        if (configuration.getRetention() != null) {
            builder.retention(configuration.getRetention());
        }
        builder.retentionOverrides(configuration.getRetentionByOrganization());
        chain.ifPresent(builder::chain);
        H2WriteDelayCheck.warnIfDelayed(dataSource, "JDBC sink");
        return builder.build();
    }

    @Singleton
    @Bean(preDestroy = "close")
    @Requires(missingBeans = RetentionJob.class)
    RetentionJob auditRetentionJob(JdbcAuditStore store, AuditrailConfiguration configuration,
            @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
        return RetentionJob.start(store, configuration.getJdbc().getPurgeInterval(), scheduler);
    }
}
