package io.auditrail.spring.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.core.dispatch.AuditSinkDispatchers;
import io.auditrail.core.dispatch.ShardedAsyncDispatcher;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.spi.AuditSink;
import io.auditrail.spring.autoconfigure.AuditrailAutoConfiguration;
import io.auditrail.spring.autoconfigure.AuditrailHealthAutoConfiguration;
import io.auditrail.spring.autoconfigure.AuditrailMetricsAutoConfiguration;
import io.auditrail.spring.fixtures.DefaultInvoiceService;
import io.auditrail.spring.fixtures.Numbering;
import io.auditrail.spring.fixtures.RecordingSink;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.awaitility.Awaitility;
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
    void twoWritersPerSinkShareItsQueueAndTheGaugeCountsBoth() {
        GatedSink gated = new GatedSink();
        runner.withBean(GatedSink.class, () -> gated).withPropertyValues("auditrail.dispatch=async",
                "auditrail.async.writers=2", "auditrail.async.batch-size=1").run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            context.getBeansOfType(io.micrometer.core.instrument.binder.MeterBinder.class).values()
                    .forEach(binder -> binder.bindTo(registry));
            assertThat(context.getBean(AuditSinkDispatchers.class).sinks())
                    .filteredOn(sink -> sink.name().equals("gated")).singleElement()
                    .satisfies(sink -> assertThat(sink.queue()).isInstanceOf(ShardedAsyncDispatcher.class));
            DefaultInvoiceService service = context.getBean(DefaultInvoiceService.class);
            try {
                // "org-0" and "org-1" go to different writers (their hash codes differ by one).
                for (int i = 0; i < 10; i++) {
                    service.create("org-" + i % 2, String.valueOf(i));
                }
                Awaitility.await().until(() -> gated.threads.size() == 2);

                assertThat(gated.threads).extracting(Thread::getName)
                        .containsExactlyInAnyOrder("auditrail-writer-gated-1", "auditrail-writer-gated-2");
                assertThat(registry.get("auditrail.queue.depth").tags("sink", "gated").gauge().value())
                        .as("each writer holds its one-event batch; the others wait in the two queues").isEqualTo(8.0);
            } finally {
                gated.gate.countDown();
            }
            Awaitility.await().until(() -> gated.delivered.size() == 10);
            assertThat(registry.get("auditrail.queue.depth").tags("sink", "gated").gauge().value()).isZero();
        });
    }

    @Test
    void writersBeyondTheCapacityFailStartUpNamingTheKey() {
        runner.withPropertyValues("auditrail.dispatch=async", "auditrail.async.capacity=4",
                "auditrail.async.writers=5").run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                .hasMessage("auditrail.async.writers must be between 1 and auditrail.async.capacity (4) but was 5"));
        runner.withPropertyValues("auditrail.dispatch=async", "auditrail.async.writers=0").run(context -> assertThat(
                context).hasFailed().getFailure().rootCause().hasMessageContaining("auditrail.async.writers"));
    }

    /** Holds its writers inside the sink until the gate opens; records which threads called it. */
    static final class GatedSink implements AuditSink {
        final CountDownLatch gate = new CountDownLatch(1);
        final List<AuditEvent> delivered = new CopyOnWriteArrayList<>();
        final Set<Thread> threads = ConcurrentHashMap.newKeySet();

        @Override
        public void write(List<AuditEvent> events) {
            threads.add(Thread.currentThread());
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            delivered.addAll(events);
        }

        @Override
        public String name() {
            return "gated";
        }
    }

    @Test
    void backsOffWithoutMicrometerAndActuator() {
        runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class,
                org.springframework.boot.health.contributor.HealthIndicator.class)).run(context -> assertThat(context)
                .hasNotFailed().doesNotHaveBean(io.auditrail.core.internal.metrics.MicrometerAuditMonitor.class)
                .doesNotHaveBean(AuditSinksHealthIndicator.class));
    }
}
