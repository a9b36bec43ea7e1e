package io.auditrail.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.core.capture.InvocationAuditor;
import io.auditrail.core.dispatch.AuditDispatcher;
import io.auditrail.core.dispatch.AuditSinkDispatchers;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.spi.AuditSink;
import io.auditrail.micronaut.app.InvoiceService;
import io.auditrail.micronaut.app.ReportService;
import io.micronaut.context.ApplicationContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

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
                    + "audit-jdbc-store, or set auditrail.sink), failure policy fail-open, hash chain off");
        }
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
