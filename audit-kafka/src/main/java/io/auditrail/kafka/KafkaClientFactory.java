package io.auditrail.kafka;

import io.auditrail.core.dispatch.RetryBackoff;
import io.auditrail.core.spi.AuditSink;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.KafkaException;

/**
 * Builds the sink and the loader from {@code auditrail.kafka.*} values, for the framework
 * integrations, so that a wrong setting fails start-up with the same message in every
 * framework: a missing {@code auditrail.kafka.bootstrap-servers} is named, and whatever
 * audit-kafka or the Kafka client refuses (an override of a guarantee, a value Kafka rejects,
 * brokers that do not resolve) becomes an {@link IllegalStateException} starting with
 * {@code invalid auditrail.kafka settings:} and carrying Kafka's reason, which Kafka itself
 * hides in the cause.
 */
public final class KafkaClientFactory {

    /** The key that names the brokers. */
    public static final String BOOTSTRAP_SERVERS_KEY = "auditrail.kafka.bootstrap-servers";

    private KafkaClientFactory() {
    }

    /**
     * Creates the sink and its producer.
     *
     * @param bootstrapServers {@code auditrail.kafka.bootstrap-servers}, may be {@code null}
     * @param topic {@code auditrail.kafka.topic}
     * @param sendTimeout {@code auditrail.kafka.send-timeout}
     * @param producerOverrides {@code auditrail.kafka.producer.*}
     * @param because why the sink is wanted, as in {@code "auditrail.sink lists kafka"}, for the
     *        message when the brokers are not named
     * @return the sink
     * @throws IllegalStateException when a setting is missing or refused
     */
    public static KafkaAuditSink sink(String bootstrapServers, String topic, Duration sendTimeout,
            Map<String, String> producerOverrides, String because) {
        String servers = requireBootstrapServers(bootstrapServers, because);
        return checked(() -> new KafkaAuditSink(new KafkaSinkSettings(servers, topic, sendTimeout, producerOverrides)));
    }

    /**
     * Creates the loader and its consumer, not yet started.
     *
     * @param bootstrapServers {@code auditrail.kafka.bootstrap-servers}, may be {@code null}
     * @param topic {@code auditrail.kafka.topic}
     * @param groupId {@code auditrail.kafka.loader.group-id}
     * @param pollTimeout {@code auditrail.kafka.loader.poll-timeout}
     * @param consumerOverrides {@code auditrail.kafka.consumer.*}
     * @param store where the events go, normally the JDBC store
     * @param because why the loader is wanted, as in {@code "auditrail.kafka.loader.enabled is true"},
     *        for the message when the brokers are not named
     * @return the loader
     * @throws IllegalStateException when a setting is missing or refused
     */
    public static KafkaAuditLoader loader(String bootstrapServers, String topic, String groupId, Duration pollTimeout,
            Map<String, String> consumerOverrides, AuditSink store, String because) {
        String servers = requireBootstrapServers(bootstrapServers, because);
        return checked(() -> new KafkaAuditLoader(new KafkaLoaderSettings(servers, topic, groupId, pollTimeout,
                RetryBackoff.DEFAULTS, consumerOverrides), store));
    }

    private static String requireBootstrapServers(String servers, String because) {
        if (servers == null || servers.isBlank()) {
            throw new IllegalStateException(because + " but " + BOOTSTRAP_SERVERS_KEY
                    + " is not set: set it to your Kafka brokers as host:port pairs separated by commas");
        }
        return servers;
    }

    private static <T> T checked(Supplier<T> client) {
        try {
            return client.get();
        } catch (IllegalArgumentException | KafkaException e) {
            throw new IllegalStateException("invalid auditrail.kafka settings: " + reason(e), e);
        }
    }

    /**
     * The message and its causes' messages: "Failed to construct kafka producer" alone says
     * nothing. A few causes deep at most, in case a chain loops.
     */
    private static String reason(Throwable error) {
        StringBuilder reason = new StringBuilder(String.valueOf(error.getMessage()));
        Throwable cause = error.getCause();
        for (int depth = 0; cause != null && depth < 5; depth++, cause = cause.getCause()) {
            if (cause.getMessage() != null && reason.indexOf(cause.getMessage()) < 0) {
                reason.append(": ").append(cause.getMessage());
            }
        }
        return reason.toString();
    }
}
