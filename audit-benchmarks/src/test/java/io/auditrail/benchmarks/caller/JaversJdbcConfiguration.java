package io.auditrail.benchmarks.caller;

import javax.sql.DataSource;
import org.javers.core.Javers;
import org.javers.core.JaversBuilder;
import org.javers.repository.sql.DialectName;
import org.javers.repository.sql.JaversSqlRepository;
import org.javers.repository.sql.SqlRepositoryBuilder;
import org.javers.spring.auditable.EmptyPropertiesProvider;
import org.javers.spring.auditable.MockAuthorProvider;
import org.javers.spring.auditable.aspect.JaversAuditableAspect;
import org.javers.spring.transactions.JaversTransactionalDecorator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Variant (e): JaVers 7.9.0, wired as its {@code javers-spring-boot-starter-sql} would wire it,
 * because that starter cannot start on Spring Boot 4 (its auto-configuration names Boot 3's
 * {@code org.springframework.boot.autoconfigure.orm.jpa.JpaProperties}, which Boot 4 moved; the
 * context fails with "Could not find class [...JpaProperties]"). The beans match the starter's:
 * a {@link JaversSqlRepository} with schema management, a {@link Javers} whose commits are
 * {@code @Transactional}, and its {@link JaversAuditableAspect} with the unknown-author provider.
 * The one change: the starter takes its connection from Hibernate's session, this takes the
 * Spring transaction's JDBC connection, as a JDBC application has no Hibernate session.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("bench.javers")
class JaversJdbcConfiguration {

    @Bean
    JaversSqlRepository javersSqlRepository(DataSource dataSource, @Value("${bench.javers.dialect}") DialectName dialect) {
        return SqlRepositoryBuilder.sqlRepository()
                .withConnectionProvider(() -> DataSourceUtils.getConnection(dataSource))
                .withDialect(dialect)
                .withSchemaManagementEnabled(true)
                .build();
    }

    @Bean
    TransactionalJavers javers(JaversSqlRepository repository, PlatformTransactionManager transactions) {
        // Building checks and creates JaVers' tables, which needs a transaction's connection.
        Javers javers = new TransactionTemplate(transactions)
                .execute(status -> JaversBuilder.javers().registerJaversRepository(repository).build());
        return new TransactionalJavers(javers);
    }

    @Bean
    JaversAuditableAspect javersAuditableAspect(Javers javers) {
        return new JaversAuditableAspect(javers, new MockAuthorProvider(), new EmptyPropertiesProvider());
    }

    /** JaVers' own decorator, whose commit methods are {@code @Transactional}; Spring proxies it. */
    static class TransactionalJavers extends JaversTransactionalDecorator {

        TransactionalJavers(Javers delegate) {
            super(delegate);
        }
    }
}
