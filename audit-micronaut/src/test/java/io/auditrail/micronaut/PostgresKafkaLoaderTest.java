package io.auditrail.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.spi.AuditSink;
import io.auditrail.jdbc.JdbcAuditStore;
import io.auditrail.jdbc.contract.PostgresConfig;
import io.auditrail.kafka.KafkaAuditLoader;
import io.auditrail.kafka.TestBroker;
import io.auditrail.micronaut.app.InvoiceService;
import io.micronaut.context.ApplicationContext;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * One Micronaut service publishes with {@code auditrail.sink: kafka}; another, with
 * {@code auditrail.kafka.loader.enabled}, loads the topic into its JDBC store on a real
 * (embedded) PostgreSQL.
 */
class PostgresKafkaLoaderTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void anEventPublishedByOneServiceIsStoredOnceWithEqualFieldsByAnother() throws Exception {
        String topic = KafkaTopics.create();
        AuditEvent published = publishOnePayment(topic);
        String table = "mn_kafka_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String group = "loader-" + UUID.randomUUID();

        try (ApplicationContext loader = loaderContext(topic, table, group)) {
            JdbcAuditStore store = loader.getBean(JdbcAuditStore.class);
            await().atMost(PATIENCE).until(() -> store.findById("org-3", published.id()).isPresent());
            assertThat(store.findById("org-3", published.id())).contains(published);
        }
        assertThat(committedOffset(group, topic)).as("committed by the time the loader closed").isEqualTo(1);

        // A new group reads the record again: the store keeps the one row.
        try (ApplicationContext again = loaderContext(topic, table, "loader-" + UUID.randomUUID())) {
            KafkaAuditLoader rereading = again.getBean(KafkaAuditLoader.class);
            await().atMost(PATIENCE).until(() -> rereading.storedCount() == 1);
            assertThat(rows(table)).isEqualTo(1);
        }
    }

    private static AuditEvent publishOnePayment(String topic) {
        List<AuditEvent> published = new CopyOnWriteArrayList<>();
        try (ApplicationContext publisher = ApplicationContext.builder().properties(Map.of("auditrail.sink", "kafka",
                "auditrail.kafka.bootstrap-servers", TestBroker.bootstrapServers(), "auditrail.kafka.topic", topic))
                .build()) {
            publisher.registerSingleton(AuditSink.class, (AuditSink) published::addAll);
            publisher.start();
            publisher.getBean(InvoiceService.class).pay("inv-3", "org-3", new BigDecimal("99.90"));
        }
        assertThat(published).hasSize(1);
        return published.get(0);
    }

    private static ApplicationContext loaderContext(String topic, String table, String group) {
        return ApplicationContext.builder().environments("postgres").properties(Map.of(
                "auditrail.jdbc.table-name", table,
                "auditrail.kafka.bootstrap-servers", TestBroker.bootstrapServers(),
                "auditrail.kafka.topic", topic,
                "auditrail.kafka.loader.enabled", "true",
                "auditrail.kafka.loader.group-id", group,
                "auditrail.kafka.loader.poll-timeout", "100ms")).start();
    }

    private static long committedOffset(String group, String topic) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestBroker.bootstrapServers()))) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                    .get(new TopicPartition(topic, 0));
            return committed == null ? 0 : committed.offset();
        }
    }

    private static int rows(String table) throws SQLException {
        try (Connection connection = PostgresConfig.get().dataSource().getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            result.next();
            return result.getInt(1);
        }
    }
}
