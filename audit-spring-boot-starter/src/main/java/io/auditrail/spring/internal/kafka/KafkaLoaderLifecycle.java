package io.auditrail.spring.internal.kafka;

import io.auditrail.kafka.KafkaAuditLoader;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

/**
 * Starts a {@link KafkaAuditLoader} once the application context is refreshed and closes it
 * on shutdown, before the {@code DataSource} it writes to: the batch in hand is stored and its
 * offsets committed, then the loader leaves its consumer group so another loader takes over
 * its partitions at once. A closed loader cannot start again.
 *
 * <p>It closes the loader exactly once: on {@link #stop()}, or on {@link #destroy()} when the
 * loader never ran (a context that failed to start), so the loader's own bean needs no
 * destroy method.
 */
public final class KafkaLoaderLifecycle implements SmartLifecycle, DisposableBean {

    private final KafkaAuditLoader loader;
    private volatile boolean running;
    private boolean closed;

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

    /**
     * Starts the loader, unless it already runs.
     *
     * @throws IllegalStateException when the loader was stopped before: its consumer is closed
     */
    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        if (closed) {
            throw new IllegalStateException("the Kafka audit loader was stopped and its consumer closed; it cannot be "
                    + "started again within this application context");
        }
        if (!loader.isRunning()) {
            loader.start();
        }
        running = true;
    }

    @Override
    public synchronized void stop() {
        if (running) {
            loader.close();
            running = false;
            closed = true;
        }
    }

    /** Closes the loader unless {@link #stop()} has. */
    @Override
    public synchronized void destroy() {
        if (!closed) {
            loader.close();
            running = false;
            closed = true;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
