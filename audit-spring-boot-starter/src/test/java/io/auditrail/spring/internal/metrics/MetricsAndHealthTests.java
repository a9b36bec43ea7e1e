package io.auditrail.spring.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.spring.autoconfigure.AuditrailAutoConfiguration;
import io.auditrail.spring.autoconfigure.AuditrailHealthAutoConfiguration;
import io.auditrail.spring.autoconfigure.AuditrailMetricsAutoConfiguration;
import io.auditrail.spring.fixtures.DefaultInvoiceService;
import io.auditrail.spring.fixtures.Numbering;
import io.auditrail.spring.fixtures.RecordingSink;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class MetricsAndHealthTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, AuditrailAutoConfiguration.class,
                    AuditrailMetricsAutoConfiguration.class, AuditrailHealthAutoConfiguration.class))
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withBean(RecordingSink.class)
            .withBean(DefaultInvoiceService.class)
            .withBean("numbering", Numbering.class)
            .withPropertyValues("auditrail.dispatch=sync");

    @Test
    void countsDeliveriesPerSinkAndOutcomeAndCaptureFailures() {
        runner.run(context -> {
            DefaultInvoiceService service = context.getBean(DefaultInvoiceService.class);
            MeterRegistry registry = context.getBean(MeterRegistry.class);

            service.create("acme", "1");
            try {
                service.delete("missing-1");
            } catch (IllegalArgumentException expected) {
                // the failure outcome is what this test counts
            }
            context.getBean(RecordingSink.class).failure = new IllegalStateException("sink down");
            service.create("acme", "2");

            assertThat(registry.get("auditrail.events.delivered").tags("sink", "recording", "outcome", "success")
                    .counter().count()).isEqualTo(1.0);
            assertThat(registry.get("auditrail.events.delivered").tags("sink", "recording", "outcome", "failure")
                    .counter().count()).isEqualTo(1.0);
            assertThat(registry.get("auditrail.events.failed").tags("sink", "recording").counter().count()).isEqualTo(1.0);
            assertThat(registry.get("auditrail.capture.failures").counter().count()).isEqualTo(1.0);
            assertThat(registry.get("auditrail.sink.latency").tags("sink", "recording").timer().count()).isEqualTo(2);
        });
    }

    @Test
    void healthIsDownWhileTheLatestWriteFailedAndUpAgainAfterASuccess() {
        runner.run(context -> {
            AuditSinksHealthIndicator health = context.getBean(AuditSinksHealthIndicator.class);
            DefaultInvoiceService service = context.getBean(DefaultInvoiceService.class);
            RecordingSink sink = context.getBean(RecordingSink.class);

            assertThat(health.health(true).getStatus()).isEqualTo(Status.UP);
            sink.failure = new IllegalStateException("sink down");
            service.create("acme", "3");
            Health down = health.health(true);
            assertThat(down.getStatus()).isEqualTo(Status.DOWN);
            assertThat(down.getDetails().get("recording").toString()).contains("sink down");
            sink.failure = null;
            service.create("acme", "4");
            assertThat(health.health(true).getStatus()).isEqualTo(Status.UP);
        });
    }

    @Test
    void registersQueueDepthForAsyncSinks() {
        runner.withPropertyValues("auditrail.dispatch=async").run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            context.getBeansOfType(io.micrometer.core.instrument.binder.MeterBinder.class).values()
                    .forEach(binder -> binder.bindTo(registry));
            assertThat(registry.get("auditrail.queue.depth").tags("sink", "recording").gauge().value()).isZero();
        });
    }

    @Test
    void backsOffWithoutMicrometerAndActuator() {
        runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class,
                org.springframework.boot.health.contributor.HealthIndicator.class)).run(context -> assertThat(context)
                .hasNotFailed().doesNotHaveBean(io.auditrail.core.internal.metrics.MicrometerAuditMonitor.class)
                .doesNotHaveBean(AuditSinksHealthIndicator.class));
    }
}
