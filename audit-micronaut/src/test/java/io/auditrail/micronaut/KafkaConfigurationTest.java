package io.auditrail.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.kafka.KafkaAuditLoader;
import io.auditrail.core.internal.wiring.AuditSinks;
import io.auditrail.kafka.KafkaAuditSink;
import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Wrong {@code auditrail.kafka.*} settings fail start-up naming what to fix. No broker is
 * needed: every check happens before a connection is tried.
 */
class KafkaConfigurationTest {

    /** Nothing listens here; a client built on it never gets to connect in these tests. */
    private static final String NO_BROKER = "localhost:9";

    @Test
    void theKafkaSinkWithoutBootstrapServersFailsStartUpNamingTheKey() {
        assertThatThrownBy(() -> start(null, "auditrail.sink", "kafka"))
                .hasStackTraceContaining("auditrail.sink lists kafka but auditrail.kafka.bootstrap-servers is not set");
    }

    @Test
    void theLoaderWithoutBootstrapServersFailsStartUpNamingTheKey() {
        assertThatThrownBy(() -> start("h2", "auditrail.kafka.loader.enabled", "true"))
                .hasStackTraceContaining(
                        "auditrail.kafka.loader.enabled is true but auditrail.kafka.bootstrap-servers is not set");
    }

    @Test
    void theLoaderWithoutAJdbcStoreFailsStartUp() {
        assertThatThrownBy(() -> start(null, "auditrail.sink", "log", "auditrail.kafka.bootstrap-servers", NO_BROKER,
                "auditrail.kafka.loader.enabled", "true"))
                .hasStackTraceContaining("auditrail.kafka.loader.enabled is true but there is no JDBC audit store");
    }

    @Test
    void anOverrideThatWouldWeakenDeliveryFailsStartUp() {
        assertThatThrownBy(() -> start(null, "auditrail.sink", "kafka", "auditrail.kafka.bootstrap-servers", NO_BROKER,
                "auditrail.kafka.producer.acks", "1"))
                .hasStackTraceContaining("invalid auditrail.kafka settings: Kafka producer property 'acks' cannot be "
                        + "overridden");
    }

    @Test
    void anInvalidTopicFailsStartUp() {
        assertThatThrownBy(() -> start(null, "auditrail.sink", "kafka", "auditrail.kafka.bootstrap-servers", NO_BROKER,
                "auditrail.kafka.topic", "audit events"))
                .hasStackTraceContaining("invalid auditrail.kafka settings: Kafka topic 'audit events' is not a valid");
    }

    @Test
    void bootstrapServersThatDoNotResolveFailStartUpWithKafkasReason() {
        assertThatThrownBy(() -> start(null, "auditrail.sink", "kafka", "auditrail.kafka.bootstrap-servers",
                "kafka-1.invalid:9092"))
                .hasStackTraceContaining("invalid auditrail.kafka settings: Failed to construct kafka producer: "
                        + "No resolvable bootstrap urls");
    }

    @Test
    void withoutKafkaInTheSinksOrTheLoaderOnThereIsNoKafkaClient() {
        try (ApplicationContext context = start(null, "auditrail.sink", "log", "auditrail.kafka.bootstrap-servers",
                NO_BROKER)) {
            assertThat(context.getBean(AuditSinks.class).all()).noneMatch(KafkaAuditSink.class::isInstance);
            assertThat(context.findBean(KafkaAuditLoader.class)).isEmpty();
        }
    }

    @Test
    void noLoaderWhenAuditingIsOffEvenIfTheLoaderIsEnabled() {
        try (ApplicationContext context = start("h2", "auditrail.enabled", "false", "auditrail.kafka.bootstrap-servers",
                NO_BROKER, "auditrail.kafka.loader.enabled", "true")) {
            assertThat(context.findBean(KafkaAuditLoader.class)).isEmpty();
        }
    }

    private static ApplicationContext start(String environment, String... properties) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < properties.length; i += 2) {
            map.put(properties[i], properties[i + 1]);
        }
        return ApplicationContext.builder().environments(environment == null ? new String[0] : new String[] {environment})
                .properties(map).start();
    }
}
