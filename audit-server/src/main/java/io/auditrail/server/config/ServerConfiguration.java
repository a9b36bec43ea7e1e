package io.auditrail.server.config;

import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.validation.AuditEventValidator;
import io.auditrail.jdbc.JdbcAuditStore;
import io.auditrail.server.ingest.EventIngestion;
import io.auditrail.server.ingest.EventRequestParser;
import io.auditrail.server.ingest.MonthlyQuota;
import io.auditrail.server.retention.PlanRetentionJob;
import io.auditrail.server.tenant.ApiKeySecrets;
import io.auditrail.server.tenant.Plan;
import io.auditrail.server.tenant.Plans;
import io.auditrail.server.tenant.ServerSchema;
import io.auditrail.server.tenant.ServerTables;
import io.auditrail.server.tenant.TenantDirectory;
import io.auditrail.spring.autoconfigure.AuditrailProperties;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The server's services on the starter's {@link JdbcAuditStore}: plans, organisations and
 * keys, the monthly quota, ingestion, and plan retention.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditServerProperties.class)
public class ServerConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock auditServerClock() {
        return Clock.systemUTC();
    }

    @Bean
    Plans auditServerPlans(AuditServerProperties properties) {
        List<Plan> plans = properties.effectivePlans().entrySet().stream()
                .map(entry -> new Plan(entry.getKey(), entry.getValue().getMonthlyEvents(), entry.getValue().getRetention()))
                .toList();
        return new Plans(plans, properties.getDefaultPlan());
    }

    /** The names, with the tables created first when so configured, so every user of the names finds them. */
    @Bean
    ServerTables auditServerTables(DataSource dataSource, AuditServerProperties properties) {
        ServerTables tables = ServerTables.withPrefix(properties.getTablePrefix());
        if (properties.isInitializeSchema()) {
            new ServerSchema(dataSource, tables).create();
        }
        return tables;
    }

    @Bean
    TenantDirectory tenantDirectory(JdbcClient jdbc, TransactionTemplate transactions, ServerTables tables, Plans plans,
            Clock clock) {
        return new TenantDirectory(jdbc, transactions, tables, plans, new ApiKeySecrets(), clock);
    }

    @Bean
    MonthlyQuota monthlyQuota(JdbcClient jdbc, ServerTables tables, Clock clock) {
        return new MonthlyQuota(jdbc, tables, clock);
    }

    @Bean
    EventRequestParser eventRequestParser(AuditEventCodec codec) {
        return new EventRequestParser(codec);
    }

    @Bean
    EventIngestion eventIngestion(JdbcAuditStore store, AuditrailProperties auditrail, AuditEventCodec codec,
            MonthlyQuota quota, Clock clock) {
        return new EventIngestion(store, new AuditEventValidator(auditrail.getLimits().toAuditLimits(), codec), quota,
                clock);
    }

    @Bean
    @ConditionalOnWebApplication
    PlanRetentionJob planRetentionJob(JdbcAuditStore store, TenantDirectory directory, Clock clock,
            AuditServerProperties properties) {
        return new PlanRetentionJob(store, directory, clock, properties.getRetentionInterval());
    }
}
