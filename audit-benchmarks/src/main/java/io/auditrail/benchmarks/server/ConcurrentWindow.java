package io.auditrail.benchmarks.server;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** Runs a fixed list of items through a number of threads at once and times the whole. */
final class ConcurrentWindow {

    /** Handles one item on a worker thread; each worker gets its own, so it may hold a client. */
    interface Worker {
        void handle(int item) throws Exception;
    }

    /** Makes a worker for one thread. */
    interface WorkerFactory {
        Worker create() throws Exception;
    }

    private ConcurrentWindow() {
    }

    /**
     * Hands items {@code 0} to {@code items - 1} to {@code threads} workers, each taking the next
     * free item, and returns the wall time from the start signal to the last item's end.
     *
     * @return elapsed seconds
     * @throws IllegalStateException when a worker failed; the first failure is its cause
     */
    static double run(int threads, int items, WorkerFactory workers) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Exception> failure = new AtomicReference<>();
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Worker worker = workers.create();
            Thread thread = new Thread(() -> {
                ready.countDown();
                try {
                    start.await();
                    for (int item = next.getAndIncrement(); item < items && failure.get() == null;
                            item = next.getAndIncrement()) {
                        worker.handle(item);
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            }, "bench-client-" + t);
            running.add(thread);
            thread.start();
        }
        ready.await();
        long begin = System.nanoTime();
        start.countDown();
        for (Thread thread : running) {
            thread.join();
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        if (failure.get() != null) {
            throw new IllegalStateException("a worker failed", failure.get());
        }
        return seconds;
    }
}
