package io.auditrail.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.auditrail.core.dispatch.AuditSinkDispatchers;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.spi.AuditSink;
import io.auditrail.kafka.AuditRecordHeaders;
import io.auditrail.kafka.TestBroker;
import io.auditrail.micronaut.app.InvoiceService;
import io.micronaut.context.ApplicationContext;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** {@code auditrail.sink: kafka} publishing to the JVM's test broker, with the default async dispatch. */
class KafkaSinkTest {

    @Test
    void anAuditedCallReachesTheTopicAsCanonicalJsonKeyedByOrganisation() {
        String topic = KafkaTopics.create();
        // The same event, through a second sink.
        List<AuditEvent> captured = new CopyOnWriteArrayList<>();
        try (ApplicationContext context = kafkaContext(topic, Map.of())) {
            context.registerSingleton(AuditSink.class, (AuditSink) captured::addAll);
            context.start();
            assertThat(context.getBean(AuditSinkDispatchers.class).sinks())
                    .filteredOn(sink -> sink.name().equals("kafka")).singleElement()
                    .satisfies(sink -> assertThat(sink.mode()).isEqualTo("async"));

            context.getBean(InvoiceService.class).pay("inv-1", "org-7", new BigDecimal("12.50"));

            await().atMost(Duration.ofSeconds(30)).until(() -> KafkaTopics.size(topic) == 1 && captured.size() == 1);
            List<ConsumerRecord<String, byte[]>> records = KafkaTopics.records(topic);
            AuditEvent event = captured.get(0);
            assertThat(records).singleElement().satisfies(record -> {
                assertThat(record.key()).isEqualTo("org-7");
                assertThat(KafkaTopics.header(record, AuditRecordHeaders.EVENT_ID)).isEqualTo(event.id().toString());
                assertThat(KafkaTopics.header(record, AuditRecordHeaders.SCHEMA_VERSION)).isEqualTo("1");
                assertThat(record.value()).isEqualTo(new AuditEventCodec().toCanonicalJson(event));
            });
            assertThat(event.action()).isEqualTo("invoice.paid");
            assertThat(event.resource().id()).isEqualTo("inv-1");
        }
    }

    @Test
    void eventsStillQueuedAtShutdownAreSentBeforeTheProducerCloses() {
        String topic = KafkaTopics.create();
        int events = 25;
        // A batch that never fills and a flush interval that never ends: only the shutdown drain sends them.
        ApplicationContext context = kafkaContext(topic, Map.of("auditrail.async.batch-size", "1000",
                "auditrail.async.flush-interval", "10m")).start();
        try {
            InvoiceService invoices = context.getBean(InvoiceService.class);
            for (int i = 0; i < events; i++) {
                invoices.delete("inv-" + i);
            }
            assertThat(KafkaTopics.size(topic)).as("all still held by the async dispatcher").isZero();
        } finally {
            context.close();
        }

        assertThat(KafkaTopics.records(topic)).hasSize(events)
                .allSatisfy(record -> assertThat(KafkaTopics.value(record)).contains("invoice.deleted"));
    }

    private static ApplicationContext kafkaContext(String topic, Map<String, String> extra) {
        Map<String, Object> properties = new HashMap<>(Map.of("auditrail.sink", "kafka",
                "auditrail.kafka.bootstrap-servers", TestBroker.bootstrapServers(), "auditrail.kafka.topic", topic));
        properties.putAll(extra);
        return ApplicationContext.builder().properties(properties).build();
    }
}
