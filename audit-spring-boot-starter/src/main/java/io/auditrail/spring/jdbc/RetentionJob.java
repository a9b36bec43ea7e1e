package io.auditrail.spring.jdbc;

import io.auditrail.core.store.AuditStore;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Deletes expired events on a fixed delay, on its own daemon thread. The store purges in
 * bounded batches, so writers are never blocked for long.
 */
public final class RetentionJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final AuditStore store;
    private final Duration interval;
    private ScheduledExecutorService executor;

    /**
     * Creates the job.
     *
     * @param store the store to purge
     * @param interval delay between purges; the first runs after one interval
     */
    public RetentionJob(AuditStore store, Duration interval) {
        this.store = store;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "auditrail-retention");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::purge, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void purge() {
        try {
            long deleted = store.purgeExpired();
            if (deleted > 0) {
                log.info("Audit retention deleted {} expired events", deleted);
            }
        } catch (RuntimeException e) {
            log.warn("Audit retention purge failed; retrying in {}", interval, e);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
