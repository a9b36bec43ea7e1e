package io.auditrail.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.jdbc.contract.PostgresConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class KafkaLoaderMainTest {

    @Test
    void loadsTheTopicIntoTheTableNamedInTheProperties() {
        String topic = TestBroker.newTopic(2);
        List<AuditEvent> published = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            published.add(KafkaTestEvents.event("org-" + (i % 3), i));
        }
        try (KafkaAuditSink sink = new KafkaAuditSink(KafkaSinkSettings.of(TestBroker.bootstrapServers(), topic))) {
            sink.write(published);
        }
        AuditTable table = new AuditTable();
        PGSimpleDataSource dataSource = (PGSimpleDataSource) PostgresConfig.get().dataSource();
        Properties properties = new Properties();
        properties.setProperty("auditrail.kafka.bootstrap-servers", TestBroker.bootstrapServers());
        properties.setProperty("auditrail.kafka.topic", topic);
        properties.setProperty("auditrail.kafka.loader.group-id", "main-" + UUID.randomUUID());
        properties.setProperty("auditrail.kafka.consumer.max.poll.records", "7");
        properties.setProperty("auditrail.kafka.loader.jdbc-url", dataSource.getURL());
        properties.setProperty("auditrail.kafka.loader.jdbc-user", String.valueOf(dataSource.getUser()));
        properties.setProperty("auditrail.kafka.loader.jdbc-password", String.valueOf(dataSource.getPassword()));
        properties.setProperty("auditrail.jdbc.table-name", table.name());

        try (KafkaAuditLoader loader = KafkaLoaderMain.start(properties)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> table.count() >= published.size());
        }

        assertThat(table.rows()).extracting(AuditTable.Row::eventId)
                .containsExactlyInAnyOrderElementsOf(published.stream().map(AuditEvent::id).toList());
    }

    @Test
    void namesTheMissingKey() {
        Properties properties = new Properties();
        properties.setProperty("auditrail.kafka.bootstrap-servers", "localhost:9092");
        assertThatIllegalArgumentException().isThrownBy(() -> KafkaLoaderMain.start(properties))
                .withMessage("missing required property auditrail.kafka.loader.jdbc-url");
    }
}
