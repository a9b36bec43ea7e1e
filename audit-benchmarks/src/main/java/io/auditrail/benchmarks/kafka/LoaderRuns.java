package io.auditrail.benchmarks.kafka;

import io.auditrail.benchmarks.support.BenchDatabase;
import io.auditrail.benchmarks.support.BenchTables;
import io.auditrail.core.dispatch.RetryBackoff;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.jdbc.JdbcAuditStore;
import io.auditrail.kafka.KafkaAuditLoader;
import io.auditrail.kafka.KafkaLoaderSettings;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Reading one filled topic of distinct events in three ways, each as a new consumer group from
 * the earliest offset: a plain consumer that only counts records, {@link KafkaAuditLoader} into
 * a {@link JdbcAuditStore}, and, to tell the database's share from Kafka's, the same events
 * written straight to the store in batches of the loader's size. The table is truncated and
 * checkpointed before each run that writes, and its row count checked after it.
 */
final class LoaderRuns {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration DEADLINE = Duration.ofMinutes(15);

    private final BenchDatabase database;
    private final JdbcAuditStore store;
    private final String table;
    private final List<AuditEvent> events;

    LoaderRuns(BenchDatabase database, JdbcAuditStore store, String table, List<AuditEvent> events) {
        this.database = database;
        this.store = store;
        this.table = table;
        this.events = events;
    }

    /** Records per second through a plain consumer with the loader's consumer properties, decoding nothing. */
    double consumeOnly(String bootstrapServers, String topic) {
        KafkaLoaderSettings settings = KafkaLoaderSettings.of(bootstrapServers, topic).withGroupId(freshGroup());
        long start = System.nanoTime();
        long deadline = start + DEADLINE.toNanos();
        long read = 0;
        double seconds;
        try (Consumer<String, byte[]> consumer = new KafkaConsumer<>(settings.consumerProperties())) {
            consumer.subscribe(List.of(topic));
            while (read < events.size()) {
                read += consumer.poll(POLL).count();
                requireBefore(deadline, "consumer", read);
            }
            // Stopped at the last record, before leaving the group, as the loader's clock is.
            seconds = (System.nanoTime() - start) / 1e9;
        }
        if (read != events.size()) {
            throw new IllegalStateException("consumer read " + read + " records, expected " + events.size());
        }
        return read / seconds;
    }

    /**
     * Events per second through the loader, from its creation until it has stored them all.
     *
     * @param maxPollRecords the consumer's {@code max.poll.records}: the most events per database transaction
     */
    double load(String bootstrapServers, String topic, int maxPollRecords) throws SQLException, InterruptedException {
        BenchTables.reset(database, table);
        KafkaLoaderSettings settings = new KafkaLoaderSettings(bootstrapServers, topic, freshGroup(),
                KafkaLoaderSettings.DEFAULT_POLL_TIMEOUT, RetryBackoff.DEFAULTS,
                Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(maxPollRecords)));
        long start = System.nanoTime();
        long deadline = start + DEADLINE.toNanos();
        double seconds;
        try (KafkaAuditLoader loader = new KafkaAuditLoader(settings, store)) {
            loader.start();
            while (loader.storedCount() < events.size()) {
                if (!loader.isRunning()) {
                    throw new IllegalStateException("the loader stopped after storing " + loader.storedCount() + " events");
                }
                requireBefore(deadline, "loader", loader.storedCount());
                Thread.sleep(2);
            }
            seconds = (System.nanoTime() - start) / 1e9;
        }
        requireAllRows("loader");
        return events.size() / seconds;
    }

    /** Events per second written straight to the store, {@code batch} per call, with no Kafka. */
    double storeAlone(int batch) throws SQLException {
        BenchTables.reset(database, table);
        long start = System.nanoTime();
        for (int from = 0; from < events.size(); from += batch) {
            store.write(events.subList(from, Math.min(from + batch, events.size())));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        requireAllRows("store alone");
        return events.size() / seconds;
    }

    private void requireAllRows(String what) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            result.next();
            if (result.getLong(1) != events.size()) {
                throw new IllegalStateException(what + " left " + result.getLong(1) + " rows in " + table + ", expected "
                        + events.size());
            }
        }
    }

    private void requireBefore(long deadline, String what, long done) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException(what + " handled " + done + " of " + events.size() + " events within "
                    + DEADLINE);
        }
    }

    private static String freshGroup() {
        return "bench-" + UUID.randomUUID();
    }
}
