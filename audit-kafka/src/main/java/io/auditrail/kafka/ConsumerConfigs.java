package io.auditrail.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** The consumer properties behind {@link KafkaAuditLoader}'s guarantees. */
final class ConsumerConfigs {

    /** Offsets must move only after the database commit, so auto-commit stays off. */
    private static final Set<String> FIXED = Set.of(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ConsumerConfig.GROUP_ID_CONFIG);

    private ConsumerConfigs() {
    }

    static Map<String, Object> of(KafkaLoaderSettings settings) {
        for (String key : settings.consumerOverrides().keySet()) {
            if (FIXED.contains(key)) {
                throw new IllegalArgumentException("Kafka consumer property '" + key
                        + "' cannot be overridden: the loader commits offsets itself, after the database commit"
                        + " (set bootstrap servers and group id through the loader's own settings)");
            }
        }
        Map<String, Object> config = new HashMap<>();
        // A new group loads the whole retained topic rather than only what arrives from now on.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        config.putAll(settings.consumerOverrides());
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return config;
    }
}
