package io.auditrail.spring.jdbc;

import io.auditrail.core.internal.chain.ChainJobs.SealableLog;
import io.auditrail.jdbc.chain.JdbcAuditChain;
import io.auditrail.jdbc.chain.SignedCheckpoint;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the log's sealers and checkpoint writer with the application context: core's
 * framework-free {@link io.auditrail.core.internal.chain.ChainJobs}, which the Micronaut module
 * runs too (sealing on a short fixed delay, checkpoints of every tree on a long one, also when
 * idle; at start-up what the last run left is sealed and every tree checkpointed).
 */
public final class ChainJobs implements SmartLifecycle {

    private final io.auditrail.core.internal.chain.ChainJobs jobs;

    /**
     * Creates the jobs.
     *
     * @param chain the chain to seal and checkpoint
     * @param sealInterval delay between sealing passes
     * @param checkpointInterval delay between checkpoints
     */
    public ChainJobs(JdbcAuditChain chain, Duration sealInterval, Duration checkpointInterval) {
        this.jobs = new io.auditrail.core.internal.chain.ChainJobs(sealable(chain), sealInterval, checkpointInterval);
    }

    /**
     * The JDBC log as the jobs see it.
     *
     * @param chain the log
     * @return the view the jobs use
     */
    static SealableLog sealable(JdbcAuditChain chain) {
        return new SealableLog() {
            @Override
            public int sealerThreads() {
                return chain.sealerThreads();
            }

            @Override
            public long sealPending() {
                return chain.sealPending();
            }

            @Override
            public long sealPending(int partition) {
                return chain.sealPending(partition);
            }

            @Override
            public Set<@Nullable String> sealedOrganizations() {
                return chain.sealedOrganizations();
            }

            @Override
            public List<@Nullable String> writeCheckpoints() {
                return organizations(chain.writeCheckpoints());
            }

            @Override
            public List<@Nullable String> writeCheckpoints(Collection<@Nullable String> organizations) {
                return organizations(chain.writeCheckpoints(organizations));
            }
        };
    }

    private static List<@Nullable String> organizations(List<SignedCheckpoint> checkpoints) {
        return checkpoints.stream().map(SignedCheckpoint::organizationId).toList();
    }

    @Override
    public void start() {
        jobs.start();
    }

    @Override
    public void stop() {
        jobs.stop();
    }

    @Override
    public boolean isRunning() {
        return jobs.isRunning();
    }
}
