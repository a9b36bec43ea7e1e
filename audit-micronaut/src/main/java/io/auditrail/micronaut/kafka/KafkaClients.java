package io.auditrail.micronaut.kafka;

import io.auditrail.core.config.AuditrailSettings;
import io.auditrail.core.dispatch.RetryBackoff;
import io.auditrail.core.spi.AuditSink;
import io.auditrail.kafka.KafkaAuditLoader;
import io.auditrail.kafka.KafkaAuditSink;
import io.auditrail.kafka.KafkaLoaderSettings;
import io.auditrail.kafka.KafkaSinkSettings;
import java.util.function.Supplier;
import org.apache.kafka.common.KafkaException;

/**
 * Builds the Kafka sink and loader from {@code auditrail.kafka.*}. A setting that audit-kafka
 * or the Kafka client refuses fails start-up with the {@code auditrail.kafka} prefix in the
 * message, so the reader knows which keys to look at.
 */
final class KafkaClients {

    private static final String BOOTSTRAP_SERVERS = "auditrail.kafka.bootstrap-servers";

    private KafkaClients() {
    }

    static KafkaAuditSink sink(AuditrailSettings.Kafka kafka) {
        String servers = bootstrapServers(kafka, "auditrail.sink lists kafka");
        return checked(() -> new KafkaAuditSink(new KafkaSinkSettings(servers, kafka.getTopic(), kafka.getSendTimeout(),
                kafka.getProducer())));
    }

    static KafkaAuditLoader loader(AuditrailSettings.Kafka kafka, AuditSink store) {
        String servers = bootstrapServers(kafka, "auditrail.kafka.loader.enabled is true");
        AuditrailSettings.KafkaLoader loader = kafka.getLoader();
        return checked(() -> new KafkaAuditLoader(new KafkaLoaderSettings(servers, kafka.getTopic(),
                loader.getGroupId(), loader.getPollTimeout(), RetryBackoff.DEFAULTS, kafka.getConsumer()), store));
    }

    private static String bootstrapServers(AuditrailSettings.Kafka kafka, String why) {
        String servers = kafka.getBootstrapServers();
        if (servers == null || servers.isBlank()) {
            throw new IllegalStateException(why + " but " + BOOTSTRAP_SERVERS
                    + " is not set: name the brokers as host:port pairs separated by commas");
        }
        return servers;
    }

    private static <T> T checked(Supplier<T> client) {
        try {
            return client.get();
        } catch (IllegalArgumentException | NullPointerException | KafkaException e) {
            // Kafka's own message ("Failed to construct kafka producer") hides the reason in its cause.
            String reason = e.getCause() != null && e.getCause() != e ? e.getMessage() + ": " + e.getCause().getMessage()
                    : e.getMessage();
            throw new IllegalStateException("invalid auditrail.kafka settings: " + reason, e);
        }
    }
}
