package io.auditrail.kafka;

import io.auditrail.core.config.AuditrailSettings;
import io.auditrail.core.config.SinkType;
import io.auditrail.core.spi.AuditSink;
import io.auditrail.core.spi.AuditSinkProvider;
import io.auditrail.core.spi.SinkContext;
import java.util.Optional;

/**
 * {@code auditrail.sink=kafka}: the {@link KafkaAuditSink}, configured under {@code auditrail.kafka}.
 * Creating it connects to the cluster, so a wrong setting fails start-up rather than the first
 * audited call.
 */
public final class KafkaSinkProvider implements AuditSinkProvider {

    /** Called by {@link java.util.ServiceLoader}. */
    public KafkaSinkProvider() {
    }

    @Override
    public String name() {
        return SinkType.KAFKA;
    }

    @Override
    public Optional<AuditSink> create(SinkContext context) {
        AuditrailSettings.Kafka kafka = context.settings().getKafka();
        return Optional.of(KafkaClientFactory.sink(kafka.getBootstrapServers(), kafka.getTopic(),
                kafka.getSendTimeout(), kafka.getProducer(), "auditrail.sink lists kafka"));
    }
}
