package io.auditrail.spring.internal.aop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.annotations.Audited;
import io.auditrail.core.capture.AuditEventFactory;
import io.auditrail.core.capture.AuditFailurePolicy;
import io.auditrail.core.capture.AuditedMatcher;
import io.auditrail.core.capture.AuditedMethods;
import io.auditrail.core.capture.InvocationAuditor;
import io.auditrail.core.dispatch.SyncDispatcher;
import io.auditrail.core.spi.AuditMonitor;
import io.auditrail.spring.internal.expression.SpelExpressionEvaluator;
import io.auditrail.spring.fixtures.RecordingSink;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;

/** The advisor on a plain proxy, without an application context. */
class AuditedAdvisorTests {

    public static class Exporter {
        final CompletableFuture<String> pending = new CompletableFuture<>();

        @Audited(action = "report.exported", resourceId = "#reportId")
        public CompletableFuture<String> export(String reportId) {
            return pending;
        }

        public String unaudited() {
            return "plain";
        }
    }

    private final RecordingSink sink = new RecordingSink();

    private Exporter proxy(Exporter target) {
        AuditEventFactory factory = AuditEventFactory.builder().build();
        AuditedMethods methods = new AuditedMethods(new SpelExpressionEvaluator(null), factory.validator());
        InvocationAuditor auditor = new InvocationAuditor(methods, factory, new SyncDispatcher(sink, AuditMonitor.NONE),
                AuditFailurePolicy.FAIL_OPEN, AuditMonitor.NONE);
        ProxyFactory proxyFactory = new ProxyFactory(target);
        proxyFactory.setProxyTargetClass(true);
        proxyFactory.addAdvisor(new AuditedAdvisor(new AuditedMatcher(), new AuditedMethodInterceptor(() -> auditor), 0));
        return (Exporter) proxyFactory.getProxy();
    }

    @Test
    void recordsAnAsyncMethodWhenItsFutureCompletes() throws Exception {
        Exporter target = new Exporter();
        Exporter exporter = proxy(target);

        CompletableFuture<String> result = exporter.export("r-1");
        assertThat(sink.events).isEmpty();
        target.pending.complete("done");

        assertThat(result.get()).isEqualTo("done");
        assertThat(sink.events).singleElement().satisfies(event -> {
            assertThat(event.action()).isEqualTo("report.exported");
            assertThat(event.resource().type()).isEqualTo("report");
            assertThat(event.outcome().isSuccess()).isTrue();
        });
    }

    @Test
    void recordsAFailedFutureAndLeavesItsExceptionToTheCaller() {
        Exporter target = new Exporter();
        CompletableFuture<String> result = proxy(target).export("r-2");

        target.pending.completeExceptionally(new IllegalStateException("disk full"));

        assertThatThrownBy(result::join).hasRootCauseMessage("disk full");
        assertThat(sink.events).singleElement()
                .satisfies(event -> assertThat(event.outcome().errorType()).isEqualTo("java.lang.IllegalStateException"));
    }

    @Test
    void leavesUnauditedMethodsAlone() {
        assertThat(proxy(new Exporter()).unaudited()).isEqualTo("plain");
        assertThat(sink.events).isEmpty();
    }
}
