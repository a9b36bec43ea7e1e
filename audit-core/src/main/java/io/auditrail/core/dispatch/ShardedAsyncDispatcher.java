package io.auditrail.core.dispatch;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.spi.AuditMonitor;
import io.auditrail.core.spi.AuditSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Several {@link AsyncDispatcher}s, each with its own writer thread, in front of one thread-safe
 * sink: for a sink whose write mostly waits on the network (a broker's acknowledgements, a remote
 * API), one writer leaves the sink idle while it waits, and more writers keep batches in flight
 * together. Each organisation's events go to one writer, chosen by the organisation id, so they
 * reach the sink in the order they were dispatched, as with one writer (and, for Kafka, its
 * partition keeps that order); events of different organisations may overtake each other. The
 * capacity is split evenly between the writers; batch size, flush interval, overflow policy and
 * retries apply to each writer as they would to one. Writer threads are named
 * {@code auditrail-writer-<sink>-<n>}, from 1.
 */
public final class ShardedAsyncDispatcher implements QueuingDispatcher {

    private final List<AsyncDispatcher> writers;

    /**
     * Creates and starts {@link AsyncSettings#writers()} writers.
     *
     * @param sink where events go; called from several threads at once
     * @param settings queue, batch, retry and writer settings; the capacity is shared by the writers
     * @param monitor observes deliveries, failures and drops
     */
    public ShardedAsyncDispatcher(AuditSink sink, AsyncSettings settings, AuditMonitor monitor) {
        this(sink, settings, settings.writers(), monitor);
    }

    /**
     * Creates and starts the writers.
     *
     * @param sink where events go; called from several threads at once
     * @param settings queue, batch and retry settings; the capacity is shared by the writers
     * @param writers how many writer threads, at least 1 and at most the capacity; in place of
     *        {@link AsyncSettings#writers()}
     * @param monitor observes deliveries, failures and drops
     */
    public ShardedAsyncDispatcher(AuditSink sink, AsyncSettings settings, int writers, AuditMonitor monitor) {
        if (writers < 1 || writers > settings.capacity()) {
            throw new IllegalArgumentException("writers must be between 1 and the capacity (" + settings.capacity()
                    + ") but was " + writers);
        }
        AsyncSettings each = new AsyncSettings(settings.capacity() / writers, settings.batchSize(),
                settings.flushInterval(), settings.overflowPolicy(), settings.blockTimeout(), settings.backoff());
        List<AsyncDispatcher> started = new ArrayList<>(writers);
        for (int i = 0; i < writers; i++) {
            started.add(new AsyncDispatcher(sink, each, monitor, "auditrail-writer-" + sink.name() + "-" + (i + 1)));
        }
        this.writers = List.copyOf(started);
    }

    @Override
    public void dispatch(AuditEvent event) {
        writers.get(writerOf(event)).dispatch(event);
    }

    private int writerOf(AuditEvent event) {
        String organization = event.organizationId();
        return organization == null ? 0 : Math.floorMod(organization.hashCode(), writers.size());
    }

    /** Sums the writers' queues. */
    @Override
    public int queueDepth() {
        return writers.stream().mapToInt(AsyncDispatcher::queueDepth).sum();
    }

    /**
     * Closes every writer at once, so each drains for the whole timeout.
     *
     * @param timeout how long to keep delivering
     * @return what the writers together did and did not deliver
     */
    @Override
    public DrainResult close(Duration timeout) {
        List<CompletableFuture<DrainResult>> closing = new ArrayList<>(writers.size());
        for (AsyncDispatcher writer : writers) {
            closing.add(CompletableFuture.supplyAsync(() -> writer.close(timeout),
                    task -> new Thread(task, "auditrail-writer-close").start()));
        }
        int delivered = 0;
        List<AuditEvent> undelivered = new ArrayList<>();
        for (CompletableFuture<DrainResult> one : closing) {
            DrainResult result = one.join();
            delivered += result.delivered();
            undelivered.addAll(result.undelivered());
        }
        return new DrainResult(delivered, undelivered);
    }
}
