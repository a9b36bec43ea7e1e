package io.auditrail.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.auditrail.core.config.InitializeSchema;
import io.auditrail.core.dispatch.RetryBackoff;
import io.auditrail.core.dispatch.outbox.OutboxDispatcher;
import io.auditrail.core.dispatch.outbox.OutboxRelay;
import io.auditrail.core.dispatch.outbox.OutboxRelaySettings;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.spi.AuditMonitor;
import io.auditrail.jdbc.contract.PostgresConfig;
import io.auditrail.jdbc.outbox.JdbcOutbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The outbox path end to end: events committed to the outbox table while the broker is down
 * reach Kafka once it is back, and the loader stores each of them once in PostgreSQL.
 */
class OutboxThroughKafkaTest {

    private static final String TOPIC = "audit-outbox";
    private static final int EVENTS = 120;

    @Test
    void eventsCommittedWhileTheBrokerIsDownReachThePostgresTableOnceItIsBack() {
        JdbcOutbox outbox = JdbcOutbox.builder(PostgresConfig.get().dataSource())
                .tableName("outbox_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12))
                .initializeSchema(InitializeSchema.ALWAYS).build();
        AuditTable table = new AuditTable();
        try (RestartableBroker broker = new RestartableBroker(2, TOPIC);
                KafkaAuditSink sink = new KafkaAuditSink(new KafkaSinkSettings(broker.bootstrapServers(), TOPIC,
                        Duration.ofSeconds(1), Map.of()));
                OutboxRelay relay = new OutboxRelay(outbox, sink, new OutboxRelaySettings(50, Duration.ofMillis(10),
                        Duration.ofMinutes(1), new RetryBackoff(Duration.ofMillis(10), Duration.ofMillis(100), 2.0, 0.2),
                        Duration.ofDays(1)), AuditMonitor.NONE)) {
            broker.stop();
            OutboxDispatcher dispatcher = new OutboxDispatcher(outbox, sink.name());
            List<AuditEvent> committed = new ArrayList<>();
            for (int i = 0; i < EVENTS; i++) {
                AuditEvent event = KafkaTestEvents.event("org-" + (i % 3), i);
                dispatcher.dispatch(event);
                committed.add(event);
            }

            relay.relayOnce();
            assertThat(outbox.pendingCount(sink.name())).as("nothing delivered while the broker is down")
                    .isEqualTo(EVENTS);

            broker.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                relay.relayOnce();
                return outbox.pendingCount(sink.name()) == 0;
            });
            try (KafkaAuditLoader loader = new KafkaAuditLoader(KafkaLoaderSettings.of(broker.bootstrapServers(), TOPIC)
                    .withGroupId("loader-" + UUID.randomUUID()), table.store())) {
                loader.start();
                await().atMost(Duration.ofSeconds(30)).until(() -> table.count() >= EVENTS);
            }
            assertThat(table.rows()).extracting(AuditTable.Row::eventId)
                    .containsExactlyInAnyOrderElementsOf(committed.stream().map(AuditEvent::id).toList());
        }
    }
}
