package io.auditrail.spring.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.core.capture.AuditException;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.store.AuditQuery;
import io.auditrail.jdbc.JdbcAuditStore;
import io.auditrail.spring.autoconfigure.AuditrailAutoConfiguration;
import io.auditrail.spring.autoconfigure.AuditrailJdbcAutoConfiguration;
import io.auditrail.core.dispatch.AuditSinkDispatchers;
import io.auditrail.spring.fixtures.PaymentService;
import io.auditrail.spring.internal.tx.TransactionAwareDispatcher;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The starter with the real JDBC store on a real database: the default sink and dispatch,
 * and the transaction rules end to end. Subclasses name the database.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class AbstractJdbcStoreStarterTests {

    protected abstract DataSource dataSource();

    protected abstract String schemaMode();

    private ApplicationContextRunner runner() {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        DataSource dataSource = dataSource();
        new JdbcTemplate(dataSource).execute("create table if not exists payments_" + suffix + " (id varchar(36) primary key)");
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class,
                        DataSourceTransactionManagerAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
                        TransactionAutoConfiguration.class, AuditrailJdbcAutoConfiguration.class,
                        AuditrailAutoConfiguration.class))
                .withBean(DataSource.class, () -> dataSource)
                .withBean(PaymentService.class, () -> new PaymentService(new JdbcTemplate(dataSource), "payments_" + suffix))
                .withPropertyValues("auditrail.jdbc.table-name=audit_" + suffix,
                        "auditrail.jdbc.initialize-schema=" + schemaMode());
    }

    private static List<AuditEvent> stored(ApplicationContext context) {
        return context.getBean(JdbcAuditStore.class).query(AuditQuery.builder().limit(100).build()).events();
    }

    private static List<String> summary(ApplicationContext context) {
        return stored(context).stream()
                .map(e -> e.action() + ":" + e.outcome().status().wireName() + ":" + e.resource().id() + ":"
                        + (e.outcome().errorType() == null ? "-" : e.outcome().errorType()))
                .sorted().toList();
    }

    @Test
    void theJdbcStoreIsTheDefaultSinkWithTransactionalDispatch() {
        runner().run(context -> assertThat(context.getBean(AuditSinkDispatchers.class).sinks()).singleElement()
                .satisfies(sink -> {
                    assertThat(sink.name()).isEqualTo("jdbc");
                    assertThat(sink.mode()).isEqualTo("transactional (in transaction)");
                }));
    }

    @Test
    void theStartupLineNamesTheJdbcSinkAndItsTable(CapturedOutput output) {
        runner().withPropertyValues("auditrail.jdbc.table-name=audit_startup_line").run(context -> assertThat(output)
                .contains("Auditrail is on: sink jdbc (transactional (in transaction)), table audit_startup_line, "
                        + "failure policy fail-open, transparency log off"));
    }

    @Test
    void committedChangeLeavesExactlyOneSuccessRow() {
        runner().run(context -> {
            PaymentService payments = context.getBean(PaymentService.class);

            payments.capture("p-1");

            assertThat(summary(context)).containsExactly("payment.captured:success:p-1:-");
            assertThat(payments.payments()).containsExactly("p-1");
        });
    }

    @Test
    void rolledBackChangeLeavesNoSuccessRowAndOneFailureRow() {
        runner().run(context -> {
            PaymentService payments = context.getBean(PaymentService.class);

            assertThatThrownBy(() -> payments.capture("bad-1")).isExactlyInstanceOf(IllegalStateException.class)
                    .hasMessage("card declined");

            assertThat(payments.payments()).isEmpty();
            assertThat(summary(context)).containsExactly("payment.captured:failure:bad-1:java.lang.IllegalStateException");
        });
    }

    @Test
    void outerRollbackTurnsTheSuccessIntoOneFailureRowWithTheSameId() {
        runner().run(context -> {
            PaymentService payments = context.getBean(PaymentService.class);

            context.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
                payments.refundInCallersTransaction("r-1");
                status.setRollbackOnly();
            });

            assertThat(payments.payments()).isEmpty();
            assertThat(summary(context))
                    .containsExactly("payment.refunded:failure:r-1:" + TransactionAwareDispatcher.ROLLED_BACK);
        });
    }

    @Test
    void failClosedRollsBackTheBusinessChangeWhenTheAuditTableIsGone() {
        runner().withPropertyValues("auditrail.failure-policy=fail-closed").run(context -> {
            PaymentService payments = context.getBean(PaymentService.class);
            String table = context.getEnvironment().getProperty("auditrail.jdbc.table-name");
            new JdbcTemplate(dataSource()).execute("drop table " + table);

            assertThatThrownBy(() -> payments.capture("p-2")).isInstanceOf(AuditException.class);

            assertThat(payments.payments()).isEmpty();
        });
    }

    @Test
    void failOpenKeepsTheBusinessChangeWhenTheAuditTableIsGone() {
        runner().withPropertyValues("auditrail.failure-policy=fail-open").run(context -> {
            PaymentService payments = context.getBean(PaymentService.class);
            String table = context.getEnvironment().getProperty("auditrail.jdbc.table-name");
            new JdbcTemplate(dataSource()).execute("drop table " + table);

            payments.capture("p-3");

            assertThat(payments.payments()).containsExactly("p-3");
        });
    }

    @Test
    void aReadOnlyTransactionIsAuditedAfterItCommits() {
        runner().withPropertyValues("auditrail.failure-policy=fail-closed").run(context -> {
            context.getBean(PaymentService.class).view("v-1");

            assertThat(summary(context)).containsExactly("payment.viewed:success:v-1:-");
        });
    }
}
