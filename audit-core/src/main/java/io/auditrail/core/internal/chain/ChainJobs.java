package io.auditrail.core.internal.chain;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * Runs the log's sealers (one thread per partition of the organisations) and checkpoint
 * writer on their own daemon threads, off every request path: sealing on a short fixed delay,
 * checkpoints of every tree on a long one, also when idle. At start-up the rows left unsealed are
 * sealed first and then every tree is checkpointed, so a restart is visible in the checkpoint
 * trail with the heads it found; a tree that appears later is checkpointed, alone, as soon as its
 * first rows are sealed, not a whole interval later. Failures are logged and retried on the next run.
 * Framework-free: the Spring Boot starter ties {@link #start()} and {@link #stop()} to its
 * lifecycle, the Micronaut module to its context's start-up and shutdown.
 */
public final class ChainJobs {

    /**
     * The log the jobs seal and checkpoint, as the JDBC store's {@code JdbcAuditChain} offers it.
     */
    public interface SealableLog {

        /**
         * How many sealers run, one per partition of the organisations.
         *
         * @return the number of partitions
         */
        int sealerThreads();

        /**
         * Seals every pending row.
         *
         * @return rows sealed
         */
        long sealPending();

        /**
         * Seals the pending rows of one partition.
         *
         * @param partition the partition
         * @return rows sealed
         */
        long sealPending(int partition);

        /**
         * The organisations with sealed leaves; {@code null} stands for events without one.
         *
         * @return the organisations
         */
        Set<@Nullable String> sealedOrganizations();

        /**
         * Checkpoints every tree.
         *
         * @return the organisations checkpointed
         */
        List<@Nullable String> writeCheckpoints();

        /**
         * Checkpoints some trees.
         *
         * @param organizations the trees' organisations
         * @return the organisations checkpointed
         */
        List<@Nullable String> writeCheckpoints(Collection<@Nullable String> organizations);
    }

    private static final Logger log = LoggerFactory.getLogger(ChainJobs.class);

    private final SealableLog chain;
    private final Duration sealInterval;
    private final Duration checkpointInterval;
    /** Organisations checkpointed since start-up; {@code null} stands for events without one. */
    private final Set<@Nullable String> checkpointed = Collections.synchronizedSet(new HashSet<>());
    /** Not {@code this}: {@link #stop()} holds that while it waits for the sealing threads. */
    private final Object newTreeLock = new Object();
    private volatile boolean startedUp;
    private @Nullable ScheduledExecutorService executor;

    /**
     * Creates the jobs.
     *
     * @param chain the log to seal and checkpoint
     * @param sealInterval delay between sealing passes
     * @param checkpointInterval delay between checkpoints
     */
    public ChainJobs(SealableLog chain, Duration sealInterval, Duration checkpointInterval) {
        this.chain = chain;
        this.sealInterval = sealInterval;
        this.checkpointInterval = checkpointInterval;
    }

    /** Starts sealing and checkpointing on daemon threads. */
    public synchronized void start() {
        startedUp = false;
        checkpointed.clear();
        executor = Executors.newScheduledThreadPool(chain.sealerThreads() + 1, runnable -> {
            Thread thread = new Thread(runnable, "auditrail-chain");
            thread.setDaemon(true);
            return thread;
        });
        ScheduledExecutorService jobs = executor;
        jobs.execute(() -> startUp(jobs));
        for (int partition = 0; partition < chain.sealerThreads(); partition++) {
            int mine = partition;
            jobs.scheduleWithFixedDelay(() -> seal(mine), sealInterval.toMillis(), sealInterval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        jobs.scheduleWithFixedDelay(this::checkpoint, checkpointInterval.toMillis(), checkpointInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Seals what the last run left, then checkpoints every chain; retried until it succeeds. */
    private void startUp(ScheduledExecutorService jobs) {
        try {
            chain.sealPending();
            writeCheckpoints();
            startedUp = true;
        } catch (RuntimeException e) {
            log.warn("Sealing and checkpointing the audit chains at start-up failed; retrying in {}", sealInterval, e);
            if (!jobs.isShutdown()) {
                jobs.schedule(() -> startUp(jobs), sealInterval.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private void seal(int partition) {
        try {
            if (chain.sealPending(partition) > 0 && startedUp) {
                checkpointNewTrees();
            }
        } catch (RuntimeException e) {
            log.warn("Sealing audit rows failed; retrying in {}", sealInterval, e);
        }
    }

    /**
     * Checkpoints the trees that got their first leaves since start-up, only those: one new
     * organisation must not cost a checkpoint (and a witness POST) of every other. Serialised so
     * that two partitions finding the same new tree checkpoint it once.
     */
    private void checkpointNewTrees() {
        synchronized (newTreeLock) {
            Set<@Nullable String> fresh = new HashSet<>(chain.sealedOrganizations());
            fresh.removeAll(checkpointed);
            if (!fresh.isEmpty()) {
                checkpointed.addAll(chain.writeCheckpoints(fresh));
            }
        }
    }

    private void checkpoint() {
        try {
            writeCheckpoints();
        } catch (RuntimeException e) {
            log.warn("Writing audit chain checkpoints failed; retrying in {}", checkpointInterval, e);
        }
    }

    private void writeCheckpoints() {
        checkpointed.addAll(chain.writeCheckpoints());
    }

    /** Stops the jobs; lets a running pass finish its transaction, briefly, so no connection is cut mid-commit. */
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

    /**
     * Whether the jobs run.
     *
     * @return {@code true} between {@link #start()} and {@link #stop()}
     */
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
