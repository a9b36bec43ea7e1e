package io.auditrail.jdbc.stream;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's delivery threads: every poll interval one ticker moves the horizon and
 * hands each due stream (not already in hand here) to a delivery thread, which claims its
 * lease; a stream that moved events goes to the back of the queue again at once.
 */
final class DeliveryWorkers {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorkers.class);

    private final StreamRepository repository;
    private final SequenceHorizon horizon;
    private final StreamDeliverer deliverer;
    private final Clock clock;
    private final Duration pollInterval;
    private final int threads;
    private final Duration stopWait;
    private final Set<String> inHand = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService ticker;
    private volatile ExecutorService pool;

    DeliveryWorkers(StreamRepository repository, SequenceHorizon horizon, StreamDeliverer deliverer, Clock clock,
            Duration pollInterval, int threads, Duration stopWait) {
        this.repository = repository;
        this.horizon = horizon;
        this.deliverer = deliverer;
        this.clock = clock;
        this.pollInterval = pollInterval;
        this.threads = threads;
        this.stopWait = stopWait;
    }

    synchronized void start() {
        if (ticker != null) {
            return;
        }
        AtomicInteger count = new AtomicInteger();
        pool = Executors.newFixedThreadPool(threads, r -> daemon(r, "auditrail-stream-" + count.incrementAndGet()));
        ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "auditrail-stream-ticker"));
        ticker.scheduleWithFixedDelay(this::tickSafely, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    synchronized void stop() {
        if (ticker == null) {
            return;
        }
        ticker.shutdownNow();
        pool.shutdown();
        try {
            if (!pool.awaitTermination(stopWait.toMillis(), TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
        ticker = null;
        pool = null;
    }

    /** One round on the calling thread: what a tick does, without the threads; for tests and benchmarks. */
    int deliverDueNow() {
        long safe = horizon.advance();
        int moved = 0;
        for (String id : repository.due(clock.instant(), deliverer.owner())) {
            moved += deliverer.deliver(id, safe);
        }
        return moved;
    }

    private void tickSafely() {
        try {
            long safe = horizon.advance();
            for (String id : repository.due(clock.instant(), deliverer.owner())) {
                if (inHand.add(id)) {
                    pool.execute(() -> turn(id, safe));
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Stream delivery round failed; retrying in {}", pollInterval, e);
        }
    }

    /** A stream that moved events goes to the back of the queue again, so a backlog drains without waiting for ticks. */
    private void turn(String id, long safe) {
        int moved = 0;
        try {
            moved = deliverer.deliver(id, safe);
        } catch (RuntimeException e) {
            LOG.warn("Delivery of stream {} failed; retrying on a later round", id, e);
        }
        ExecutorService current = pool;
        if (moved > 0 && current != null && !current.isShutdown()) {
            try {
                current.execute(() -> turn(id, horizon.advance()));
                return;
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                LOG.debug("Stopping; stream {} resumes on the next start", id);
            }
        }
        inHand.remove(id);
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
