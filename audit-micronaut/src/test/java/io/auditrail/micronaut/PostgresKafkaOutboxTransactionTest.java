package io.auditrail.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.auditrail.core.dispatch.AuditSinkDispatchers;
import io.auditrail.jdbc.outbox.JdbcOutbox;
import io.auditrail.kafka.TestBroker;
import io.auditrail.micronaut.app.LedgerService;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.jdbc.DataSourceTransactionManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code auditrail.dispatch: outbox} with the Kafka sink, Micronaut Data transactions and a
 * real (embedded) PostgreSQL: the relay publishes what committed, and never the success of a
 * change that rolled back.
 */
class PostgresKafkaOutboxTransactionTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private String topic;
    private ApplicationContext context;

    @BeforeEach
    void start() throws SQLException {
        topic = KafkaTopics.create();
        Map<String, Object> properties = new HashMap<>(Map.of("auditrail.sink", "kafka", "auditrail.dispatch", "outbox",
                "auditrail.kafka.bootstrap-servers", TestBroker.bootstrapServers(), "auditrail.kafka.topic", topic,
                "auditrail.outbox.table-name", "mn_outbox_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12),
                "auditrail.outbox.initialize-schema", "always", "auditrail.outbox.poll-interval", "20ms"));
        context = ApplicationContext.builder().environments("postgres").properties(properties).start();
        DataSource pool = DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class));
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS mn_ledger (id VARCHAR(64) PRIMARY KEY)");
        }
    }

    @AfterEach
    void stop() {
        context.close();
    }

    @Test
    void aCommittedChangeIsPublishedOnceAfterCommit() throws Exception {
        assertThat(context.getBean(AuditSinkDispatchers.class).sinks()).singleElement()
                .satisfies(sink -> assertThat(sink.mode()).isEqualTo("outbox"));
        String id = UUID.randomUUID().toString();

        context.getBean(LedgerService.class).post(id, false);

        awaitRelayed();
        assertThat(published()).singleElement().satisfies(value -> assertThat(value)
                .contains("\"ledger.posted\"").contains("\"" + id + "\"").contains("\"success\""));
    }

    @Test
    void aRolledBackChangePublishesOnlyItsFailureEvent() throws Exception {
        String id = UUID.randomUUID().toString();

        context.getBean(DataSourceTransactionManager.class).execute(TransactionDefinition.DEFAULT, status -> {
            context.getBean(LedgerService.class).post(id, false);
            status.setRollbackOnly();
            return null;
        });

        awaitRelayed();
        assertThat(published()).singleElement().satisfies(value -> assertThat(value)
                .contains("\"" + id + "\"").contains("\"failure\"")
                .contains("io.micronaut.transaction.TransactionRolledBack"));
    }

    private long pending() {
        return context.getBean(JdbcOutbox.class).pendingCount("kafka");
    }

    /** Once the outbox holds nothing for the sink, every appended event is on the topic. */
    private void awaitRelayed() {
        await().atMost(PATIENCE).until(() -> KafkaTopics.size(topic) > 0 && pending() == 0);
    }

    private List<String> published() {
        return KafkaTopics.records(topic).stream().map(KafkaTopics::value).toList();
    }
}
