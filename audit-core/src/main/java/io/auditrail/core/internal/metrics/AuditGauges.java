package io.auditrail.core.internal.metrics;

import io.auditrail.core.dispatch.AuditSinkDispatchers;
import io.auditrail.core.dispatch.outbox.Outbox;
import io.auditrail.core.internal.wiring.AuditSinks;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The audit pipeline's gauges, read on every scrape:
 * <ul>
 *   <li>{@code auditrail.queue.depth} (sink) — events waiting in an async sink's in-memory queue;</li>
 *   <li>{@code auditrail.outbox.pending} (sink) — events in the outbox not yet delivered to a relayed
 *       sink nor parked as dead.</li>
 * </ul>
 */
public final class AuditGauges {

    private AuditGauges() {
    }

    /**
     * Registers one queue-depth gauge per sink that has a queue.
     *
     * @param registry where gauges are registered
     * @param dispatchers the sinks and their queues
     */
    public static void registerQueueDepths(MeterRegistry registry, AuditSinkDispatchers dispatchers) {
        dispatchers.sinks().stream()
                .filter(sink -> sink.queue() != null)
                .forEach(sink -> Gauge.builder("auditrail.queue.depth", sink, AuditSinkDispatchers.SinkDispatch::queueDepth)
                        .tag("sink", sink.name()).description("Events waiting in the sink's in-memory queue")
                        .register(registry));
    }

    /**
     * Registers one outbox-backlog gauge per relayed sink; each reading counts the sink's pending rows.
     *
     * @param registry where gauges are registered
     * @param outbox the outbox table
     * @param sinks the sinks, of which the relayed ones are measured
     */
    public static void registerOutboxPending(MeterRegistry registry, Outbox outbox, AuditSinks sinks) {
        sinks.relayed()
                .forEach(sink -> Gauge.builder("auditrail.outbox.pending", outbox, o -> o.pendingCount(sink.name()))
                        .tag("sink", sink.name())
                        .description("Events in the outbox not yet delivered to the sink nor parked as dead")
                        .register(registry));
    }
}
