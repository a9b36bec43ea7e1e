package io.auditrail.kafka;

import java.util.Map;

/**
 * The client properties of {@link KafkaAuditSink} and {@link KafkaAuditLoader}, for the
 * benchmarks' raw baselines. It lives in the sink's package, inside the benchmarks module only,
 * so that a raw producer or consumer measured beside the sink uses the very same properties
 * (acks, idempotence, linger, timeouts, max.poll.records) rather than a copy that could drift.
 */
public final class BenchmarkClientConfigs {

    private BenchmarkClientConfigs() {
    }

    /**
     * The properties {@link KafkaAuditSink} gives its producer.
     *
     * @param settings the sink's settings
     * @return producer properties, serialisers included
     */
    public static Map<String, Object> producer(KafkaSinkSettings settings) {
        return ProducerConfigs.of(settings);
    }

    /**
     * The properties {@link KafkaAuditLoader} gives its consumer.
     *
     * @param settings the loader's settings
     * @return consumer properties, deserialisers included
     */
    public static Map<String, Object> consumer(KafkaLoaderSettings settings) {
        return ConsumerConfigs.of(settings);
    }
}
