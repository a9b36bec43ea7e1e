package io.auditrail.kafka;

import io.auditrail.core.dispatch.RetryBackoff;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How {@link KafkaAuditLoader} reads the topic.
 *
 * @param bootstrapServers {@code host:port} list, comma-separated
 * @param topic topic the sink writes to
 * @param groupId consumer group; loaders sharing it split the partitions between them
 * @param pollTimeout longest wait in one poll for new records
 * @param retryBackoff waits between attempts while the database refuses a batch
 * @param consumerOverrides further consumer properties, applied last except for the ones the
 *        loader's exactly-once-per-event promise depends on (manual commits, deserialisers)
 */
public record KafkaLoaderSettings(String bootstrapServers, String topic, String groupId, Duration pollTimeout,
        RetryBackoff retryBackoff, Map<String, String> consumerOverrides) {

    /** Default for {@link #groupId()}. */
    public static final String DEFAULT_GROUP_ID = "auditrail-loader";

    /** Default for {@link #pollTimeout()}. */
    public static final Duration DEFAULT_POLL_TIMEOUT = Duration.ofMillis(500);

    /** Validates the settings. */
    public KafkaLoaderSettings {
        bootstrapServers = KafkaNames.requireText(bootstrapServers, "bootstrap servers");
        topic = KafkaNames.requireTopic(topic);
        groupId = KafkaNames.requireText(groupId, "consumer group id");
        Objects.requireNonNull(pollTimeout, "pollTimeout");
        if (pollTimeout.isNegative() || pollTimeout.isZero()) {
            throw new IllegalArgumentException("Kafka poll timeout must be positive, was " + pollTimeout);
        }
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        consumerOverrides = Map.copyOf(consumerOverrides);
    }

    /**
     * The properties the loader gives its Kafka consumer: the overrides over the loader's
     * defaults, then the fixed ones its exactly-once-per-event promise rests on.
     *
     * @return consumer properties, deserialisers included
     * @throws IllegalArgumentException when an override would let offsets move before the database commit
     */
    public Map<String, Object> consumerProperties() {
        return ConsumerConfigs.of(this);
    }

    /**
     * Settings with the default group, poll timeout and backoff, and no overrides.
     *
     * @param bootstrapServers {@code host:port} list
     * @param topic topic the sink writes to
     * @return the settings
     */
    public static KafkaLoaderSettings of(String bootstrapServers, String topic) {
        return new KafkaLoaderSettings(bootstrapServers, topic, DEFAULT_GROUP_ID, DEFAULT_POLL_TIMEOUT,
                RetryBackoff.DEFAULTS, Map.of());
    }

    /**
     * A copy reading as another consumer group.
     *
     * @param groupId the group
     * @return the copy
     */
    public KafkaLoaderSettings withGroupId(String groupId) {
        return new KafkaLoaderSettings(bootstrapServers, topic, groupId, pollTimeout, retryBackoff, consumerOverrides);
    }
}
