package io.auditrail.benchmarks.kafka;

import io.auditrail.benchmarks.support.EventGenerator;
import io.auditrail.kafka.KafkaAuditSink;
import io.auditrail.kafka.KafkaSinkSettings;
import java.time.Duration;

/**
 * {@code KafkaAuditSink.write} of {@link #BATCH} events at a time from one or more threads
 * sharing one sink; each batch is generated fresh, so building and encoding the events is part
 * of the figure, as it is for an application.
 */
final class SinkWrites implements ProducerMethod {

    private final int threads;

    SinkWrites(int threads) {
        this.threads = threads;
    }

    @Override
    public String label() {
        return "`KafkaAuditSink.write`, batches of " + BATCH + ", fresh events, " + threads
                + (threads == 1 ? " thread" : " threads");
    }

    @Override
    public double eventsPerSecond(String bootstrapServers, String topic, Duration window) throws Exception {
        try (KafkaAuditSink sink = new KafkaAuditSink(KafkaSinkSettings.of(bootstrapServers, topic))) {
            long start = System.nanoTime();
            long written = TimedWindow.run(threads, window, thread -> {
                EventGenerator generator = new EventGenerator();
                return () -> {
                    sink.write(generator.events(BATCH));
                    return BATCH;
                };
            });
            return written / ((System.nanoTime() - start) / 1e9);
        }
    }
}
