package io.auditrail.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.spi.AuditSinkException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class KafkaAuditSinkTest {

    private final AuditEventCodec codec = new AuditEventCodec();

    @Test
    void writesCanonicalJsonKeyedByOrganisationWithIdAndSchemaHeaders() {
        String topic = TestBroker.newTopic(3);
        AuditEvent acme = KafkaTestEvents.event("acme", 1);
        AuditEvent globex = KafkaTestEvents.event("globex", 2);
        AuditEvent noOrganisation = KafkaTestEvents.event(null, 3);

        try (KafkaAuditSink sink = new KafkaAuditSink(KafkaSinkSettings.of(TestBroker.bootstrapServers(), topic))) {
            sink.write(List.of(acme, globex, noOrganisation));
        }

        Map<UUID, ConsumerRecord<String, byte[]>> byId = TestBroker.readAll(topic, 3).stream()
                .collect(Collectors.toMap(r -> UUID.fromString(header(r, AuditRecordHeaders.EVENT_ID)), r -> r));
        assertThat(byId).containsOnlyKeys(acme.id(), globex.id(), noOrganisation.id());
        for (AuditEvent event : List.of(acme, globex, noOrganisation)) {
            ConsumerRecord<String, byte[]> record = byId.get(event.id());
            assertThat(record.value()).isEqualTo(codec.toCanonicalJson(event));
            assertThat(codec.fromJson(new String(record.value(), StandardCharsets.UTF_8))).isEqualTo(event);
            assertThat(header(record, AuditRecordHeaders.SCHEMA_VERSION)).isEqualTo("1");
        }
        assertThat(byId.get(acme.id()).key()).isEqualTo("acme");
        assertThat(byId.get(globex.id()).key()).isEqualTo("globex");
        assertThat(byId.get(noOrganisation.id()).key()).isEmpty();
    }

    @Test
    void keepsEachOrganisationsEventsInOrderWithinOnePartition() {
        String topic = TestBroker.newTopic(4);
        List<String> organisations = List.of("acme", "globex", "initech", "umbrella", "hooli");
        List<AuditEvent> sent = new ArrayList<>();
        try (KafkaAuditSink sink = new KafkaAuditSink(KafkaSinkSettings.of(TestBroker.bootstrapServers(), topic))) {
            for (int batch = 0; batch < 20; batch++) {
                List<AuditEvent> events = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    events.add(KafkaTestEvents.event(organisations.get((batch + i) % organisations.size()), batch * 10 + i));
                }
                sink.write(events);
                sent.addAll(events);
            }
        }

        List<ConsumerRecord<String, byte[]>> records = TestBroker.readAll(topic, sent.size());
        assertThat(records).hasSize(sent.size());
        for (String organisation : organisations) {
            List<ConsumerRecord<String, byte[]>> mine = records.stream().filter(r -> r.key().equals(organisation)).toList();
            assertThat(mine).extracting(ConsumerRecord::partition).containsOnly(mine.get(0).partition());
            assertThat(mine).extracting(r -> UUID.fromString(header(r, AuditRecordHeaders.EVENT_ID)))
                    .containsExactlyElementsOf(sent.stream()
                            .filter(e -> e.organizationId().equals(organisation)).map(AuditEvent::id).toList());
        }
    }

    @Test
    void rejectsForGoodAnEventTooLargeForTheBrokerAndStoresTheRest() {
        String topic = TestBroker.newTopic(1);
        AuditEvent small = KafkaTestEvents.event("acme", 1);
        AuditEvent huge = KafkaTestEvents.event("acme", 2).toBuilder().metadata("blob", "x".repeat(4_000)).build();
        KafkaSinkSettings settings = new KafkaSinkSettings(TestBroker.bootstrapServers(), topic,
                KafkaSinkSettings.DEFAULT_SEND_TIMEOUT, Map.of("max.request.size", "2000"));

        AuditSinkException failure;
        try (KafkaAuditSink sink = new KafkaAuditSink(settings)) {
            failure = catchThrowableOfType(AuditSinkException.class, () -> sink.write(List.of(small, huge)));
        }

        assertThat(failure.isRetryable()).isFalse();
        assertThat(failure.rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.event()).isEqualTo(huge);
            assertThat(rejection.reason()).contains("RecordTooLargeException");
        });
        assertThat(TestBroker.readAll(topic, 1)).extracting(r -> header(r, AuditRecordHeaders.EVENT_ID))
                .containsExactly(small.id().toString());
    }

    @Test
    void failsRetryablyWithinTheSendTimeoutWhenNoBrokerAnswers() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        KafkaSinkSettings settings = new KafkaSinkSettings("127.0.0.1:" + closedPort, "audit-events",
                Duration.ofSeconds(1), Map.of());

        AuditSinkException failure;
        try (KafkaAuditSink sink = new KafkaAuditSink(settings)) {
            // After the first event's wait for metadata, the rest of the batch is not sent at all.
            List<AuditEvent> batch = List.of(KafkaTestEvents.event("acme", 1), KafkaTestEvents.event("acme", 2),
                    KafkaTestEvents.event("acme", 3));
            failure = catchThrowableOfType(AuditSinkException.class, () -> sink.write(batch));
        }

        assertThat(failure.isRetryable()).isTrue();
        assertThat(failure.rejections()).isEmpty();
        assertThat(failure).hasMessageContaining("3 of 3 events not acknowledged by Kafka topic audit-events")
                .hasMessageContaining("first: TimeoutException");
    }

    @Test
    void refusesOverridesThatWouldWeakenDelivery() {
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("acks", "1");
        assertThatIllegalArgumentException().isThrownBy(() -> new KafkaAuditSink(new KafkaSinkSettings(
                        "localhost:9092", "audit-events", Duration.ofSeconds(5), overrides)))
                .withMessageContaining("'acks' cannot be overridden");
        assertThatIllegalArgumentException().isThrownBy(() -> new KafkaAuditSink(new KafkaSinkSettings(
                        "localhost:9092", "audit-events", Duration.ofSeconds(5), Map.of("linger.ms", "5ms"))))
                .withMessageContaining("'linger.ms' must be a whole number of milliseconds, was '5ms'");
        assertThatIllegalArgumentException().isThrownBy(() -> KafkaSinkSettings.of("localhost:9092", "audit events"))
                .withMessageContaining("'audit events' is not a valid topic name");
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
