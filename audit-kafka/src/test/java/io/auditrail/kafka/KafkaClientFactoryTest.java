package io.auditrail.kafka;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every refused setting fails with a message naming the fix. No broker: every check happens
 * before a client connects.
 */
class KafkaClientFactoryTest {

    /** Nothing listens here; the clients built on it in these tests never connect. */
    private static final String NO_BROKER = "localhost:9";

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    @Test
    void missingBootstrapServersAreNamedWithWhyTheyAreNeeded() {
        assertThatIllegalStateException()
                .isThrownBy(() -> KafkaClientFactory.sink(" ", "audit-events", SEND_TIMEOUT, Map.of(), "auditrail.sink lists kafka"))
                .withMessageStartingWith("auditrail.sink lists kafka but auditrail.kafka.bootstrap-servers is not set");
        assertThatIllegalStateException()
                .isThrownBy(() -> KafkaClientFactory.loader(null, "audit-events", "loaders", Duration.ofMillis(500), Map.of(),
                        events -> {
                        }, "the loader is on"))
                .withMessageStartingWith("the loader is on but auditrail.kafka.bootstrap-servers is not set");
    }

    @Test
    void unresolvableBrokersFailWithKafkasReasonInTheMessage() {
        assertThatIllegalStateException()
                .isThrownBy(() -> KafkaClientFactory.sink("x.invalid:9092", "audit-events", SEND_TIMEOUT, Map.of(), "-"))
                .withMessageStartingWith("invalid auditrail.kafka settings: Failed to construct kafka producer: "
                        + "No resolvable bootstrap urls");
    }

    @Test
    void valuesKafkaRejectsFailNamingThePropertyAndTheValue() {
        assertThatIllegalStateException()
                .isThrownBy(() -> KafkaClientFactory.sink(NO_BROKER, "audit-events", SEND_TIMEOUT,
                        Map.of("compression.type", "bogus"), "-"))
                .withMessageStartingWith("invalid auditrail.kafka settings: ")
                .withMessageContaining("bogus").withMessageContaining("compression.type");
        assertThatIllegalStateException()
                .isThrownBy(() -> KafkaClientFactory.loader(NO_BROKER, "audit-events", "loaders", Duration.ofMillis(500),
                        Map.of("isolation.level", "bogus"), events -> {
                        }, "-"))
                .withMessageStartingWith("invalid auditrail.kafka settings: ")
                .withMessageContaining("bogus").withMessageContaining("isolation.level");
    }

    @Test
    void overridesOfTheGuaranteesAndBadNamesFailAsSettings() {
        assertThatIllegalStateException()
                .isThrownBy(() -> KafkaClientFactory.sink(NO_BROKER, "audit-events", SEND_TIMEOUT, Map.of("acks", "1"), "-"))
                .withMessageStartingWith("invalid auditrail.kafka settings: Kafka producer property 'acks' cannot be overridden")
                .havingCause().isInstanceOf(IllegalArgumentException.class);
        assertThatIllegalStateException()
                .isThrownBy(() -> KafkaClientFactory.sink(NO_BROKER, "audit events", SEND_TIMEOUT, Map.of(), "-"))
                .withMessageStartingWith("invalid auditrail.kafka settings: Kafka topic 'audit events' is not a valid");
    }
}
