package io.auditrail.benchmarks.store.ingest;

import io.auditrail.core.dispatch.AsyncDispatcher;
import io.auditrail.core.dispatch.AsyncSettings;
import io.auditrail.core.dispatch.DrainResult;
import io.auditrail.core.dispatch.OverflowPolicy;
import io.auditrail.core.dispatch.RetryBackoff;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.spi.AuditMonitor;
import io.auditrail.jdbc.JdbcAuditStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Producer threads hand events to an {@link AsyncDispatcher} in front of the store, as the
 * async dispatch mode does; the pass ends when close has delivered the last event.
 */
final class AsyncDispatcherIngest implements IngestMethod {

    /** Producers outrun the writer, so they must wait for room rather than have events refused. */
    private static final Duration PRODUCER_PATIENCE = Duration.ofMinutes(1);
    private static final Duration DRAIN_DEADLINE = Duration.ofMinutes(5);

    private final JdbcAuditStore store;
    private final String table;
    private final int batchSize;
    private final int producers;

    AsyncDispatcherIngest(JdbcAuditStore store, String table, int batchSize, int producers) {
        this.store = store;
        this.table = table;
        this.batchSize = batchSize;
        this.producers = producers;
    }

    @Override
    public String label() {
        return "store behind `AsyncDispatcher` (batch " + batchSize + "), " + producers + " producer"
                + (producers == 1 ? "" : "s");
    }

    @Override
    public String table() {
        return table;
    }

    @Override
    public void ingest(IngestRows rows) throws InterruptedException {
        AsyncSettings settings = new AsyncSettings(AsyncSettings.DEFAULTS.capacity(), batchSize,
                AsyncSettings.DEFAULTS.flushInterval(), OverflowPolicy.BLOCK, PRODUCER_PATIENCE, RetryBackoff.DEFAULTS);
        AsyncDispatcher dispatcher = new AsyncDispatcher(store, settings, AuditMonitor.NONE);
        List<Thread> threads = new ArrayList<>();
        int share = (rows.size() + producers - 1) / producers;
        for (int p = 0; p < producers; p++) {
            List<AuditEvent> slice = rows.events().subList(Math.min(p * share, rows.size()),
                    Math.min((p + 1) * share, rows.size()));
            Thread producer = new Thread(() -> slice.forEach(dispatcher::dispatch), "bench-producer-" + p);
            producer.start();
            threads.add(producer);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        DrainResult drained = dispatcher.close(DRAIN_DEADLINE);
        if (!drained.isComplete()) {
            throw new IllegalStateException(drained.undelivered().size() + " events were not delivered");
        }
    }
}
