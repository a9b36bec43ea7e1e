package io.auditrail.micronaut.jdbc;

import io.auditrail.core.store.AuditStore;
import io.micronaut.scheduling.TaskScheduler;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes expired events on a fixed delay ({@code auditrail.jdbc.purge-interval}) on
 * Micronaut's scheduler. The store purges in bounded batches, so writers are never blocked long.
 */
final class RetentionJob implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final AuditStore store;
    private final Duration interval;
    private volatile ScheduledFuture<?> scheduled;

    private RetentionJob(AuditStore store, Duration interval) {
        this.store = store;
        this.interval = interval;
    }

    /**
     * Schedules the job; the first purge runs after one interval.
     *
     * @param store the store to purge
     * @param interval delay between purges
     * @param scheduler runs the purges
     * @return the running job
     */
    public static RetentionJob start(AuditStore store, Duration interval, TaskScheduler scheduler) {
        RetentionJob job = new RetentionJob(store, interval);
        job.scheduled = scheduler.scheduleWithFixedDelay(interval, interval, job::purge);
        return job;
    }

    void purge() {
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
    public void close() {
        ScheduledFuture<?> current = scheduled;
        if (current != null) {
            current.cancel(false);
        }
    }
}
