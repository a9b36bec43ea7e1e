package io.auditrail.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The producer properties behind {@link KafkaAuditSink}'s guarantees. */
final class ProducerConfigs {

    /** Properties the sink's ordering and at-least-once promise depend on; overrides may not change them. */
    private static final Set<String> FIXED = Set.of(ProducerConfig.ACKS_CONFIG,
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, ProducerConfig.MAX_BLOCK_MS_CONFIG);

    /**
     * The sink waits for every batch's acknowledgements before it returns, so lingering only
     * delays that wait: with Kafka 4's default of 5 ms, one writer thread managed 16k events/s,
     * with 0 it managed 66k (run-kafka-benchmark.sh). Records sent while a request is in flight
     * are still batched together.
     */
    private static final long DEFAULT_LINGER_MS = 0;
    private static final long MAX_REQUEST_TIMEOUT_MS = 30_000;

    private ProducerConfigs() {
    }

    static Map<String, Object> of(KafkaSinkSettings settings) {
        for (String key : settings.producerOverrides().keySet()) {
            if (FIXED.contains(key)) {
                throw new IllegalArgumentException("Kafka producer property '" + key
                        + "' cannot be overridden: the audit sink needs acks=all, idempotence and its own serialisers,"
                        + " and bounds its waits by the send timeout (set bootstrap servers and the send timeout"
                        + " through the sink's own settings)");
            }
        }
        long deliveryMs = settings.sendTimeout().toMillis();
        long lingerMs = lingerMs(settings.producerOverrides().get(ProducerConfig.LINGER_MS_CONFIG));
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ProducerConfig.LINGER_MS_CONFIG, String.valueOf(lingerMs));
        // A batch must fail within the send timeout so the dispatcher's backoff, not the
        // producer's two-minute default, decides what happens next.
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(deliveryMs));
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                String.valueOf(Math.max(1, Math.min(MAX_REQUEST_TIMEOUT_MS, deliveryMs - lingerMs))));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(deliveryMs));
        config.putAll(settings.producerOverrides());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return config;
    }

    private static long lingerMs(String override) {
        if (override == null) {
            return DEFAULT_LINGER_MS;
        }
        try {
            return Long.parseLong(override.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Kafka producer property 'linger.ms' must be a whole number of"
                    + " milliseconds, was '" + override + "'");
        }
    }

    static Duration waitBound(KafkaSinkSettings settings) {
        // Kafka fails each record by its delivery timeout; the margin only covers a stuck client.
        return settings.sendTimeout().plusSeconds(5);
    }
}
