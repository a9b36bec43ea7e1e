package io.auditrail.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.core.dispatch.AsyncDispatcher;
import io.auditrail.core.dispatch.AsyncSettings;
import io.auditrail.core.dispatch.DrainResult;
import io.auditrail.core.dispatch.OverflowPolicy;
import io.auditrail.core.dispatch.RetryBackoff;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.spi.AuditMonitor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Stops the broker while events flow through the async dispatcher into the Kafka sink, and
 * starts it again on the same port: every event must reach the topic (some possibly twice,
 * always under its own id).
 */
class BrokerRestartTest {

    private static final String TOPIC = "audit-restart";
    private static final int PER_PHASE = 200;

    @Test
    void nothingIsLostWhenTheBrokerStopsAndRestartsWhileEventsAreProduced() throws Exception {
        try (RestartableBroker broker = new RestartableBroker(2, TOPIC)) {
            CountDownLatch failedWhileDown = new CountDownLatch(1);
            AuditMonitor monitor = new AuditMonitor() {
                @Override
                public void sinkFailed(String sink, List<AuditEvent> events, Throwable error, boolean willRetry) {
                    if (willRetry) {
                        failedWhileDown.countDown();
                    }
                }
            };
            List<AuditEvent> produced = new ArrayList<>();
            KafkaSinkSettings sinkSettings = new KafkaSinkSettings(broker.bootstrapServers(), TOPIC,
                    Duration.ofSeconds(2), Map.of());
            DrainResult drained;
            try (KafkaAuditSink sink = new KafkaAuditSink(sinkSettings)) {
                AsyncDispatcher dispatcher = new AsyncDispatcher(sink, new AsyncSettings(10_000, 50, Duration.ofMillis(20),
                        OverflowPolicy.BLOCK, Duration.ofSeconds(1),
                        new RetryBackoff(Duration.ofMillis(50), Duration.ofMillis(500), 2.0, 0.2)), monitor);
                dispatch(dispatcher, produced);
                long stopping = System.nanoTime();
                broker.stop();
                long stopped = System.nanoTime();
                dispatch(dispatcher, produced);
                assertThat(failedWhileDown.await(30, TimeUnit.SECONDS)).as("the sink failed while the broker was down")
                        .isTrue();
                long starting = System.nanoTime();
                broker.start();
                long started = System.nanoTime();
                dispatch(dispatcher, produced);
                drained = dispatcher.close(Duration.ofSeconds(60));
                System.out.printf("broker restart test: stop %d ms, down %d ms, start %d ms, drain %d ms%n",
                        (stopped - stopping) / 1_000_000, (starting - stopped) / 1_000_000,
                        (started - starting) / 1_000_000, (System.nanoTime() - started) / 1_000_000);
            }

            assertThat(drained.isComplete()).isTrue();
            assertThat(eventIds(broker.bootstrapServers(), produced.size()))
                    .containsExactlyInAnyOrderElementsOf(produced.stream().map(AuditEvent::id).toList());
        }
    }

    private static void dispatch(AsyncDispatcher dispatcher, List<AuditEvent> produced) {
        for (int i = 0; i < PER_PHASE; i++) {
            AuditEvent event = KafkaTestEvents.event("org-" + (produced.size() % 5), produced.size());
            dispatcher.dispatch(event);
            produced.add(event);
        }
    }

    /** Distinct event ids on the topic, read until {@code expected} were seen or the bound passed. */
    private static Set<UUID> eventIds(String bootstrapServers, int expected) {
        Set<UUID> ids = new LinkedHashSet<>();
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (ids.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> ids.add(UUID.fromString(new String(
                        record.headers().lastHeader(AuditRecordHeaders.EVENT_ID).value(), StandardCharsets.UTF_8))));
            }
        }
        return ids;
    }
}
