package io.auditrail.benchmarks.kafka;

import io.auditrail.benchmarks.support.EventGenerator;
import io.auditrail.core.dispatch.AsyncDispatcher;
import io.auditrail.core.dispatch.AsyncSettings;
import io.auditrail.core.dispatch.AuditDispatcher;
import io.auditrail.core.dispatch.DrainResult;
import io.auditrail.core.dispatch.OverflowPolicy;
import io.auditrail.core.dispatch.ShardedAsyncDispatcher;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.spi.AuditMonitor;
import io.auditrail.kafka.KafkaAuditSink;
import io.auditrail.kafka.KafkaSinkSettings;
import java.time.Duration;

/**
 * The path of {@code @Audited} in async mode: caller threads hand fresh events to an
 * {@link AsyncDispatcher} with its default settings in front of the sink; its one writer
 * thread calls the sink. With more writers, a {@link ShardedAsyncDispatcher} with the same
 * settings, each organisation's events on one writer. Callers block for room rather than have
 * events refused, so the figure is the writers' rate; the window's end includes draining the queue.
 */
final class DispatcherCalls implements ProducerMethod {

    /** Callers outrun the writer, so they must wait for room rather than have events refused. */
    private static final Duration CALLER_PATIENCE = Duration.ofMinutes(1);
    private static final Duration DRAIN_DEADLINE = Duration.ofMinutes(5);

    private final int callers;
    private final int writers;

    DispatcherCalls(int callers, int writers) {
        this.callers = callers;
        this.writers = writers;
    }

    @Override
    public String label() {
        return (writers == 1 ? "`AsyncDispatcher` (defaults)" : "`ShardedAsyncDispatcher` (defaults, " + writers
                + " writers)") + " → sink, " + callers + (callers == 1 ? " caller thread" : " caller threads");
    }

    @Override
    public double eventsPerSecond(String bootstrapServers, String topic, Duration window) throws Exception {
        AsyncSettings defaults = AsyncSettings.DEFAULTS;
        AsyncSettings settings = new AsyncSettings(defaults.capacity(), defaults.batchSize(), defaults.flushInterval(),
                OverflowPolicy.BLOCK, CALLER_PATIENCE, defaults.backoff());
        try (KafkaAuditSink sink = new KafkaAuditSink(KafkaSinkSettings.of(bootstrapServers, topic))) {
            AuditDispatcher dispatcher = writers == 1 ? new AsyncDispatcher(sink, settings, AuditMonitor.NONE)
                    : new ShardedAsyncDispatcher(sink, settings, writers, AuditMonitor.NONE);
            long start = System.nanoTime();
            long dispatched;
            try {
                dispatched = TimedWindow.run(callers, window, thread -> {
                    EventGenerator generator = new EventGenerator();
                    return () -> {
                        for (AuditEvent event : generator.events(BATCH)) {
                            dispatcher.dispatch(event);
                        }
                        return BATCH;
                    };
                });
            } catch (Exception e) {
                dispatcher.close(Duration.ZERO);
                throw e;
            }
            DrainResult drained = dispatcher.close(DRAIN_DEADLINE);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (!drained.isComplete()) {
                throw new IllegalStateException(drained.undelivered().size() + " events were not delivered to Kafka");
            }
            return dispatched / seconds;
        }
    }
}
