package io.auditrail.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.jdbc.contract.PostgresConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
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
    void theProcessExitsWithStatusOneWhenTheLoaderStopsOnItsOwn() throws Exception {
        String topic = TestBroker.newTopic(1);
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of("bootstrap.servers",
                TestBroker.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> newer = new ProducerRecord<>(topic, "acme", "{}".getBytes(StandardCharsets.UTF_8));
            newer.headers().add(AuditRecordHeaders.SCHEMA_VERSION, "2".getBytes(StandardCharsets.UTF_8));
            raw.send(newer).get();
        }
        AuditTable table = new AuditTable();
        PGSimpleDataSource dataSource = (PGSimpleDataSource) PostgresConfig.get().dataSource();
        Path file = Files.createTempFile("loader", ".properties");
        Files.writeString(file, String.join("\n",
                "auditrail.kafka.bootstrap-servers=" + TestBroker.bootstrapServers(),
                "auditrail.kafka.topic=" + topic,
                "auditrail.kafka.loader.group-id=main-" + UUID.randomUUID(),
                "auditrail.kafka.loader.jdbc-url=" + dataSource.getURL(),
                "auditrail.kafka.loader.jdbc-user=" + dataSource.getUser(),
                "auditrail.kafka.loader.jdbc-password=" + dataSource.getPassword(),
                "auditrail.jdbc.table-name=" + table.name()));

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", System.getProperty("java.class.path"), KafkaLoaderMain.class.getName(), file.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the loader process exits by itself").isTrue();
            assertThat(child.exitValue()).isEqualTo(1);
        } finally {
            child.destroyForcibly();
            Files.deleteIfExists(file);
        }
    }

    @Test
    void namesTheMissingKey() {
        Properties properties = new Properties();
        properties.setProperty("auditrail.kafka.bootstrap-servers", "localhost:9092");
        assertThatIllegalArgumentException().isThrownBy(() -> KafkaLoaderMain.start(properties))
                .withMessage("missing required property auditrail.kafka.loader.jdbc-url");
    }
}
