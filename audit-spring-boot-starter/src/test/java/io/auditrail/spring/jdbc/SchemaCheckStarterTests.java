package io.auditrail.spring.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.auditrail.core.capture.InvocationAuditor;
import io.auditrail.jdbc.JdbcAuditStore;
import io.auditrail.jdbc.contract.H2Config;
import io.auditrail.jdbc.outbox.JdbcOutbox;
import io.auditrail.jdbc.schema.SchemaValidationException;
import io.auditrail.spring.autoconfigure.AuditrailAutoConfiguration;
import io.auditrail.spring.autoconfigure.AuditrailChainAutoConfiguration;
import io.auditrail.spring.autoconfigure.AuditrailJdbcAutoConfiguration;
import io.auditrail.spring.autoconfigure.AuditrailMetricsAutoConfiguration;
import io.auditrail.spring.autoconfigure.AuditrailOutboxAutoConfiguration;
import io.auditrail.spring.fixtures.PaymentService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The start-up schema check through the starter, on a real H2: a missing table or column stops
 * the context with a message naming the table and the DDL; {@code auditrail.jdbc.validate-schema=false}
 * lets it start, and then a write to the missing table is a counted, logged failure.
 */
class SchemaCheckStarterTests {

    private final DataSource dataSource = H2Config.INSTANCE.dataSource();
    private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final String table = "audit_" + suffix;

    private ApplicationContextRunner runner() {
        new JdbcTemplate(dataSource).execute("create table if not exists payments_" + suffix + " (id varchar(36) primary key)");
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class,
                        DataSourceTransactionManagerAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
                        TransactionAutoConfiguration.class, AuditrailChainAutoConfiguration.class,
                        AuditrailJdbcAutoConfiguration.class, AuditrailOutboxAutoConfiguration.class,
                        AuditrailMetricsAutoConfiguration.class, AuditrailAutoConfiguration.class))
                .withBean(DataSource.class, () -> dataSource)
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean(PaymentService.class, () -> new PaymentService(new JdbcTemplate(dataSource), "payments_" + suffix))
                .withPropertyValues("auditrail.jdbc.table-name=" + table, "auditrail.jdbc.initialize-schema=never");
    }

    @Test
    void aMissingAuditTableStopsStartUpNamingTheTableAndTheDdl() {
        runner().run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(SchemaValidationException.class)
                    .hasMessageContaining("audit table " + table + " does not exist")
                    .hasMessageContaining("io/auditrail/jdbc/schema/v1/schema-h2.sql")
                    .hasMessageContaining("auditrail.jdbc.validate-schema=false");
        });
    }

    @Test
    void anAuditTableLackingAColumnStopsStartUpNamingTheColumn() {
        new JdbcTemplate(dataSource).execute("create table " + table + " (seq bigint primary key, event_id uuid,"
                + " occurred_at timestamp, organization_id varchar(255), actor_id varchar(255), actor_name varchar(255),"
                + " actor_email varchar(255), actor_type varchar(16), action varchar(255), resource_type varchar(255),"
                + " resource_id varchar(255), resource_name varchar(255), outcome varchar(16), error_type varchar(255),"
                + " error_message clob, ip varchar(255), user_agent varchar(255), request_id varchar(255))");
        try {
            runner().run(context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).rootCause().isInstanceOf(SchemaValidationException.class)
                        .hasMessageContaining("audit table " + table + " lacks column metadata.");
            });
        } finally {
            new JdbcTemplate(dataSource).execute("drop table " + table);
        }
    }

    @Test
    void theChainsTablesAreCheckedWhenTheChainIsOn() {
        runner().withPropertyValues("auditrail.jdbc.initialize-schema=embedded").run(created -> {
            assertThat(created).hasNotFailed();
        });
        try {
            runner().withPropertyValues("auditrail.chain.enabled=true",
                    "auditrail.chain.checkpoint-table-name=checkpoints_" + suffix).run(context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).rootCause().isInstanceOf(SchemaValidationException.class)
                        .hasMessageContaining("log leaves table " + table + "_leaves does not exist")
                        .hasMessageContaining("log nodes table " + table + "_nodes does not exist")
                        .hasMessageContaining("checkpoint table checkpoints_" + suffix + " does not exist")
                        .hasMessageContaining("io/auditrail/jdbc/schema/v1/chain-h2.sql");
            });
        } finally {
            new JdbcTemplate(dataSource).execute("drop table " + table);
        }
    }

    @Test
    void aMissingOutboxTableStopsStartUp() {
        runner().withPropertyValues("auditrail.sink=log", "auditrail.dispatch=outbox",
                "auditrail.outbox.table-name=outbox_" + suffix, "auditrail.outbox.initialize-schema=never",
                "auditrail.outbox.relay-enabled=false").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(SchemaValidationException.class)
                    .hasMessageContaining("outbox table outbox_" + suffix + " does not exist")
                    .hasMessageContaining("io/auditrail/jdbc/schema/v1/outbox-h2.sql")
                    .hasMessageContaining("auditrail.outbox.initialize-schema=always");
        });
    }

    @Test
    void withTheCheckOffAWriteToTheMissingTableIsCountedAndLoggedNotSilent() {
        // The test logging configuration silences the auditor's WARN; this test listens for it.
        Logger auditor = (Logger) LoggerFactory.getLogger(InvocationAuditor.class);
        Logger auditrail = (Logger) LoggerFactory.getLogger("io.auditrail");
        Level configured = auditor.getLevel();
        ListAppender<ILoggingEvent> warnings = new ListAppender<>();
        warnings.start();
        auditor.setLevel(Level.WARN);
        auditrail.addAppender(warnings);
        try {
            startWithoutTheCheckAndWriteOnce(warnings);
        } finally {
            auditrail.detachAppender(warnings);
            auditor.setLevel(configured);
        }
    }

    private void startWithoutTheCheckAndWriteOnce(ListAppender<ILoggingEvent> warnings) {
        runner().withPropertyValues("auditrail.jdbc.validate-schema=false", "auditrail.failure-policy=fail-open")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(JdbcAuditStore.class).doesNotHaveBean(JdbcOutbox.class);
                    PaymentService payments = context.getBean(PaymentService.class);

                    payments.capture("p-1");

                    assertThat(payments.payments()).as("fail-open keeps the business change").containsExactly("p-1");
                    assertThat(context.getBean(MeterRegistry.class).get("auditrail.capture.failures").counter().count())
                            .isEqualTo(1.0);
                    assertThat(warnings.list).filteredOn(e -> e.getLevel() == Level.WARN)
                            .anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("payment.captured"))
                            .anySatisfy(e -> assertThat(e.getFormattedMessage()
                                    + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage()))
                                    .containsIgnoringCase(table));
                });
    }
}
