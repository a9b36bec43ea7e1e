package io.auditrail.benchmarks.kafka;

import io.auditrail.kafka.KafkaSinkSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The baseline: a plain {@code KafkaProducer<String, byte[]>} with exactly the sink's producer
 * properties, sending pre-encoded records of the sink's shape ({@link EncodedEvents}), one
 * producer shared by the threads as one sink would be. Either fire-and-forget (the producer's
 * own ceiling) or, like {@code KafkaAuditSink.write}, {@link #BATCH} records at a time, waiting
 * for their acknowledgements before the next batch.
 */
final class RawProducer implements ProducerMethod {

    private final EncodedEvents events;
    private final int threads;
    private final boolean waitPerBatch;

    RawProducer(EncodedEvents events, int threads, boolean waitPerBatch) {
        this.events = events;
        this.threads = threads;
        this.waitPerBatch = waitPerBatch;
    }

    @Override
    public String label() {
        return "raw producer, pre-encoded, " + (waitPerBatch ? "waits for each batch of " + BATCH : "fire-and-forget")
                + ", " + threads + (threads == 1 ? " thread" : " threads");
    }

    @Override
    public double eventsPerSecond(String bootstrapServers, String topic, Duration window) throws Exception {
        List<ProducerRecord<String, byte[]>> records = events.records(topic);
        AtomicLong acknowledged = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Callback counter = (metadata, e) -> {
            if (e == null) {
                acknowledged.incrementAndGet();
            } else {
                failure.compareAndSet(null, e);
            }
        };
        try (Producer<String, byte[]> producer = new KafkaProducer<>(
                KafkaSinkSettings.of(bootstrapServers, topic).producerProperties())) {
            long start = System.nanoTime();
            TimedWindow.run(threads, window, thread -> {
                int[] next = {thread * records.size() / threads};
                return () -> {
                    List<Future<RecordMetadata>> sent = new ArrayList<>(BATCH);
                    for (int i = 0; i < BATCH; i++) {
                        sent.add(producer.send(records.get(next[0]), counter));
                        next[0] = (next[0] + 1) % records.size();
                    }
                    if (waitPerBatch) {
                        for (Future<RecordMetadata> one : sent) {
                            one.get();
                        }
                    }
                    return BATCH;
                };
            });
            producer.flush();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (failure.get() != null) {
                throw new IllegalStateException("raw producer failed to send", failure.get());
            }
            return acknowledged.get() / seconds;
        }
    }

    /**
     * Sends every event once, in order, fire-and-forget, to fill a topic for the loader.
     *
     * @return events per second
     */
    double fill(String bootstrapServers, String topic) throws InterruptedException {
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (Producer<String, byte[]> producer = new KafkaProducer<>(
                KafkaSinkSettings.of(bootstrapServers, topic).producerProperties())) {
            long start = System.nanoTime();
            for (ProducerRecord<String, byte[]> record : events.records(topic)) {
                producer.send(record, (metadata, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
            }
            producer.flush();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (failure.get() != null) {
                throw new IllegalStateException("filling topic " + topic + " failed", failure.get());
            }
            return events.size() / seconds;
        }
    }
}
