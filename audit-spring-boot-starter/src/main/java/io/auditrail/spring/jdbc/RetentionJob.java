package io.auditrail.spring.jdbc;

import io.auditrail.core.store.AuditStore;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Deletes expired events on a fixed delay, on its own daemon thread. The store purges in
 * bounded batches, so writers are never blocked for long. A failed purge is logged and tried
 * again after the next interval.
 */
public final class RetentionJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final String threadName;
    private final Duration interval;
    private final LongSupplier purge;
    private ScheduledExecutorService executor;

    /**
     * Creates the job that applies the store's own retention.
     *
     * @param store the store to purge
     * @param interval delay between purges; the first runs after one interval
     */
    public RetentionJob(AuditStore store, Duration interval) {
        this("auditrail-retention", interval, store::purgeExpired);
    }

    /**
     * Creates a job with its own purge, such as one retention per plan.
     *
     * @param threadName name of the job's thread
     * @param interval delay between purges; the first runs after one interval
     * @param purge deletes what has expired and returns how many events it deleted
     */
    public RetentionJob(String threadName, Duration interval, LongSupplier purge) {
        this.threadName = threadName;
        this.interval = interval;
        this.purge = purge;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::purge, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void purge() {
        try {
            long deleted = purge.getAsLong();
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
