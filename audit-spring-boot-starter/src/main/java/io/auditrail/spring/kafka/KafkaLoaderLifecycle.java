package io.auditrail.spring.kafka;

import io.auditrail.kafka.KafkaAuditLoader;
import org.springframework.context.SmartLifecycle;

/**
 * Starts a {@link KafkaAuditLoader} once the application context is refreshed and closes it
 * on shutdown, before the {@code DataSource} it writes to: the batch in hand is stored and its
 * offsets committed, then the loader leaves its consumer group so another loader takes over
 * its partitions at once. A closed loader cannot start again.
 */
public final class KafkaLoaderLifecycle implements SmartLifecycle {

    private final KafkaAuditLoader loader;
    private volatile boolean running;

    /**
     * Creates the lifecycle.
     *
     * @param loader the loader, not yet started
     */
    public KafkaLoaderLifecycle(KafkaAuditLoader loader) {
        this.loader = loader;
    }

    /**
     * The loader.
     *
     * @return the loader this lifecycle starts and stops
     */
    public KafkaAuditLoader loader() {
        return loader;
    }

    @Override
    public synchronized void start() {
        if (!running) {
            if (!loader.isRunning()) {
                loader.start();
            }
            running = true;
        }
    }

    @Override
    public synchronized void stop() {
        if (running) {
            loader.close();
            running = false;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
