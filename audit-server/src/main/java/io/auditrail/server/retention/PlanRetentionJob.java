package io.auditrail.server.retention;

import io.auditrail.core.store.AuditStore;
import io.auditrail.server.tenant.Organization;
import io.auditrail.server.tenant.TenantDirectory;
import io.auditrail.spring.jdbc.RetentionJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.SmartLifecycle;

/**
 * Applies each organisation's plan retention with the store's per-organisation purge, on the
 * starter's {@link RetentionJob} schedule. Plans are read from the database on every run, so a
 * plan change applies from the next run; one run uses one cutoff time for every organisation.
 */
public final class PlanRetentionJob implements SmartLifecycle {

    private final AuditStore store;
    private final TenantDirectory directory;
    private final Clock clock;
    private final RetentionJob schedule;

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
        this.schedule = new RetentionJob("auditrail-plan-retention", interval, this::purgeOnce);
    }

    /**
     * Purges every organisation once.
     *
     * @return the number of events deleted
     */
    public long purgeOnce() {
        long deleted = 0;
        Instant now = clock.instant();
        for (Organization organization : directory.organizations()) {
            Duration retention = organization.plan().retention();
            if (retention != null) {
                deleted += store.purgeOlderThan(now.minus(retention), organization.id());
            }
        }
        return deleted;
    }

    @Override
    public void start() {
        schedule.start();
    }

    @Override
    public void stop() {
        schedule.stop();
    }

    @Override
    public boolean isRunning() {
        return schedule.isRunning();
    }
}
