package io.auditrail.spring.autoconfigure;

import io.auditrail.core.config.SinkType;
import io.auditrail.jdbc.JdbcAuditStore;
import io.auditrail.jdbc.JdbcAuditStoreBuilder;
import io.auditrail.jdbc.dialect.H2WriteDelayCheck;
import io.auditrail.jdbc.chain.JdbcAuditChain;
import io.auditrail.spring.jdbc.RetentionJob;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * The JDBC store on the application's {@code DataSource}, the default sink when both are
 * present. Connections come through a {@link TransactionAwareDataSourceProxy}, so a write
 * inside a Spring transaction uses that transaction's connection and commits or rolls
 * back with it. Created after Flyway, Liquibase or Boot's SQL initialisation have run
 * ({@link DependsOnDatabaseInitialization}), so the start-up schema check sees their tables.
 */
@AutoConfiguration(before = AuditrailAutoConfiguration.class, afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
        "org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration"})
@ConditionalOnClass({JdbcAuditStore.class, TransactionAwareDataSourceProxy.class})
@ConditionalOnBean(DataSource.class)
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnBooleanProperty(name = "auditrail.enabled", matchIfMissing = true)
@ConditionalOnSink(value = SinkType.JDBC, byDefault = true)
public final class AuditrailJdbcAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @DependsOnDatabaseInitialization
    JdbcAuditStore jdbcAuditStore(DataSource dataSource, AuditrailProperties properties,
            ObjectProvider<JdbcAuditChain> chain) {
        AuditrailProperties.Jdbc jdbc = properties.getJdbc();
        JdbcAuditStoreBuilder builder = JdbcAuditStore.builder(new TransactionAwareDataSourceProxy(dataSource))
                .joinCallerTransactionsWhen(DataSourceTransactions.holding(dataSource))
                .tableName(jdbc.getTableName())
                .initializeSchema(jdbc.getInitializeSchema())
                .validateSchema(jdbc.isValidateSchema());
        if (jdbc.getMonthlyEventLimit() != null) {
            builder.monthlyEventLimit(jdbc.getMonthlyEventLimit());
        }
        if (properties.getRetention() != null) {
            builder.retention(properties.getRetention());
        }
        builder.retentionOverrides(properties.getRetentionByOrganization());
        chain.ifAvailable(builder::chain);
        H2WriteDelayCheck.warnIfDelayed(dataSource, "JDBC sink");
        return builder.build();
    }

    @Bean
    @ConditionalOnMissingBean
    RetentionJob auditRetentionJob(JdbcAuditStore store, AuditrailProperties properties) {
        return new RetentionJob(store, properties.getJdbc().getPurgeInterval());
    }
}
