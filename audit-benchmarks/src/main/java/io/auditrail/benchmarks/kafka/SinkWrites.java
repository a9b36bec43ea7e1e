package io.auditrail.benchmarks.kafka;

import io.auditrail.benchmarks.support.EventGenerator;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.kafka.KafkaAuditSink;
import io.auditrail.kafka.KafkaSinkSettings;
import java.time.Duration;
import java.util.List;

/**
 * {@code KafkaAuditSink.write} of {@link #BATCH} events at a time from one or more threads
 * sharing one sink. Either each batch is generated fresh, so building the events (the
 * application's share) and encoding them (the sink's) are both part of the figure, or the
 * batches are taken in turn from events built outside the timing, as the raw producer's records
 * are, so only the sink's own work is.
 */
final class SinkWrites implements ProducerMethod {

    private final int threads;
    private final List<AuditEvent> prebuilt;

    /**
     * @param threads how many threads share the sink
     * @param prebuilt events to cycle through, or {@code null} to generate every batch fresh
     */
    SinkWrites(int threads, List<AuditEvent> prebuilt) {
        this.threads = threads;
        this.prebuilt = prebuilt;
    }

    @Override
    public String label() {
        return "`KafkaAuditSink.write`, batches of " + BATCH + (prebuilt == null ? ", fresh events, " : ", pre-built events, ")
                + threads + (threads == 1 ? " thread" : " threads");
    }

    @Override
    public double eventsPerSecond(String bootstrapServers, String topic, Duration window) throws Exception {
        try (KafkaAuditSink sink = new KafkaAuditSink(KafkaSinkSettings.of(bootstrapServers, topic))) {
            long start = System.nanoTime();
            long written = TimedWindow.run(threads, window, thread -> {
                if (prebuilt == null) {
                    EventGenerator generator = new EventGenerator();
                    return () -> {
                        sink.write(generator.events(BATCH));
                        return BATCH;
                    };
                }
                int batches = prebuilt.size() / BATCH;
                int[] next = {thread * batches / threads};
                return () -> {
                    sink.write(prebuilt.subList(next[0] * BATCH, (next[0] + 1) * BATCH));
                    next[0] = (next[0] + 1) % batches;
                    return BATCH;
                };
            });
            return written / ((System.nanoTime() - start) / 1e9);
        }
    }
}
