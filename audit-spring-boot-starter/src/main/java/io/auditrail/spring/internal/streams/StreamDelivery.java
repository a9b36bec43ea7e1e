package io.auditrail.spring.internal.streams;

import io.auditrail.jdbc.stream.JdbcStreams;
import org.springframework.context.SmartLifecycle;

/**
 * This instance's stream deliverers, started with the application context and stopped before its
 * data source closes, like the outbox relays. A deliverer stopped mid-batch leaves its lease to
 * expire; the next instance to take the stream delivers that batch again under the same
 * {@code webhook-id}, so receivers deduplicate.
 */
public final class StreamDelivery implements SmartLifecycle {

    private final JdbcStreams streams;
    private volatile boolean running;

    /**
     * Creates the lifecycle.
     *
     * @param streams the streams, not yet started
     */
    public StreamDelivery(JdbcStreams streams) {
        this.streams = streams;
    }

    @Override
    public synchronized void start() {
        if (!running) {
            streams.start();
            running = true;
        }
    }

    @Override
    public synchronized void stop() {
        if (running) {
            streams.close();
            running = false;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
