package io.auditrail.benchmarks.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

/** Runs one step over and over on several threads for a fixed window; each thread finishes the step in hand. */
final class TimedWindow {

    /** One unit of work on one thread. */
    interface Step {
        /**
         * Does the work.
         *
         * @return events it completed
         * @throws Exception when it fails, which fails the window
         */
        long run() throws Exception;
    }

    private TimedWindow() {
    }

    /**
     * Runs the window.
     *
     * @param threads how many threads
     * @param window how long they keep starting steps
     * @param steps each thread's step, given the thread's index
     * @return events the steps completed
     */
    static long run(int threads, Duration window, IntFunction<Step> steps) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Step step = steps.apply(t);
                workers.add(pool.submit(() -> {
                    long done = 0;
                    while (running.get()) {
                        done += step.run();
                    }
                    return done;
                }));
            }
            Thread.sleep(window.toMillis());
            running.set(false);
            long total = 0;
            for (Future<Long> worker : workers) {
                total += worker.get();
            }
            return total;
        } finally {
            running.set(false);
            pool.shutdownNow();
        }
    }
}
