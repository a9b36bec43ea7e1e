package io.auditrail.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.auditrail.core.dispatch.RetryBackoff;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The effective client properties: overrides apply, except where the guarantees rest on a value. */
class ClientPropertiesTest {

    @Test
    void producerKeepsAcksAllAndIdempotenceAndBoundsDeliveryBySendTimeout() {
        KafkaSinkSettings settings = new KafkaSinkSettings("k1:9092", "audit-events", Duration.ofSeconds(12),
                Map.of("compression.type", "zstd", "linger.ms", "20"));

        Map<String, Object> properties = settings.producerProperties();

        assertThat(properties).containsEntry("bootstrap.servers", "k1:9092").containsEntry("acks", "all")
                .containsEntry("enable.idempotence", "true").containsEntry("compression.type", "zstd")
                .containsEntry("linger.ms", "20").containsEntry("delivery.timeout.ms", "12000")
                .containsEntry("max.block.ms", "12000").containsEntry("request.timeout.ms", "11980");
    }

    @Test
    void theSendTimeoutAloneBoundsTheProducersWaits() {
        for (String key : List.of("delivery.timeout.ms", "max.block.ms")) {
            KafkaSinkSettings settings = new KafkaSinkSettings("k1:9092", "audit-events", Duration.ofSeconds(12),
                    Map.of(key, "600000"));
            assertThatIllegalArgumentException().isThrownBy(settings::producerProperties)
                    .withMessageContaining("'" + key + "' cannot be overridden");
        }
    }

    @Test
    void producerDoesNotLingerUnlessTold() {
        assertThat(KafkaSinkSettings.of("k1:9092", "audit-events").producerProperties()).containsEntry("linger.ms", "0");
    }

    @Test
    void consumerNeverAutoCommitsAndReadsANewGroupFromTheStart() {
        KafkaLoaderSettings settings = new KafkaLoaderSettings("k1:9092", "audit-events", "loaders",
                Duration.ofMillis(300), RetryBackoff.DEFAULTS, Map.of("max.poll.records", "2000"));

        assertThat(settings.consumerProperties()).containsEntry("enable.auto.commit", "false")
                .containsEntry("group.id", "loaders").containsEntry("auto.offset.reset", "earliest")
                .containsEntry("max.poll.records", "2000");
        KafkaLoaderSettings autoCommitting = new KafkaLoaderSettings("k1:9092", "audit-events", "loaders",
                Duration.ofMillis(300), RetryBackoff.DEFAULTS, Map.of("enable.auto.commit", "true"));
        assertThatIllegalArgumentException().isThrownBy(autoCommitting::consumerProperties)
                .withMessageContaining("'enable.auto.commit' cannot be overridden");
    }
}
