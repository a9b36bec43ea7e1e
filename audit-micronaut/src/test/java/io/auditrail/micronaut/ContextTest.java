package io.auditrail.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.auditrail.core.capture.InvocationAuditor;
import io.auditrail.core.dispatch.AuditDispatcher;
import io.auditrail.core.dispatch.AuditSinkDispatchers;
import io.auditrail.core.dispatch.ShardedAsyncDispatcher;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.spi.AuditMonitor;
import io.auditrail.core.spi.AuditSink;
import io.auditrail.micronaut.app.CreateInvoice;
import io.auditrail.micronaut.app.InvoiceService;
import io.auditrail.micronaut.app.ReportService;
import io.micronaut.context.ApplicationContext;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Start-up checks and switches, on an application context without HTTP or a database. */
class ContextTest {

    @Test
    void aTypoInAnExpressionFailsStartUpNamingClassMethodAndExpression() {
        assertThatThrownBy(() -> ApplicationContext.run("typo").close())
                .hasStackTraceContaining("io.auditrail.micronaut.typo.MistypedService.voidInvoice(String)")
                .hasStackTraceContaining("#invoiceIdd")
                .hasStackTraceContaining("unknown variable #invoiceIdd; the method's parameters are #invoiceId");
    }

    @Test
    void theStartupLineSaysWhyEventsOnlyGoToTheLog() {
        try (ApplicationContext context = ApplicationContext.run()) {
            assertThat(context.getBean(StartupLog.class).summary().text()).isEqualTo("Auditrail is on: sink log "
                    + "(async), because no DataSource was found (events are only logged; add a DataSource and "
                    + "audit-jdbc-store, or set auditrail.sink), failure policy fail-open, transparency log off");
        }
    }

    @Test
    void nullAndThrowingExpressionsStillRecordTheirEventsCountedAndLogged() {
        List<AuditEvent> received = new CopyOnWriteArrayList<>();
        List<String> problems = new CopyOnWriteArrayList<>();
        Logger auditorLogger = (Logger) LoggerFactory.getLogger(InvocationAuditor.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        auditorLogger.addAppender(log);
        try (ApplicationContext context = ApplicationContext.builder()
                .properties(Map.of("auditrail.dispatch", "sync", "auditrail.failure-policy", "fail-closed")).build()) {
            context.registerSingleton(AuditSink.class, (AuditSink) received::addAll);
            context.registerSingleton(AuditMonitor.class, new AuditMonitor() {
                @Override
                public void captureProblems(String method, List<String> found) {
                    problems.addAll(found);
                }
            });
            context.start();
            InvoiceService invoices = context.getBean(InvoiceService.class);

            invoices.delete(null);
            invoices.check("inv-9", new CreateInvoice("INV-9", BigDecimal.ONE, null));
        } finally {
            auditorLogger.detachAppender(log);
        }

        assertThat(received).extracting(event -> event.action() + " " + event.resource().id() + " "
                + event.metadata().get(InvocationAuditor.CAPTURE_PROBLEMS_KEY)).containsExactly(
                "invoice.deleted unknown [resourceId from expression '#invoiceId': was null]",
                "invoice.checked inv-9 [metadata 'total' from expression '#request.total': threw "
                        + "java.lang.ArithmeticException]");
        assertThat(problems).hasSize(2);
        assertThat(log.list).filteredOn(line -> line.getLevel() == Level.WARN).hasSize(2);
    }

    @Test
    void switchedOffThereIsNoAuditBeanAndAuditedMethodsStillWork() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("auditrail.enabled", "false"))) {
            assertThat(context.findBean(InvocationAuditor.class)).isEmpty();
            assertThat(context.findBean(AuditDispatcher.class)).isEmpty();
            context.getBean(InvoiceService.class).delete("inv-1");
        }
    }

    @Test
    void withoutADispatchSettingARemoteSinkIsQueuedAndEachSinkHasItsOwnDispatcher() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("auditrail.sink", "log"))) {
            assertThat(context.getBean(AuditSinkDispatchers.class).sinks()).singleElement().satisfies(sink -> {
                assertThat(sink.name()).isEqualTo("log");
                assertThat(sink.mode()).isEqualTo("async");
                assertThat(sink.queue()).isNotNull();
            });
        }
    }

    @Test
    void asyncWritersGiveEachSinkThatManyWritersAndOutOfRangeFailsNamingTheKey() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("auditrail.sink", "log",
                "auditrail.async.writers", "3"))) {
            assertThat(context.getBean(AuditSinkDispatchers.class).sinks()).singleElement().satisfies(sink -> {
                assertThat(sink.queue()).isInstanceOf(ShardedAsyncDispatcher.class);
                assertThat(sink.queueDepth()).isZero();
            });
        }
        assertThatThrownBy(() -> {
            try (ApplicationContext context = ApplicationContext.run(Map.of("auditrail.sink", "log",
                    "auditrail.async.capacity", "2", "auditrail.async.writers", "3"))) {
                context.getBean(AuditSinkDispatchers.class);
            }
        })
                .hasStackTraceContaining("auditrail.async.writers must be between 1 and auditrail.async.capacity (2) "
                        + "but was 3");
    }

    @Test
    void aTypeLevelAnnotationAuditsPublicMethodsButNotToString() {
        List<AuditEvent> received = new CopyOnWriteArrayList<>();
        try (ApplicationContext context = ApplicationContext.builder()
                .properties(Map.of("auditrail.dispatch", "sync")).build()) {
            context.registerSingleton(AuditSink.class, (AuditSink) received::addAll);
            context.start();
            ReportService reports = context.getBean(ReportService.class);

            assertThat(reports.generate("r-1")).isEqualTo("report r-1");
            assertThat(reports.toString()).isEqualTo("ReportService");
        }

        assertThat(received).singleElement().satisfies(event -> {
            assertThat(event.action()).isEqualTo("report.generated");
            assertThat(event.resource().id()).isEqualTo("r-1");
        });
    }

    @Test
    void anApplicationSinkBeanReceivesEventsWithSyncDispatch() {
        List<AuditEvent> received = new CopyOnWriteArrayList<>();
        try (ApplicationContext context = ApplicationContext.builder()
                .properties(Map.of("auditrail.dispatch", "sync", "auditrail.default-organization-id", "tenant-0"))
                .build()) {
            context.registerSingleton(AuditSink.class, (AuditSink) received::addAll);
            context.start();

            context.getBean(InvoiceService.class).delete("inv-2");
        }

        assertThat(received).singleElement().satisfies(event -> {
            assertThat(event.action()).isEqualTo("invoice.deleted");
            assertThat(event.resource().id()).isEqualTo("inv-2");
            assertThat(event.organizationId()).isEqualTo("tenant-0");
            assertThat(event.actor().id()).as("application-test.yml names it").isEqualTo("scheduler");
        });
    }
}
