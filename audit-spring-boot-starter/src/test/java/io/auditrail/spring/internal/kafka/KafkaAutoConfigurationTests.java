package io.auditrail.spring.internal.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

import io.auditrail.core.dispatch.AuditDispatcher;
import io.auditrail.core.dispatch.AuditSinkDispatchers;
import io.auditrail.jdbc.contract.H2Config;
import io.auditrail.kafka.AuditRecordHeaders;
import io.auditrail.kafka.KafkaAuditLoader;
import io.auditrail.kafka.KafkaAuditSink;
import io.auditrail.kafka.KafkaLoaderSettings;
import io.auditrail.kafka.KafkaSinkSettings;
import io.auditrail.kafka.TestBroker;
import io.auditrail.spring.autoconfigure.AuditrailAutoConfiguration;
import io.auditrail.spring.autoconfigure.AuditrailHealthAutoConfiguration;
import io.auditrail.spring.autoconfigure.AuditrailJdbcAutoConfiguration;
import io.auditrail.spring.autoconfigure.AuditrailKafkaAutoConfiguration;
import io.auditrail.spring.autoconfigure.AuditrailKafkaLoaderHealthAutoConfiguration;
import io.auditrail.spring.autoconfigure.AuditrailOutboxAutoConfiguration;
import io.auditrail.spring.autoconfigure.AuditrailProperties;
import io.auditrail.core.internal.wiring.AuditSinks;
import io.auditrail.spring.internal.metrics.AuditSinksHealthIndicator;
import io.auditrail.spring.internal.outbox.OutboxRelays;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class KafkaAutoConfigurationTests {

    private final ApplicationContextRunner noBroker = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AuditrailJdbcAutoConfiguration.class,
                    AuditrailOutboxAutoConfiguration.class, AuditrailKafkaAutoConfiguration.class,
                    AuditrailAutoConfiguration.class, AuditrailHealthAutoConfiguration.class,
                    AuditrailKafkaLoaderHealthAutoConfiguration.class));

    private final ApplicationContextRunner runner = noBroker
            .withPropertyValues("auditrail.kafka.bootstrap-servers=" + TestBroker.bootstrapServers());

    /** A loader on a fresh topic, loading into an H2 table of its own. */
    private ApplicationContextRunner loader() {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return runner.withBean(DataSource.class, H2Config.INSTANCE::dataSource)
                .withPropertyValues("auditrail.kafka.loader.enabled=true", "auditrail.kafka.topic=" + TestBroker.newTopic(1),
                        "auditrail.kafka.loader.group-id=loader-" + suffix, "auditrail.jdbc.table-name=kafka_" + suffix);
    }

    @Test
    void theAutoConfigurationIsRegistered() {
        assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()))
                .contains(AuditrailKafkaAutoConfiguration.class.getName(),
                        AuditrailKafkaLoaderHealthAutoConfiguration.class.getName());
    }

    @Test
    void noKafkaBeanUnlessTheSinkIsListedOrTheLoaderEnabled() {
        runner.withPropertyValues("auditrail.sink=log").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(KafkaAuditLoader.class);
            assertThat(context.getBean(AuditSinks.class).all()).noneMatch(KafkaAuditSink.class::isInstance);
        });
    }

    @Test
    void aListedKafkaSinkIsReachedAsynchronouslyByDefault() {
        runner.withPropertyValues("auditrail.sink=kafka").run(context -> {
            assertThat(context.getBean(AuditSinks.class).all()).singleElement().isInstanceOf(KafkaAuditSink.class);
            assertThat(context.getBean(AuditSinkDispatchers.class).sinks()).singleElement().satisfies(sink -> {
                assertThat(sink.name()).isEqualTo("kafka");
                assertThat(sink.mode()).startsWith("async");
            });
        });
    }

    @Test
    void outboxDispatchRelaysTheKafkaSink() {
        runner.withBean(DataSource.class, H2Config.INSTANCE::dataSource)
                .withPropertyValues("auditrail.sink=kafka", "auditrail.dispatch=outbox",
                        "auditrail.outbox.table-name=outbox_kafka_config")
                .run(context -> {
                    assertThat(context.getBean(AuditSinkDispatchers.class).sinks()).singleElement()
                            .satisfies(sink -> assertThat(sink.mode()).startsWith("outbox"));
                    assertThat(context.getBean(OutboxRelays.class).relays()).singleElement()
                            .satisfies(relay -> assertThat(relay.owner()).startsWith("kafka-"));
                });
    }

    @Test
    void anApplicationsOwnKafkaSinkWins() {
        runner.withPropertyValues("auditrail.sink=kafka")
                .withBean("mySink", KafkaAuditSink.class,
                        () -> new KafkaAuditSink(KafkaSinkSettings.of(TestBroker.bootstrapServers(), "mine")))
                .run(context -> {
                    assertThat(context.getBean(AuditSinks.class).all()).singleElement()
                            .isSameAs(context.getBean("mySink"));
                });
    }

    @Test
    void aKafkaSinkWithoutBootstrapServersFailsStartUpNamingTheKey() {
        noBroker.withPropertyValues("auditrail.sink=kafka").run(context -> assertThat(context).getFailure()
                .rootCause().hasMessageContaining("auditrail.sink lists kafka but auditrail.kafka.bootstrap-servers is not set"));
    }

    @Test
    void bootstrapServersThatDoNotResolveFailStartUpWithKafkasReasonInTheMessage() {
        noBroker.withPropertyValues("auditrail.sink=kafka", "auditrail.kafka.bootstrap-servers=x.invalid:9092")
                .run(context -> assertThat(context).getFailure().hasMessageContaining(
                        "invalid auditrail.kafka settings: Failed to construct kafka producer: No resolvable bootstrap urls"));
    }

    @Test
    void anOverrideOfTheSinksGuaranteesFailsStartUp() {
        runner.withPropertyValues("auditrail.sink=kafka", "auditrail.kafka.producer.acks=1").run(context -> assertThat(context)
                .getFailure().rootCause().hasMessageContaining("'acks' cannot be overridden"));
    }

    @Test
    void dottedProducerPropertiesReachTheProducerUnderTheirKafkaNames() {
        runner.withPropertyValues("auditrail.sink=kafka", "auditrail.kafka.producer.compression.type=gzip",
                "auditrail.kafka.producer.client.id=billing").run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(AuditrailProperties.class).getKafka().getProducer())
                            .containsOnly(entry("compression.type", "gzip"), entry("client.id", "billing"));
                });
        runner.withPropertyValues("auditrail.sink=kafka", "auditrail.kafka.producer.compression.type=bogus")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("bogus").hasMessageContaining("compression.type"));
    }

    @Test
    void dottedConsumerPropertiesReachTheLoadersConsumer() {
        loader().withPropertyValues("auditrail.kafka.consumer.isolation.level=bogus").run(context -> assertThat(context)
                .getFailure().rootCause().hasMessageContaining("bogus").hasMessageContaining("isolation.level"));
        loader().withPropertyValues("auditrail.kafka.consumer.group.id=other").run(context -> assertThat(context)
                .getFailure().rootCause().hasMessageContaining("'group.id' cannot be overridden"));
    }

    @Test
    void theLoaderRunsWithTheContextWhenEnabled() {
        loader().run(context -> {
            assertThat(context).hasSingleBean(KafkaAuditLoader.class).hasSingleBean(KafkaLoaderLifecycle.class);
            KafkaAuditLoader loader = context.getBean(KafkaAuditLoader.class);
            assertThat(loader.isRunning()).isTrue();

            context.stop();

            assertThat(loader.isRunning()).as("stopped with the context").isFalse();
            assertThatThrownBy(context::start).hasStackTraceContaining("cannot be started again");
        });
    }

    @Test
    void theLoadersHealthIsDownOnceItHasStopped() {
        loader().run(context -> {
            KafkaLoaderHealthIndicator health = context.getBean(KafkaLoaderHealthIndicator.class);
            assertThat(health.health(true).getStatus()).isEqualTo(Status.UP);

            publishNewerSchemaVersion(context.getEnvironment().getProperty("auditrail.kafka.topic"));

            await().atMost(Duration.ofSeconds(30)).until(() -> health.health(true).getStatus().equals(Status.DOWN));
        });
    }

    @Test
    void noLoaderHealthWithoutActuatorNorWithoutTheLoader() {
        loader().withClassLoader(new FilteredClassLoader(HealthIndicator.class)).run(context -> assertThat(context)
                .hasNotFailed().hasSingleBean(KafkaAuditLoader.class).doesNotHaveBean(KafkaLoaderHealthIndicator.class));
        runner.withPropertyValues("auditrail.sink=kafka").run(context -> assertThat(context)
                .hasNotFailed().doesNotHaveBean(KafkaLoaderHealthIndicator.class));
    }

    @Test
    void theLoadersHealthNeedsNeitherTheSinksHealthNorTheStartersDispatcher() {
        loader().withPropertyValues("management.health.auditrail.enabled=false").run(context -> assertThat(context)
                .hasNotFailed().doesNotHaveBean(AuditSinksHealthIndicator.class)
                .hasSingleBean(KafkaLoaderHealthIndicator.class));
        AuditDispatcher ownDispatcher = event -> {
        };
        loader().withBean(AuditDispatcher.class, () -> ownDispatcher).run(context -> assertThat(context)
                .hasNotFailed().doesNotHaveBean(AuditSinkDispatchers.class)
                .hasSingleBean(KafkaLoaderHealthIndicator.class));
    }

    @Test
    void theLoadersHealthCanBeSwitchedOffOnItsOwn() {
        loader().withPropertyValues("management.health.auditrailkafkaloader.enabled=false").run(context -> assertThat(context)
                .hasNotFailed().hasSingleBean(KafkaAuditLoader.class).doesNotHaveBean(KafkaLoaderHealthIndicator.class)
                .hasSingleBean(AuditSinksHealthIndicator.class));
    }

    @Test
    void onlyTheLifecycleClosesTheLoaderSoASlowCloseIsNotWaitedOutTwice() {
        loader().run(context -> assertThat(context.getBeanFactory().getBeanDefinition("kafkaAuditLoader")
                .getDestroyMethodName()).as("Spring's own destroy method for the loader bean").isEmpty());
    }

    @Test
    void aLoaderThatNeverRanIsClosedWithItsLifecycle() throws Exception {
        KafkaAuditLoader loader = new KafkaAuditLoader(KafkaLoaderSettings.of("localhost:9", "never-read"), events -> {
        });
        KafkaLoaderLifecycle lifecycle = new KafkaLoaderLifecycle(loader);

        lifecycle.destroy();

        assertThatThrownBy(loader::loadOnce).as("the consumer is closed").hasMessageContaining("closed");
    }

    @Test
    void anApplicationsOwnLoaderWinsAndIsStartedWithTheContext() {
        String topic = TestBroker.newTopic(1);
        loader().withBean("myLoader", KafkaAuditLoader.class, () -> new KafkaAuditLoader(
                        KafkaLoaderSettings.of(TestBroker.bootstrapServers(), topic).withGroupId("mine"),
                        events -> {
                        }))
                .run(context -> {
                    assertThat(context).hasSingleBean(KafkaAuditLoader.class);
                    assertThat(context.getBean(KafkaLoaderLifecycle.class).loader()).isSameAs(context.getBean("myLoader"));
                    assertThat(context.getBean(KafkaAuditLoader.class).isRunning()).isTrue();
                });
    }

    @Test
    void anEnabledLoaderWithoutAJdbcStoreFailsStartUpSayingWhatToAdd() {
        runner.withPropertyValues("auditrail.kafka.loader.enabled=true").run(context -> assertThat(context)
                .getFailure().rootCause()
                .hasMessageContaining("auditrail.kafka.loader.enabled is true but there is no JdbcAuditStore")
                .hasMessageContaining("DataSource"));
    }

    @Test
    void anEnabledLoaderWithoutBootstrapServersFailsStartUpNamingTheKey() {
        noBroker.withBean(DataSource.class, H2Config.INSTANCE::dataSource)
                .withPropertyValues("auditrail.kafka.loader.enabled=true")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining(
                                "auditrail.kafka.loader.enabled is true but auditrail.kafka.bootstrap-servers is not set"));
    }

    @Test
    void nothingOfKafkaWhenAuditingIsOff() {
        noBroker.withBean(DataSource.class, H2Config.INSTANCE::dataSource)
                .withPropertyValues("auditrail.enabled=false", "auditrail.sink=kafka", "auditrail.kafka.loader.enabled=true")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(AuditSinks.class)
                        .doesNotHaveBean(KafkaAuditLoader.class).doesNotHaveBean(KafkaLoaderLifecycle.class));
    }

    @Test
    void aListedKafkaSinkWithoutTheModuleFailsStartUpInsteadOfBeingDropped() {
        runner.withClassLoader(new FilteredClassLoader("io.auditrail.kafka"))
                .withPropertyValues("auditrail.sink=log,kafka")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("auditrail.sink lists kafka but there is no Kafka audit sink"));
    }

    /** A record only a newer loader can read, which stops this one. */
    private static void publishNewerSchemaVersion(String topic) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestBroker.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, null, "acme", "{}".getBytes(StandardCharsets.UTF_8),
                    List.of(new RecordHeader(AuditRecordHeaders.SCHEMA_VERSION, "2".getBytes(StandardCharsets.UTF_8)))))
                    .get();
        }
    }
}
