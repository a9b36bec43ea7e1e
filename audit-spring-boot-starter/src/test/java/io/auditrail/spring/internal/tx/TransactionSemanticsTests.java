package io.auditrail.spring.internal.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.auditrail.core.capture.AuditException;
import io.auditrail.spring.autoconfigure.AuditrailAutoConfiguration;
import io.auditrail.spring.fixtures.PaymentService;
import io.auditrail.spring.fixtures.RecordingSink;
import io.auditrail.spring.fixtures.TableSink;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transaction rules of DESIGN.md on a real (H2) database: committed change, exactly one
 * success row; rolled-back change, no success row and one failure row; audit write failure
 * per policy.
 */
class TransactionSemanticsTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
                    TransactionAutoConfiguration.class, AuditrailAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=jdbc:h2:mem:tx-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                    "spring.aop.proxy-target-class=true")
            .withUserConfiguration(Beans.class);

    @Configuration(proxyBeanMethods = false)
    static class Beans {
        @Bean
        TableSink tableSink(DataSource dataSource) {
            return new TableSink(dataSource);
        }

        @Bean
        PaymentService paymentService(JdbcTemplate jdbc) {
            return new PaymentService(jdbc);
        }
    }

    @Test
    void theAuditRowIsWrittenInsideTheAuditedMethodsOwnTransaction() {
        runner.withBean(RecordingSink.class, () -> new RecordingSink() {
            @Override
            public boolean joinsTransactions() {
                return true;
            }
        }).run(context -> {
            context.getBean(PaymentService.class).capture("p-1");

            assertThat(context.getBean(RecordingSink.class).inTransaction).containsExactly(true);
        });
    }

    @Test
    void aCommittedChangeLeavesExactlyOneSuccessRow() {
        runner.run(context -> {
            context.getBean(PaymentService.class).capture("p-1");

            assertThat(context.getBean(TableSink.class).rows()).containsExactly("payment.captured:success:p-1:-");
            assertThat(context.getBean(PaymentService.class).payments()).containsExactly("p-1");
        });
    }

    @Test
    void aRolledBackChangeLeavesNoSuccessRowAndOneFailureRowAndTheExceptionUnchanged() {
        runner.run(context -> {
            PaymentService payments = context.getBean(PaymentService.class);

            assertThatThrownBy(() -> payments.capture("bad-1")).isExactlyInstanceOf(IllegalStateException.class)
                    .hasMessage("card declined");

            assertThat(payments.payments()).isEmpty();
            assertThat(context.getBean(TableSink.class).rows())
                    .containsExactly("payment.captured:failure:bad-1:java.lang.IllegalStateException");
        });
    }

    @Test
    void aSuccessfulCallWhoseOuterTransactionRollsBackBecomesOneFailureRow() {
        runner.run(context -> {
            PaymentService payments = context.getBean(PaymentService.class);
            TransactionTemplate outer = context.getBean(TransactionTemplate.class);

            outer.executeWithoutResult(status -> {
                payments.refundInCallersTransaction("r-1");
                status.setRollbackOnly();
            });

            assertThat(payments.payments()).isEmpty();
            assertThat(context.getBean(TableSink.class).rows())
                    .containsExactly("payment.refunded:failure:r-1:" + TransactionAwareDispatcher.ROLLED_BACK);
        });
    }

    @Test
    void failClosedRollsTheBusinessChangeBackWhenTheAuditRowCannotBeWritten() {
        runner.withPropertyValues("auditrail.failure-policy=fail-closed").run(context -> {
            context.getBean(TableSink.class).failing = true;
            PaymentService payments = context.getBean(PaymentService.class);

            assertThatThrownBy(() -> payments.capture("p-2")).isInstanceOf(AuditException.class)
                    .hasRootCauseMessage("audit table unavailable");

            assertThat(payments.payments()).isEmpty();
        });
    }

    @Test
    void failOpenKeepsTheBusinessChangeWhenTheAuditRowCannotBeWritten() {
        runner.withPropertyValues("auditrail.failure-policy=fail-open").run(context -> {
            context.getBean(TableSink.class).failing = true;
            PaymentService payments = context.getBean(PaymentService.class);

            payments.capture("p-3");

            assertThat(payments.payments()).containsExactly("p-3");
            context.getBean(TableSink.class).failing = false;
            assertThat(context.getBean(TableSink.class).rows()).isEmpty();
        });
    }

    @Test
    void asyncModeHandsOverAfterCommitAndRecordsAFailureAfterRollback() {
        runner.withPropertyValues("auditrail.dispatch=async", "auditrail.async.flush-interval=10ms").run(context -> {
            PaymentService payments = context.getBean(PaymentService.class);
            TableSink table = context.getBean(TableSink.class);

            payments.capture("p-4");
            assertThatThrownBy(() -> payments.capture("bad-4")).hasMessage("card declined");
            context.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
                payments.refundInCallersTransaction("r-4");
                status.setRollbackOnly();
            });

            await().untilAsserted(() -> assertThat(table.rows()).containsExactly(
                    "payment.captured:failure:bad-4:java.lang.IllegalStateException",
                    "payment.captured:success:p-4:-",
                    "payment.refunded:failure:r-4:" + TransactionAwareDispatcher.ROLLED_BACK));
            assertThat(payments.payments()).containsExactly("p-4");
        });
    }

    @Test
    void outsideATransactionTheEventIsWrittenAtOnce() {
        runner.run(context -> {
            context.getBean(PaymentService.class).refundInCallersTransaction("r-5");

            assertThat(context.getBean(TableSink.class).rows()).isEqualTo(List.of("payment.refunded:success:r-5:-"));
        });
    }
}
