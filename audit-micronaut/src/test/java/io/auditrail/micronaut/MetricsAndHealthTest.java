package io.auditrail.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.spi.AuditSink;
import io.auditrail.micronaut.app.CreateInvoice;
import io.auditrail.micronaut.app.InvoiceService;
import io.auditrail.micronaut.health.AuditSinksHealthIndicator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The starter's meters under the same names, on micronaut-micrometer's registry, and the
 * {@code auditrail} health component from micronaut-management.
 */
class MetricsAndHealthTest {

    private final AtomicReference<RuntimeException> sinkFailure = new AtomicReference<>();

    private ApplicationContext start(Map<String, Object> properties) {
        ApplicationContext context = ApplicationContext.builder().properties(properties).build();
        context.registerSingleton(AuditSink.class, new AuditSink() {
            @Override
            public void write(List<AuditEvent> events) {
                RuntimeException failure = sinkFailure.get();
                if (failure != null) {
                    throw failure;
                }
            }

            @Override
            public String name() {
                return "recording";
            }
        });
        return context.start();
    }

    @Test
    void countsDeliveriesPerSinkAndOutcomeAndCaptureProblems() {
        try (ApplicationContext context = start(Map.of("auditrail.dispatch", "sync"))) {
            InvoiceService invoices = context.getBean(InvoiceService.class);
            MeterRegistry registry = context.getBean(MeterRegistry.class);

            invoices.create("inv-1", new CreateInvoice("INV-1", BigDecimal.TEN, null));
            assertThatThrownBy(() -> invoices.send("inv-1")).isInstanceOf(IllegalStateException.class);
            invoices.delete(null);
            sinkFailure.set(new IllegalStateException("sink down"));
            invoices.delete("inv-2");

            assertThat(registry.get("auditrail.events.delivered").tags("sink", "recording", "outcome", "success")
                    .counter().count()).isEqualTo(2.0);
            assertThat(registry.get("auditrail.events.delivered").tags("sink", "recording", "outcome", "failure")
                    .counter().count()).isEqualTo(1.0);
            assertThat(registry.get("auditrail.events.failed").tags("sink", "recording").counter().count())
                    .isEqualTo(1.0);
            assertThat(registry.get("auditrail.capture.problems").counter().count()).isEqualTo(1.0);
            assertThat(registry.get("auditrail.sink.latency").tags("sink", "recording").timer().count()).isEqualTo(3);
        }
    }

    @Test
    void registersTheQueueDepthGaugeOfAnAsyncSink() {
        try (ApplicationContext context = start(Map.of("auditrail.dispatch", "async"))) {
            MeterRegistry registry = context.getBean(MeterRegistry.class);

            assertThat(registry.get("auditrail.queue.depth").tags("sink", "recording").gauge().value()).isZero();
        }
    }

    @Test
    void healthIsDownWhileTheLatestWriteFailedAndUpAgainAfterASuccess() {
        try (ApplicationContext context = start(Map.of("auditrail.dispatch", "sync"))) {
            InvoiceService invoices = context.getBean(InvoiceService.class);
            AuditSinksHealthIndicator health = context.getBean(AuditSinksHealthIndicator.class);
            assertThat(health.result().getStatus()).isEqualTo(HealthStatus.UP);

            sinkFailure.set(new IllegalStateException("sink down"));
            invoices.delete("inv-1");
            HealthResult down = health.result();
            assertThat(down.getName()).isEqualTo("auditrail");
            assertThat(down.getStatus()).isEqualTo(HealthStatus.DOWN);
            assertThat(down.getDetails()).asString().contains("recording", "lastError",
                    "java.lang.IllegalStateException: sink down");

            sinkFailure.set(null);
            invoices.delete("inv-2");
            assertThat(health.result().getStatus()).isEqualTo(HealthStatus.UP);
        }
    }

    @Test
    void healthIsDownWhenAQueueHoldsMoreThanTheConfiguredDepth() {
        try (ApplicationContext context = start(Map.of("auditrail.dispatch", "sync",
                "auditrail.health.max-queue-depth", "-1"))) {
            HealthResult result = context.getBean(AuditSinksHealthIndicator.class).result();

            assertThat(result.getStatus()).isEqualTo(HealthStatus.DOWN);
            assertThat(result.getDetails()).asString().contains("queued=0");
        }
    }

    @Test
    void theHealthIndicatorCanBeSwitchedOffAsMicronautsOwnAre() {
        try (ApplicationContext context = start(Map.of("endpoints.health.auditrail.enabled", "false"))) {
            assertThat(context.findBean(AuditSinksHealthIndicator.class)).isEmpty();
            assertThat(context.findBean(MeterRegistry.class)).isPresent();
        }
    }
}
