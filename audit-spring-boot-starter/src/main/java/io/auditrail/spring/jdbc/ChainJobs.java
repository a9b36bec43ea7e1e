package io.auditrail.spring.jdbc;

import io.auditrail.jdbc.chain.JdbcAuditChain;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the chain's sealers (one thread per partition of the organisations) and checkpoint
 * writer on their own daemon threads, off every request path: sealing on a short fixed delay, checkpoints on a long one (the first at start-up, so a
 * restart is visible in the checkpoint trail). Failures are logged and retried on the next run.
 */
public final class ChainJobs implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChainJobs.class);

    private final JdbcAuditChain chain;
    private final Duration sealInterval;
    private final Duration checkpointInterval;
    private ScheduledExecutorService executor;

    /**
     * Creates the jobs.
     *
     * @param chain the chain to seal and checkpoint
     * @param sealInterval delay between sealing passes
     * @param checkpointInterval delay between checkpoints
     */
    public ChainJobs(JdbcAuditChain chain, Duration sealInterval, Duration checkpointInterval) {
        this.chain = chain;
        this.sealInterval = sealInterval;
        this.checkpointInterval = checkpointInterval;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newScheduledThreadPool(chain.sealerThreads() + 1, runnable -> {
            Thread thread = new Thread(runnable, "auditrail-chain");
            thread.setDaemon(true);
            return thread;
        });
        for (int partition = 0; partition < chain.sealerThreads(); partition++) {
            int mine = partition;
            executor.scheduleWithFixedDelay(() -> seal(mine), sealInterval.toMillis(), sealInterval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        executor.scheduleWithFixedDelay(this::checkpoint, 0, checkpointInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void seal(int partition) {
        try {
            chain.sealPending(partition);
        } catch (RuntimeException e) {
            log.warn("Sealing audit rows failed; retrying in {}", sealInterval, e);
        }
    }

    private void checkpoint() {
        try {
            chain.writeCheckpoints();
        } catch (RuntimeException e) {
            log.warn("Writing audit chain checkpoints failed; retrying in {}", checkpointInterval, e);
        }
    }

    /** Lets a running pass finish its transaction, briefly, so no connection is cut mid-commit. */
    @Override
    public synchronized void stop() {
        if (executor == null) {
            return;
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        executor = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
