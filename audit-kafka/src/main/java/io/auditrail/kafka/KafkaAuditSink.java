package io.auditrail.kafka;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.spi.AuditSink;
import io.auditrail.core.spi.AuditSinkException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Publishes events to a Kafka topic: the value is the canonical JSON form of
 * {@link AuditEventCodec}, the key is the organisation id (the empty string for events without
 * one), so each organisation's events stay in order within one partition; headers carry the
 * event id and the schema version ({@link AuditRecords}).
 *
 * <p>The producer is idempotent with {@code acks=all}: a batch counts as written only when every
 * in-sync replica has it. Failures map onto {@link AuditSinkException}: retriable Kafka errors,
 * timeouts and lost connections are retryable (the dispatcher sends the batch again, same event
 * ids, so a consumer may see an event twice and must deduplicate by id, as
 * {@link KafkaAuditLoader} does); records Kafka refuses for good (too large, not authorised,
 * invalid topic) are rejections. Thread-safe; {@link #close()} releases the producer.
 */
public final class KafkaAuditSink implements AuditSink, AutoCloseable {

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final Duration waitBound;
    private final AuditEventCodec codec;
    private final KafkaFailures failures;

    /**
     * Creates a sink with its own producer.
     *
     * @param settings where to send and how long to wait
     * @throws IllegalArgumentException when an override would weaken the delivery guarantees
     */
    public KafkaAuditSink(KafkaSinkSettings settings) {
        this.producer = new KafkaProducer<>(ProducerConfigs.of(settings));
        this.topic = settings.topic();
        this.waitBound = ProducerConfigs.waitBound(settings);
        this.codec = new AuditEventCodec();
        this.failures = new KafkaFailures(topic);
    }

    @Override
    public void write(List<AuditEvent> events) {
        // Encoded before the first send, so the records reach the producer back to back: sent as
        // each was encoded, they left in many small produce requests, which cost the producer's
        // network thread and the broker more CPU per event than the encoding itself
        // (run-kafka-benchmark.sh: 0.67x the raw producer waiting per batch before, 0.85x after).
        List<byte[]> values = codec.toCanonicalJson(events);
        List<Sent> sent = new ArrayList<>(events.size());
        boolean unreachable = false;
        for (int i = 0; i < events.size(); i++) {
            AuditEvent event = events.get(i);
            Sent one = unreachable ? Sent.skipped(event) : send(event, values.get(i));
            // Each send blocks up to the send timeout while the broker is unknown: one such wait is enough,
            // and leaving the rest unsent keeps them behind the failed one when the batch is retried.
            unreachable = one.failure != null && one.failure.retryable();
            sent.add(one);
        }
        long deadline = System.nanoTime() + waitBound.toNanos();
        List<KafkaFailures.Failure> failed = new ArrayList<>();
        for (Sent one : sent) {
            KafkaFailures.Failure failure = one.failure != null ? one.failure : await(one, deadline);
            if (failure != null) {
                failed.add(failure);
            }
        }
        failures.throwIfAny(failed, events.size());
    }

    @Override
    public String name() {
        return "kafka";
    }

    /** Sends what is buffered, waiting at most the send timeout, and releases the producer. */
    @Override
    public void close() {
        producer.close(waitBound);
    }

    private Sent send(AuditEvent event, byte[] value) {
        ProducerRecord<String, byte[]> record = AuditRecords.of(topic, event, value);
        Future<RecordMetadata> future;
        try {
            future = producer.send(record);
        } catch (RuntimeException e) {
            return new Sent(event, null, failures.classify(event, e));
        }
        // A future that is already done failed in send() itself, typically after waiting the whole
        // send timeout for metadata: report it now so the rest of the batch need not wait as well.
        return new Sent(event, future, future.isDone() ? failureOf(event, future) : null);
    }

    private KafkaFailures.Failure failureOf(AuditEvent event, Future<RecordMetadata> done) {
        try {
            done.get();
            return null;
        } catch (ExecutionException e) {
            return failures.classify(event, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failures.classify(event, e);
        }
    }

    private KafkaFailures.Failure await(Sent sent, long deadline) {
        try {
            sent.future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return null;
        } catch (ExecutionException e) {
            return failures.classify(sent.event, e.getCause());
        } catch (TimeoutException e) {
            return failures.classify(sent.event, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failures.classify(sent.event, e);
        }
    }

    private record Sent(AuditEvent event, Future<RecordMetadata> future, KafkaFailures.Failure failure) {
        static Sent skipped(AuditEvent event) {
            return new Sent(event, null, new KafkaFailures.Failure(event, "not sent after an earlier event failed", true));
        }
    }
}
