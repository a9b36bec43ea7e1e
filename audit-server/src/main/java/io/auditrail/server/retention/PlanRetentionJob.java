package io.auditrail.server.retention;

import io.auditrail.core.store.AuditStore;
import io.auditrail.server.tenant.Organization;
import io.auditrail.server.tenant.TenantDirectory;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Applies each organisation's plan retention with the store's per-organisation purge, on a
 * fixed delay on its own daemon thread. Plans are read from the database on every run, so
 * a plan change applies from the next run.
 */
public final class PlanRetentionJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PlanRetentionJob.class);

    private final AuditStore store;
    private final TenantDirectory directory;
    private final Clock clock;
    private final Duration interval;
    private ScheduledExecutorService executor;

    /**
     * Creates the job.
     *
     * @param store the store to purge
     * @param directory organisations and their plans
     * @param clock decides the cutoffs
     * @param interval delay between runs; the first runs after one interval
     */
    public PlanRetentionJob(AuditStore store, TenantDirectory directory, Clock clock, Duration interval) {
        this.store = store;
        this.directory = directory;
        this.clock = clock;
        this.interval = interval;
    }

    /**
     * Purges every organisation once.
     *
     * @return the number of events deleted
     */
    public long purgeOnce() {
        long deleted = 0;
        for (Organization organization : directory.organizations()) {
            Duration retention = organization.plan().retention();
            if (retention != null) {
                deleted += store.purgeOlderThan(clock.instant().minus(retention), organization.id());
            }
        }
        return deleted;
    }

    private void run() {
        try {
            long deleted = purgeOnce();
            if (deleted > 0) {
                log.info("Plan retention deleted {} expired events", deleted);
            }
        } catch (RuntimeException e) {
            log.warn("Plan retention failed; retrying in {}", interval, e);
        }
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "auditrail-plan-retention");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::run, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
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
