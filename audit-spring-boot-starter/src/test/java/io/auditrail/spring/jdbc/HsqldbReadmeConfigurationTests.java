package io.auditrail.spring.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.store.AuditQuery;
import io.auditrail.jdbc.JdbcAuditStore;
import io.auditrail.spring.autoconfigure.AuditrailAutoConfiguration;
import io.auditrail.spring.autoconfigure.AuditrailJdbcAutoConfiguration;
import io.auditrail.spring.fixtures.PaymentService;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An application on Boot's own HSQLDB {@code DataSource} (a Hikari pool, HSQLDB in its default
 * locking mode) with no {@code auditrail.*} setting at all, as the README's quick start leaves
 * it: the store is the sink, creates its table, passes its schema check and stores the call.
 */
class HsqldbReadmeConfigurationTests {

    @Test
    void startsWithNoAuditrailSettingsAndStoresTheAuditedCall() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, DataSourceAutoConfiguration.class,
                        DataSourceTransactionManagerAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
                        TransactionAutoConfiguration.class, AuditrailJdbcAutoConfiguration.class,
                        AuditrailAutoConfiguration.class))
                .withUserConfiguration(Payments.class)
                .withPropertyValues("spring.datasource.url=jdbc:hsqldb:mem:readme_" + UUID.randomUUID().toString().replace("-", ""),
                        "spring.datasource.username=SA")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(JdbcTemplate.class).queryForObject("SELECT DATABASE_VERSION() FROM (VALUES (0))",
                            String.class)).as("really HSQLDB").startsWith("2.");

                    context.getBean(PaymentService.class).capture("p-1");

                    List<AuditEvent> stored = context.getBean(JdbcAuditStore.class)
                            .query(AuditQuery.builder().build()).events();
                    assertThat(stored).singleElement().satisfies(event -> {
                        assertThat(event.action()).isEqualTo("payment.captured");
                        assertThat(event.resource().id()).isEqualTo("p-1");
                    });
                    assertThat(context.getBean(JdbcTemplate.class).queryForObject(
                            "SELECT COUNT(*) FROM audit_events", Long.class)).as("the default table").isEqualTo(1L);
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class Payments {

        @Bean
        PaymentService paymentService(JdbcTemplate jdbc) {
            return new PaymentService(jdbc);
        }
    }
}
