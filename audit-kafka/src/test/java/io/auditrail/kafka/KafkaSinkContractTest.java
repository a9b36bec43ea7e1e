package io.auditrail.kafka;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.sink.contract.AbstractRemoteAuditSinkContractTest;
import io.auditrail.core.sink.contract.SilentServer;
import io.auditrail.core.spi.AuditSink;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;

/**
 * The Kafka sink against the in-process broker, read back from the topic's beginning to its end
 * offset. A topic keeps every record sent, so a batch written twice is there twice with the same
 * event ids, for {@link KafkaAuditLoader} to deduplicate.
 */
class KafkaSinkContractTest extends AbstractRemoteAuditSinkContractTest {

    /** Larger than any event of the kit but the refused one. */
    private static final int MAX_REQUEST_BYTES = 20_000;

    private final AuditEventCodec codec = new AuditEventCodec();
    private final String topic = TestBroker.newTopic(1);
    private final KafkaAuditSink sink = new KafkaAuditSink(new KafkaSinkSettings(TestBroker.bootstrapServers(), topic,
            KafkaSinkSettings.DEFAULT_SEND_TIMEOUT, Map.of("max.request.size", String.valueOf(MAX_REQUEST_BYTES))));

    @AfterEach
    void close() {
        sink.close();
    }

    @Override
    protected AuditSink sink() {
        return sink;
    }

    @Override
    protected List<AuditEvent> storedEvents(int expected) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestBroker.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<AuditEvent> events = new ArrayList<>();
        TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                consumer.poll(Duration.ofMillis(200))
                        .forEach(record -> events.add(codec.fromJson(new String(record.value(), StandardCharsets.UTF_8))));
            }
        }
        return events;
    }

    @Override
    protected boolean deduplicatesById() {
        return false;
    }

    @Override
    protected Optional<AuditEvent> refusedForGood(AuditEvent valid) {
        return Optional.of(valid.toBuilder().metadata("blob", "x".repeat(MAX_REQUEST_BYTES)).build());
    }

    @Override
    protected AuditSink sinkTo(SilentServer silent, Duration timeout) {
        String address = silent.address().getHostString() + ":" + silent.address().getPort();
        return new KafkaAuditSink(new KafkaSinkSettings(address, topic, timeout, Map.of()));
    }
}
