package io.auditrail.spring.internal.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.auditrail.core.capture.AuditException;
import io.auditrail.core.dispatch.outbox.OutboxEntry;
import io.auditrail.jdbc.outbox.JdbcOutbox;
import io.auditrail.jdbc.outbox.LoopbackAuditApi;
import io.auditrail.spring.autoconfigure.AuditrailAutoConfiguration;
import io.auditrail.spring.autoconfigure.AuditrailOutboxAutoConfiguration;
import io.auditrail.core.dispatch.AuditSinkDispatchers;
import io.auditrail.spring.fixtures.PaymentService;
import io.auditrail.spring.internal.tx.TransactionAwareDispatcher;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
 * {@code auditrail.dispatch=outbox} with the hosted-API sink, on a real database and real
 * Spring transactions: what lands in the outbox for commits, rollbacks and a failing outbox,
 * and the relay delivering to a loopback API. Subclasses name the database.
 */
abstract class AbstractOutboxStarterTests {

    private LoopbackAuditApi api;

    protected abstract DataSource dataSource();

    @BeforeEach
    void startApi() throws IOException {
        api = new LoopbackAuditApi();
    }

    @AfterEach
    void stopApi() {
        api.close();
    }

    private ApplicationContextRunner runner() {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        DataSource dataSource = dataSource();
        new JdbcTemplate(dataSource).execute("create table if not exists payments_" + suffix + " (id varchar(36) primary key)");
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class,
                        DataSourceTransactionManagerAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
                        TransactionAutoConfiguration.class, AuditrailOutboxAutoConfiguration.class,
                        AuditrailAutoConfiguration.class))
                .withBean(DataSource.class, () -> dataSource)
                .withBean(PaymentService.class, () -> new PaymentService(new JdbcTemplate(dataSource), "payments_" + suffix))
                .withPropertyValues("auditrail.sink=http", "auditrail.dispatch=outbox",
                        "auditrail.http.base-uri=" + api.baseUri(), "auditrail.http.api-key=key_test",
                        "auditrail.outbox.table-name=outbox_" + suffix, "auditrail.outbox.initialize-schema=always",
                        "auditrail.outbox.relay-enabled=false");
    }

    /** Everything waiting in the outbox, read by claiming it far in the future. */
    private static List<String> outbox(ApplicationContext context) {
        List<OutboxEntry> entries = context.getBean(JdbcOutbox.class).claim("http", "test", 100,
                Instant.now().plus(Duration.ofDays(1)), Duration.ofMinutes(1));
        return entries.stream().map(OutboxEntry::event)
                .map(e -> e.action() + ":" + e.outcome().status().wireName() + ":" + e.resource().id() + ":"
                        + (e.outcome().errorType() == null ? "-" : e.outcome().errorType()))
                .sorted().toList();
    }

    @Test
    void remoteSinksGoThroughTheOutboxInTheCallersTransaction() {
        runner().run(context -> {
            assertThat(context.getBean(AuditSinkDispatchers.class).sinks()).singleElement().satisfies(sink -> {
                assertThat(sink.name()).isEqualTo("http");
                assertThat(sink.mode()).isEqualTo("outbox (in transaction)");
            });
            assertThat(context).hasSingleBean(JdbcOutbox.class).doesNotHaveBean(OutboxRelays.class);
        });
    }

    @Test
    void aCommittedChangeLeavesOneSuccessEventInTheOutbox() {
        runner().run(context -> {
            context.getBean(PaymentService.class).capture("p-1");

            assertThat(outbox(context)).containsExactly("payment.captured:success:p-1:-");
            assertThat(api.requests()).as("the relay is off").isZero();
        });
    }

    @Test
    void withoutATransactionTheEventIsCommittedBeforeTheCallReturns() {
        runner().run(context -> {
            context.getBean(PaymentService.class).refundInCallersTransaction("r-0");

            assertThat(outbox(context)).containsExactly("payment.refunded:success:r-0:-");
        });
    }

    @Test
    void aRolledBackChangeLeavesNoSuccessEventButOneFailureEvent() {
        runner().run(context -> {
            PaymentService payments = context.getBean(PaymentService.class);

            assertThatThrownBy(() -> payments.capture("bad-1")).hasMessage("card declined");

            assertThat(payments.payments()).isEmpty();
            assertThat(outbox(context)).containsExactly("payment.captured:failure:bad-1:java.lang.IllegalStateException");
        });
    }

    @Test
    void anOuterRollbackTurnsTheSuccessIntoAFailureEvent() {
        runner().run(context -> {
            PaymentService payments = context.getBean(PaymentService.class);

            context.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
                payments.refundInCallersTransaction("r-1");
                status.setRollbackOnly();
            });

            assertThat(payments.payments()).isEmpty();
            assertThat(outbox(context))
                    .containsExactly("payment.refunded:failure:r-1:" + TransactionAwareDispatcher.ROLLED_BACK);
        });
    }

    @Test
    void whenTheOutboxCannotBeWrittenTheBusinessTransactionFailsEvenFailOpen() {
        runner().withPropertyValues("auditrail.failure-policy=fail-open").run(context -> {
            PaymentService payments = context.getBean(PaymentService.class);
            new JdbcTemplate(dataSource()).execute("drop table " + context.getBean(JdbcOutbox.class).table());

            assertThatThrownBy(() -> payments.capture("p-2")).isInstanceOf(AuditException.class)
                    .hasMessageContaining("could not be written to the outbox");

            assertThat(payments.payments()).as("never a committed change without its event").isEmpty();
        });
    }

    @Test
    void whenTheOutboxCannotBeWrittenFailClosedFailsTheCall() {
        runner().withPropertyValues("auditrail.failure-policy=fail-closed").run(context -> {
            PaymentService payments = context.getBean(PaymentService.class);
            new JdbcTemplate(dataSource()).execute("drop table " + context.getBean(JdbcOutbox.class).table());

            assertThatThrownBy(() -> payments.capture("p-3")).isInstanceOf(AuditException.class);

            assertThat(payments.payments()).isEmpty();
        });
    }

    @Test
    void theRelayDeliversCommittedEventsToTheApi() {
        runner().withPropertyValues("auditrail.outbox.relay-enabled=true", "auditrail.outbox.poll-interval=20ms")
                .run(context -> {
                    assertThat(context.getBean(OutboxRelays.class).relays()).hasSize(1);
                    context.getBean(PaymentService.class).capture("p-4");

                    await().atMost(Duration.ofSeconds(20)).until(() -> api.storedIds().size() == 1);
                    assertThat(api.storedBody(api.storedIds().iterator().next())).contains("payment.captured");
                    await().atMost(Duration.ofSeconds(20))
                            .until(() -> context.getBean(JdbcOutbox.class).pendingCount("http") == 0);
                });
    }
}
