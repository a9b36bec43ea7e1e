package io.auditrail.spring.internal.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.store.AuditQuery;
import io.auditrail.jdbc.JdbcAuditStore;
import io.auditrail.jdbc.contract.H2Config;
import io.auditrail.jdbc.contract.PostgresConfig;
import io.auditrail.jdbc.outbox.JdbcOutbox;
import io.auditrail.kafka.AuditRecordHeaders;
import io.auditrail.kafka.RestartableBroker;
import io.auditrail.kafka.TestBroker;
import io.auditrail.spring.autoconfigure.AuditrailAutoConfiguration;
import io.auditrail.spring.autoconfigure.AuditrailJdbcAutoConfiguration;
import io.auditrail.spring.autoconfigure.AuditrailKafkaAutoConfiguration;
import io.auditrail.spring.autoconfigure.AuditrailOutboxAutoConfiguration;
import io.auditrail.spring.fixtures.RecordingSink;
import io.auditrail.spring.fixtures.TransferService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 10's headline path, configured only by properties: an {@code @Audited} call in a
 * publishing application goes through a real broker, and the loader running in a second
 * application stores it in PostgreSQL, once, with every field as captured. The publisher keeps
 * its business rows and its outbox on H2; a {@link RecordingSink} beside the Kafka sink keeps
 * the events as captured, for comparison.
 */
class KafkaEndToEndTests {

    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final List<String> ORGANISATIONS = List.of("acme", "globex");

    private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final JdbcTemplate postgres = new JdbcTemplate(PostgresConfig.get().dataSource());

    private ApplicationContextRunner publisher(String bootstrapServers, String topic) {
        DataSource dataSource = H2Config.INSTANCE.dataSource();
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class,
                        DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
                        AuditrailJdbcAutoConfiguration.class, AuditrailOutboxAutoConfiguration.class,
                        AuditrailKafkaAutoConfiguration.class, AuditrailAutoConfiguration.class))
                .withBean(DataSource.class, () -> dataSource)
                .withBean(TransferService.class, () -> new TransferService(new JdbcTemplate(dataSource), "transfers_" + suffix))
                .withBean(RecordingSink.class, RecordingSink::new)
                .withPropertyValues("auditrail.sink=kafka", "auditrail.kafka.bootstrap-servers=" + bootstrapServers,
                        "auditrail.kafka.topic=" + topic, "auditrail.async.flush-interval=20ms");
    }

    private ApplicationContextRunner loader(String bootstrapServers, String topic) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AuditrailJdbcAutoConfiguration.class,
                        AuditrailKafkaAutoConfiguration.class, AuditrailAutoConfiguration.class))
                .withBean(DataSource.class, PostgresConfig.get()::dataSource)
                .withPropertyValues("auditrail.kafka.loader.enabled=true", "auditrail.kafka.bootstrap-servers=" + bootstrapServers,
                        "auditrail.kafka.topic=" + topic, "auditrail.kafka.loader.group-id=loader-" + suffix,
                        "auditrail.kafka.loader.poll-timeout=100ms", "auditrail.jdbc.table-name=kafka_" + suffix,
                        "auditrail.jdbc.initialize-schema=always");
    }

    /** Transfers alternating between the organisations; returns each organisation's resource ids in call order. */
    private static Map<String, List<String>> transfer(ApplicationContext publisher, int count) {
        TransferService transfers = publisher.getBean(TransferService.class);
        Map<String, List<String>> called = Map.of(ORGANISATIONS.get(0), new ArrayList<>(), ORGANISATIONS.get(1), new ArrayList<>());
        for (int i = 0; i < count; i++) {
            String organisation = ORGANISATIONS.get(i % 2);
            transfers.transfer(organisation, "t-" + i, 100L * i);
            called.get(organisation).add("t-" + i);
        }
        return called;
    }

    private static List<AuditEvent> stored(ApplicationContext loader) {
        return loader.getBean(JdbcAuditStore.class).query(AuditQuery.builder().limit(AuditQuery.MAX_LIMIT).build()).events();
    }

    private List<String> insertionOrder(String organisation) {
        return postgres.queryForList("select resource_id from kafka_" + suffix + " where organization_id = ? order by seq",
                String.class, organisation);
    }

    @Test
    void asyncDispatchStoresEachEventOnceWithEveryFieldAndEachOrganisationsOrder() {
        String topic = TestBroker.newTopic(3);
        int count = 60;
        loader(TestBroker.bootstrapServers(), topic).run(loading -> publisher(TestBroker.bootstrapServers(), topic)
                .withPropertyValues("auditrail.dispatch=async").run(app -> {
                    Map<String, List<String>> called = transfer(app, count);
                    RecordingSink captured = app.getBean(RecordingSink.class);

                    await().atMost(BOUND).until(() -> captured.events.size() == count && stored(loading).size() >= count);

                    assertThat(stored(loading)).containsExactlyInAnyOrderElementsOf(captured.snapshot());
                    for (String organisation : ORGANISATIONS) {
                        assertThat(insertionOrder(organisation)).containsExactlyElementsOf(called.get(organisation));
                    }
                    MeterRegistry registry = new SimpleMeterRegistry();
                    loading.getBean("auditKafkaLoaderMeters", MeterBinder.class).bindTo(registry);
                    assertThat(registry.get("auditrail.kafka.loader.stored").functionCounter().count()).isEqualTo(count);
                }));
    }

    @Test
    void outboxDispatchDeliversEventsCommittedWhileKafkaWasDownOnceItIsBack() {
        String topic = "audit-outbox";
        int count = 20;
        try (RestartableBroker broker = new RestartableBroker(3, topic)) {
            publisher(broker.bootstrapServers(), topic)
                    .withPropertyValues("auditrail.dispatch=outbox", "auditrail.outbox.table-name=outbox_" + suffix,
                            "auditrail.outbox.poll-interval=50ms", "auditrail.outbox.retry-initial-backoff=50ms",
                            "auditrail.outbox.retry-max-backoff=500ms", "auditrail.kafka.send-timeout=1s")
                    .run(app -> {
                        broker.stop();
                        transfer(app, count);
                        JdbcOutbox outbox = app.getBean(JdbcOutbox.class);
                        JdbcTemplate h2 = new JdbcTemplate(H2Config.INSTANCE.dataSource());
                        assertThat(app.getBean(TransferService.class).transfers()).hasSize(count);
                        await().atMost(BOUND).until(() -> h2.queryForObject("select max(attempts) from outbox_" + suffix
                                + " where destination = 'kafka'", Integer.class) > 0);
                        assertThat(outbox.pendingCount("kafka")).as("committed, and not delivered while Kafka is down")
                                .isEqualTo(count);

                        broker.start();
                        loader(broker.bootstrapServers(), topic).run(loading -> {
                            RecordingSink captured = app.getBean(RecordingSink.class);
                            await().atMost(BOUND).until(() -> captured.events.size() == count
                                    && stored(loading).size() >= count);

                            assertThat(stored(loading)).containsExactlyInAnyOrderElementsOf(captured.snapshot());
                        });
                        await().atMost(BOUND).until(() -> outbox.pendingCount("kafka") == 0);
                    });
        }
    }

    @Test
    void eventsStillQueuedAtShutdownAreSentBeforeTheProducerCloses() {
        String topic = TestBroker.newTopic(1);
        int count = 30;
        publisher(TestBroker.bootstrapServers(), topic)
                .withPropertyValues("auditrail.dispatch=async", "auditrail.async.flush-interval=1h",
                        "auditrail.async.batch-size=1000")
                .run(app -> {
                    transfer(app, count);
                    assertThat(recordsOn(topic)).as("queued, waiting for a full batch").isZero();
                });

        List<ConsumerRecord<String, byte[]>> records = TestBroker.readAll(topic, count);
        assertThat(records).extracting(record -> new String(record.headers().lastHeader(AuditRecordHeaders.EVENT_ID).value(),
                StandardCharsets.UTF_8)).doesNotHaveDuplicates().hasSize(count);
    }

    private static long recordsOn(String topic) throws ExecutionException, InterruptedException {
        TopicPartition partition = new TopicPartition(topic, 0);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestBroker.bootstrapServers()))) {
            return admin.listOffsets(Map.of(partition, OffsetSpec.latest())).all().get().get(partition).offset();
        }
    }
}
