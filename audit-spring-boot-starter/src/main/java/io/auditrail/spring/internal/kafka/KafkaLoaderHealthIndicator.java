package io.auditrail.spring.internal.kafka;

import io.auditrail.kafka.KafkaAuditLoader;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Down when the loader's thread has ended: it stops for good on a record of a newer schema
 * version (the log names the record), and the topic piles up until an upgraded loader runs.
 */
public final class KafkaLoaderHealthIndicator extends AbstractHealthIndicator {

    private final KafkaAuditLoader loader;

    /**
     * Creates the indicator.
     *
     * @param loader the loader to watch
     */
    public KafkaLoaderHealthIndicator(KafkaAuditLoader loader) {
        super("Kafka audit loader health check failed");
        this.loader = loader;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.withDetail("stored", loader.storedCount());
        if (loader.isRunning()) {
            builder.up();
        } else {
            builder.down().withDetail("reason", "the loader is not running; its log says why");
        }
    }
}
