package io.auditrail.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How {@link KafkaAuditSink} reaches the broker.
 *
 * @param bootstrapServers {@code host:port} list, comma-separated
 * @param topic topic the events go to
 * @param sendTimeout longest wait for one batch's acknowledgements; bounds Kafka's
 *        {@code delivery.timeout.ms} so a batch fails (and the dispatcher retries it) instead of
 *        waiting for the producer's two-minute default
 * @param producerOverrides further producer properties, applied last except for the ones the
 *        sink's guarantees depend on (idempotence, {@code acks=all}, serialisers)
 */
public record KafkaSinkSettings(String bootstrapServers, String topic, Duration sendTimeout,
        Map<String, String> producerOverrides) {

    /** Default for {@link #sendTimeout()}. */
    public static final Duration DEFAULT_SEND_TIMEOUT = Duration.ofSeconds(30);

    /** Validates the settings. */
    public KafkaSinkSettings {
        bootstrapServers = KafkaNames.requireText(bootstrapServers, "bootstrap servers");
        topic = KafkaNames.requireTopic(topic);
        Objects.requireNonNull(sendTimeout, "sendTimeout");
        if (sendTimeout.isNegative() || sendTimeout.isZero()) {
            throw new IllegalArgumentException("Kafka send timeout must be positive, was " + sendTimeout);
        }
        producerOverrides = Map.copyOf(producerOverrides);
    }

    /**
     * The properties the sink gives its Kafka producer: the overrides over the sink's defaults,
     * then the fixed ones its guarantees rest on. Useful to run another producer, or a check,
     * with exactly the sink's behaviour.
     *
     * @return producer properties, serialisers included
     * @throws IllegalArgumentException when an override would weaken the delivery guarantees
     */
    public Map<String, Object> producerProperties() {
        return ProducerConfigs.of(this);
    }

    /**
     * Settings with the default send timeout and no overrides.
     *
     * @param bootstrapServers {@code host:port} list
     * @param topic topic the events go to
     * @return the settings
     */
    public static KafkaSinkSettings of(String bootstrapServers, String topic) {
        return new KafkaSinkSettings(bootstrapServers, topic, DEFAULT_SEND_TIMEOUT, Map.of());
    }
}
