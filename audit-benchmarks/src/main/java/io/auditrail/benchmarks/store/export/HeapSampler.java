package io.auditrail.benchmarks.store.export;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;

/**
 * Samples the heap every few milliseconds on a daemon thread. It records two peaks: heap in
 * use, which includes garbage not yet collected and so depends on the collector, and heap
 * still in use right after a collection, which is what the export really keeps alive.
 */
final class HeapSampler implements AutoCloseable {

    private static final long INTERVAL_MILLIS = 5;

    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .toList();
    private final Thread thread = new Thread(this::sample, "bench-heap-sampler");
    private volatile boolean running = true;
    private volatile long peakUsed;
    private volatile long peakAfterCollection;

    HeapSampler() {
        thread.setDaemon(true);
        thread.start();
    }

    long peakUsed() {
        return peakUsed;
    }

    long peakAfterCollection() {
        return peakAfterCollection;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
        record();
    }

    private void sample() {
        while (running) {
            record();
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void record() {
        long used = 0;
        long afterCollection = 0;
        for (MemoryPoolMXBean pool : heapPools) {
            used += pool.getUsage().getUsed();
            MemoryUsage collected = pool.getCollectionUsage();
            afterCollection += collected == null ? 0 : collected.getUsed();
        }
        peakUsed = Math.max(peakUsed, used);
        peakAfterCollection = Math.max(peakAfterCollection, afterCollection);
    }
}
