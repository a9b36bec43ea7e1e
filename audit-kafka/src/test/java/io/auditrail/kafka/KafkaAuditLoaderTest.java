package io.auditrail.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.auditrail.core.dispatch.RetryBackoff;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.spi.AuditSink;
import io.auditrail.core.spi.AuditSinkException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaAuditLoaderTest {

    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final List<String> ORGANISATIONS = List.of("acme", "globex", "initech", "umbrella");

    private final AuditTable table = new AuditTable();

    @Test
    void storesEveryEventOnceInEachOrganisationsPublishedOrder() {
        String topic = TestBroker.newTopic(3);
        List<AuditEvent> published = publish(topic, 300);

        try (KafkaAuditLoader loader = new KafkaAuditLoader(settings(topic), table.store())) {
            loader.start();
            await().atMost(BOUND).until(() -> table.count() >= published.size());
        }

        List<AuditTable.Row> rows = table.rows();
        assertThat(rows).extracting(AuditTable.Row::eventId)
                .containsExactlyInAnyOrderElementsOf(published.stream().map(AuditEvent::id).toList());
        for (String organisation : ORGANISATIONS) {
            assertThat(rows.stream().filter(r -> r.organizationId().equals(organisation)).map(AuditTable.Row::eventId))
                    .containsExactlyElementsOf(published.stream()
                            .filter(e -> e.organizationId().equals(organisation)).map(AuditEvent::id).toList());
        }
    }

    @Test
    void readsTheBatchAgainWithBackoffWhileTheStoreFailsRetryably() {
        String topic = TestBroker.newTopic(1);
        List<AuditEvent> published = publish(topic, 50);
        AtomicInteger failuresLeft = new AtomicInteger(2);
        AuditSink flaky = events -> {
            if (failuresLeft.getAndDecrement() > 0) {
                throw new AuditSinkException("connection refused", null, true);
            }
            table.store().write(events);
        };
        List<Duration> waits = new CopyOnWriteArrayList<>();
        KafkaLoaderSettings settings = new KafkaLoaderSettings(TestBroker.bootstrapServers(), topic, group(),
                Duration.ofMillis(200), new RetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(8), 2.0, 0.0), Map.of());

        try (KafkaAuditLoader loader = new KafkaAuditLoader(settings, flaky, waits::add)) {
            loader.start();
            await().atMost(BOUND).until(() -> table.count() >= published.size());
        }

        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(table.rows()).extracting(AuditTable.Row::eventId)
                .containsExactlyElementsOf(published.stream().map(AuditEvent::id).toList());
    }

    @Test
    void keepsTheEventsInTheTopicWhileTheStoreRefusesWholeBatches() {
        String topic = TestBroker.newTopic(2);
        List<AuditEvent> published = publish(topic, 60);
        AuditTable missing = AuditTable.notYetCreated();
        List<Duration> waits = new CopyOnWriteArrayList<>();

        try (KafkaAuditLoader loader = new KafkaAuditLoader(settings(topic), missing.store(), wait -> {
            waits.add(wait);
            Thread.sleep(20);
        })) {
            loader.start();
            await().atMost(BOUND).until(() -> waits.size() >= 3);
            assertThat(loader.storedCount()).isZero();

            missing.create();
            await().atMost(BOUND).until(() -> missing.count() >= published.size());
        }

        assertThat(missing.rows()).extracting(AuditTable.Row::eventId)
                .containsExactlyInAnyOrderElementsOf(published.stream().map(AuditEvent::id).toList());
    }

    @Test
    void skipsRecordsOfASchemaVersionNoSinkWrote() {
        String topic = TestBroker.newTopic(1);
        AuditEvent stored = KafkaTestEvents.event("acme", 1);
        try (KafkaAuditSink sink = new KafkaAuditSink(KafkaSinkSettings.of(TestBroker.bootstrapServers(), topic));
                KafkaProducer<String, byte[]> raw = rawProducer()) {
            for (byte[] version : List.of("0".getBytes(StandardCharsets.UTF_8), "v1".getBytes(StandardCharsets.UTF_8),
                    new byte[0])) {
                ProducerRecord<String, byte[]> odd = new ProducerRecord<>(topic, "acme", "{}".getBytes(StandardCharsets.UTF_8));
                odd.headers().add(AuditRecordHeaders.SCHEMA_VERSION, version);
                raw.send(odd);
            }
            ProducerRecord<String, byte[]> nullVersion = new ProducerRecord<>(topic, "acme", "{}".getBytes(StandardCharsets.UTF_8));
            nullVersion.headers().add(AuditRecordHeaders.SCHEMA_VERSION, null);
            raw.send(nullVersion);
            raw.flush();
            sink.write(List.of(stored));
        }

        try (KafkaAuditLoader loader = new KafkaAuditLoader(settings(topic), table.store())) {
            loader.start();
            await().atMost(BOUND).until(() -> table.count() >= 1);
            assertThat(loader.isRunning()).as("odd versions are skipped, not a reason to stop").isTrue();
        }

        assertThat(table.rows()).extracting(AuditTable.Row::eventId).containsExactly(stored.id());
    }

    @Test
    void skipsRecordsThatAreNotAuditEventsAndStopsAtANewerSchemaVersion() {
        String topic = TestBroker.newTopic(1);
        AuditEvent before = KafkaTestEvents.event("acme", 1);
        AuditEvent after = KafkaTestEvents.event("acme", 2);
        try (KafkaAuditSink sink = new KafkaAuditSink(KafkaSinkSettings.of(TestBroker.bootstrapServers(), topic));
                KafkaProducer<String, byte[]> raw = rawProducer()) {
            sink.write(List.of(before));
            raw.send(new ProducerRecord<>(topic, "acme", "{not json".getBytes(StandardCharsets.UTF_8)));
            raw.flush();
            sink.write(List.of(after));
            ProducerRecord<String, byte[]> future = new ProducerRecord<>(topic, "acme", "{}".getBytes(StandardCharsets.UTF_8));
            future.headers().add(AuditRecordHeaders.SCHEMA_VERSION, "2".getBytes(StandardCharsets.UTF_8));
            raw.send(future);
        }
        KafkaLoaderSettings settings = settings(topic);

        try (KafkaAuditLoader loader = new KafkaAuditLoader(settings, table.store())) {
            loader.start();
            await().atMost(BOUND).until(() -> !loader.isRunning());
        }

        assertThat(table.rows()).extracting(AuditTable.Row::eventId).containsExactly(before.id(), after.id());
        // Nothing of the stopped batch was committed: a second loader meets the same records again.
        try (KafkaAuditLoader again = new KafkaAuditLoader(settings, table.store())) {
            again.start();
            await().atMost(BOUND).until(() -> !again.isRunning());
            assertThat(again.storedCount()).isZero();
        }
        assertThat(table.count()).isEqualTo(2);
    }

    private static List<AuditEvent> publish(String topic, int count) {
        List<AuditEvent> published = new ArrayList<>();
        try (KafkaAuditSink sink = new KafkaAuditSink(KafkaSinkSettings.of(TestBroker.bootstrapServers(), topic))) {
            for (int from = 0; from < count; from += 25) {
                List<AuditEvent> batch = new ArrayList<>();
                for (int i = from; i < Math.min(count, from + 25); i++) {
                    batch.add(KafkaTestEvents.event(ORGANISATIONS.get(i % ORGANISATIONS.size()), i));
                }
                sink.write(batch);
                published.addAll(batch);
            }
        }
        return published;
    }

    private static KafkaLoaderSettings settings(String topic) {
        return new KafkaLoaderSettings(TestBroker.bootstrapServers(), topic, group(), Duration.ofMillis(200),
                RetryBackoff.DEFAULTS, Map.of("max.poll.records", "50"));
    }

    private static String group() {
        return "loader-" + UUID.randomUUID();
    }

    private static KafkaProducer<String, byte[]> rawProducer() {
        return new KafkaProducer<>(Map.of("bootstrap.servers", TestBroker.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }
}
