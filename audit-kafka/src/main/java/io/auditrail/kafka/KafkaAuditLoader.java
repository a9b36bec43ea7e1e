package io.auditrail.kafka;

import io.auditrail.core.dispatch.Sleeper;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.spi.AuditSink;
import io.auditrail.core.spi.AuditSinkException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the events {@link KafkaAuditSink} published into a store, normally the JDBC store:
 * each polled batch is written in one call (one database transaction), and only after that
 * call returns are the batch's offsets committed. A crash at any point therefore leaves the
 * offsets at or before the last stored batch; the next loader of the group reads those records
 * again and the store, idempotent by event id, stores each event once. Within a partition the
 * batch keeps the topic's order, so each organisation's rows are inserted in the order its
 * events were published.
 *
 * <p>While the store fails (the database is down, or refuses the whole batch because the
 * table is missing or the role lacks a privilege), the batch is read again after a capped
 * exponential backoff and nothing is committed. Single events the store refuses for a data
 * error of their own are logged at ERROR with their topic position and skipped, as are records
 * that are not audit events; a record of a newer schema version stops the loader
 * ({@link UnsupportedSchemaVersionException}) without committing it.
 *
 * <p>Use {@link #start()} for a background thread, or call {@link #loadOnce()} from a loop of
 * your own (always from the same thread: Kafka's consumer is single-threaded).
 */
public final class KafkaAuditLoader implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaAuditLoader.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaLoaderSettings settings;
    private final AuditSink store;
    private final Consumer<String, byte[]> consumer;
    private final Sleeper sleeper;
    private final RecordDecoder decoder = new RecordDecoder();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicLong storedCount = new AtomicLong();
    private volatile Thread thread;
    private int consecutiveFailures;

    /**
     * Creates a loader subscribed to the settings' topic; nothing is read before
     * {@link #start()} or {@link #loadOnce()}.
     *
     * @param settings topic, group and consumer settings
     * @param store where events go; must be idempotent by event id, as {@code JdbcAuditStore} is
     */
    public KafkaAuditLoader(KafkaLoaderSettings settings, AuditSink store) {
        this(settings, store, null);
    }

    KafkaAuditLoader(KafkaLoaderSettings settings, AuditSink store, Sleeper sleeper) {
        this.settings = settings;
        this.store = store;
        this.sleeper = sleeper != null ? sleeper : this::sleepUnlessClosing;
        this.consumer = new KafkaConsumer<>(ConsumerConfigs.of(settings));
        consumer.subscribe(List.of(settings.topic()));
    }

    /**
     * Starts loading on a daemon thread named {@code auditrail-kafka-loader}.
     *
     * @throws IllegalStateException when already started
     */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("Kafka audit loader already started");
        }
        Thread loop = new Thread(this::run, "auditrail-kafka-loader");
        loop.setDaemon(true);
        thread = loop;
        loop.start();
    }

    /**
     * Whether the background thread is loading.
     *
     * @return {@code false} before {@link #start()}, after {@link #close()}, or when the loop stopped
     */
    public boolean isRunning() {
        Thread loop = thread;
        return loop != null && loop.isAlive();
    }

    /**
     * Events stored so far (an event read twice after a crash counts twice).
     *
     * @return the count
     */
    public long storedCount() {
        return storedCount.get();
    }

    /**
     * Polls once, stores what arrived and commits its offsets.
     *
     * @return the number of records handled (stored, or skipped as undecodable or refused);
     *         0 when none arrived or the store failed and the batch will be read again
     * @throws UnsupportedSchemaVersionException when a record needs a newer loader; the records
     *         before it are stored and committed, it and the rest are left for the next poll
     */
    public int loadOnce() {
        ConsumerRecords<String, byte[]> records = consumer.poll(settings.pollTimeout());
        if (records.isEmpty()) {
            return 0;
        }
        try {
            return handle(records);
        } catch (UnsupportedSchemaVersionException e) {
            throw e;
        } catch (RuntimeException e) {
            // The consumer's position is already past the batch: without this, the next commit
            // would move the offsets over records that were never stored.
            seekAfter(List.of(), records);
            throw e;
        }
    }

    private int handle(ConsumerRecords<String, byte[]> records) {
        List<ConsumerRecord<String, byte[]>> handled = new ArrayList<>(records.count());
        List<AuditEvent> events = new ArrayList<>(records.count());
        List<ConsumerRecord<String, byte[]>> sources = new ArrayList<>(records.count());
        UnsupportedSchemaVersionException stop = null;
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                decoder.decode(record).ifPresent(event -> {
                    events.add(event);
                    sources.add(record);
                });
            } catch (UnsupportedSchemaVersionException e) {
                stop = e;
                break;
            }
            handled.add(record);
        }
        if (!store(events, sources)) {
            seekAfter(List.of(), records);
            return 0;
        }
        if (stop != null) {
            // Before the commit, so a failing commit cannot leave the position past the record that stopped us.
            seekAfter(handled, records);
        }
        commit(handled);
        if (stop != null) {
            throw stop;
        }
        return handled.size();
    }

    /**
     * Stops the loop, waiting for the batch in hand to be stored and committed, and closes the
     * consumer. Later calls return at once.
     */
    @Override
    public void close() {
        Thread loop;
        synchronized (this) {
            if (closing.getCount() == 0) {
                // Frameworks may close twice (a lifecycle, then bean destruction): wait once only.
                return;
            }
            closing.countDown();
            loop = thread;
        }
        if (loop == null) {
            consumer.close(CLOSE_TIMEOUT);
            return;
        }
        consumer.wakeup();
        try {
            loop.join(CLOSE_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            while (closing.getCount() > 0) {
                int failuresBefore = consecutiveFailures;
                try {
                    loadOnce();
                } catch (WakeupException e) {
                    return;
                } catch (UnsupportedSchemaVersionException e) {
                    log.error("Kafka audit loader stopped: {}", e.getMessage());
                    return;
                } catch (RuntimeException e) {
                    consecutiveFailures++;
                    log.warn("Kafka audit loader failed to poll or commit (attempt {}), retrying: {}",
                            consecutiveFailures, e.toString());
                }
                if (consecutiveFailures > failuresBefore) {
                    sleeper.sleep(settings.retryBackoff().delay(consecutiveFailures, ThreadLocalRandom.current().nextDouble()));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            consumer.close(CLOSE_TIMEOUT);
        }
    }

    /** Whether the batch is done with: stored, or refused for good and logged. */
    private boolean store(List<AuditEvent> events, List<ConsumerRecord<String, byte[]>> sources) {
        if (events.isEmpty()) {
            return true;
        }
        try {
            store.write(events);
        } catch (AuditSinkException e) {
            if (e.isRetryable()) {
                return failed(events, e);
            }
            if (e.rejections().isEmpty()) {
                // Refused as a whole (no table, no privilege, a read-only database): the store, not
                // the events, is at fault, so they stay in the topic until it is fixed.
                consecutiveFailures++;
                log.error("Kafka audit loader cannot store {} events (attempt {}), will read them again once the "
                        + "store accepts them: {}", events.size(), consecutiveFailures, e.getMessage());
                return false;
            }
            logRefused(e, events, sources);
            storedCount.addAndGet(events.size() - e.rejections().size());
            consecutiveFailures = 0;
            return true;
        } catch (RuntimeException e) {
            return failed(events, e);
        }
        storedCount.addAndGet(events.size());
        consecutiveFailures = 0;
        return true;
    }

    private boolean failed(List<AuditEvent> events, RuntimeException e) {
        consecutiveFailures++;
        log.warn("Kafka audit loader could not store {} events (attempt {}), will read them again: {}",
                events.size(), consecutiveFailures, e.getMessage());
        return false;
    }

    /** Positions are looked up only here, for the rare refused event, not for every record read. */
    private static void logRefused(AuditSinkException e, List<AuditEvent> events,
            List<ConsumerRecord<String, byte[]>> sources) {
        Map<UUID, String> positions = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            positions.put(events.get(i).id(), RecordDecoder.position(sources.get(i)));
        }
        e.rejections().forEach(rejection -> log.error("Audit event {} at {} refused by the store: {}",
                rejection.event().id(), positions.get(rejection.event().id()), rejection.reason()));
    }

    /** The next poll returns the records after {@code handled}, so nothing unstored loses its place. */
    private void seekAfter(List<ConsumerRecord<String, byte[]>> handled, ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> next = nextOffsets(handled);
        Set<TopicPartition> assigned = consumer.assignment();
        for (TopicPartition partition : records.partitions()) {
            if (assigned.contains(partition)) {
                OffsetAndMetadata after = next.get(partition);
                consumer.seek(partition, after != null ? after.offset() : records.records(partition).get(0).offset());
            }
        }
    }

    private void commit(List<ConsumerRecord<String, byte[]>> handled) {
        if (handled.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = nextOffsets(handled);
        try {
            commitDespiteWakeup(offsets);
        } catch (CommitFailedException | RebalanceInProgressException e) {
            // The partitions moved to another loader, which reads these records again; the store deduplicates them.
            log.warn("Kafka audit loader lost its partitions before committing; their new owner re-reads them: {}",
                    e.getMessage());
        }
    }

    /**
     * {@link #close()} wakes the consumer to end a long poll; a wake-up that lands in the commit
     * instead is consumed by it, and the commit is made again so the stored batch is not read twice.
     */
    private void commitDespiteWakeup(Map<TopicPartition, OffsetAndMetadata> offsets) {
        try {
            consumer.commitSync(offsets);
        } catch (WakeupException e) {
            consumer.commitSync(offsets);
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(List<ConsumerRecord<String, byte[]>> handled) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : handled) {
            offsets.merge(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1),
                    (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        return offsets;
    }

    private void sleepUnlessClosing(Duration duration) throws InterruptedException {
        closing.await(duration.toNanos(), TimeUnit.NANOSECONDS);
    }
}
