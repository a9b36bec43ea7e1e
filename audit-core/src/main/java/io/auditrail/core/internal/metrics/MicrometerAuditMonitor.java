package io.auditrail.core.internal.metrics;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.spi.AuditMonitor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Publishes the audit pipeline's activity to Micrometer:
 * <ul>
 *   <li>{@code auditrail.events.delivered} (sink, outcome) — events stored by a sink;</li>
 *   <li>{@code auditrail.events.failed} (sink, retry) — events in a batch a sink failed to store;</li>
 *   <li>{@code auditrail.events.dropped} (sink, reason) — events given up;</li>
 *   <li>{@code auditrail.capture.failures} — audited calls whose event could not be built or handed over;</li>
 *   <li>{@code auditrail.capture.problems} — values recorded as unresolved (an expression threw, an id was
 *       {@code null}); their events were recorded;</li>
 *   <li>{@code auditrail.sink.latency} (sink) — time per sink write.</li>
 * </ul>
 * Queue depth is registered separately, per async sink, as {@code auditrail.queue.depth}.
 */
public final class MicrometerAuditMonitor implements AuditMonitor {

    private final MeterRegistry registry;
    private final Counter captureFailures;
    private final Counter captureProblems;
    private final Map<String, DeliveryMeters> deliveryMeters = new ConcurrentHashMap<>();

    /**
     * Creates the monitor.
     *
     * @param registry where meters are registered
     */
    public MicrometerAuditMonitor(MeterRegistry registry) {
        this.registry = registry;
        this.captureFailures = Counter.builder("auditrail.capture.failures")
                .description("Audited calls whose event could not be recorded").register(registry);
        this.captureProblems = Counter.builder("auditrail.capture.problems")
                .description("Values of recorded audit events that could not be resolved").register(registry);
    }

    /** Looked up once per sink: in sync mode every delivery runs on the audited caller's thread. */
    private record DeliveryMeters(Counter success, Counter failure, Timer latency) {
    }

    @Override
    public void delivered(String sink, List<AuditEvent> events, Duration latency) {
        DeliveryMeters meters = deliveryMeters.computeIfAbsent(sink, name -> new DeliveryMeters(
                counter("auditrail.events.delivered", "sink", name, "outcome", "success"),
                counter("auditrail.events.delivered", "sink", name, "outcome", "failure"),
                Timer.builder("auditrail.sink.latency").tag("sink", name).register(registry)));
        long failures = events.stream().filter(event -> !event.outcome().isSuccess()).count();
        meters.success().increment(events.size() - failures);
        if (failures > 0) {
            meters.failure().increment(failures);
        }
        meters.latency().record(latency);
    }

    @Override
    public void sinkFailed(String sink, List<AuditEvent> events, Throwable error, boolean willRetry) {
        counter("auditrail.events.failed", "sink", sink, "retry", String.valueOf(willRetry)).increment(events.size());
    }

    @Override
    public void dropped(String sink, AuditEvent event, String reason) {
        counter("auditrail.events.dropped", "sink", sink, "reason", reason).increment();
    }

    @Override
    public void captureFailed(String method, Throwable error) {
        captureFailures.increment();
    }

    @Override
    public void captureProblems(String method, List<String> problems) {
        captureProblems.increment(problems.size());
    }

    private Counter counter(String name, String... tags) {
        return Counter.builder(name).tags(tags).register(registry);
    }
}
