package io.auditrail.core.dispatch;

import io.auditrail.core.event.AuditEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Hands each event to every sink's own dispatcher, so a slow or failing sink neither
 * delays nor duplicates writes to the others. The first failure is rethrown after every
 * sink has been tried, for the failure policy to judge. Closing drains every sink.
 */
public final class AuditSinkDispatchers implements AuditDispatcher {

    /**
     * One sink and how it is reached.
     *
     * @param name the sink's name
     * @param mode description of the dispatch, for logs and health details
     * @param dispatcher the sink's dispatcher, already transaction-aware where needed
     * @param queue the asynchronous dispatcher underneath, for its depth only, or {@code null}
     */
    public record SinkDispatch(String name, String mode, AuditDispatcher dispatcher, QueuingDispatcher queue) {

        /** Checks the required parts. */
        public SinkDispatch {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(dispatcher, "dispatcher");
        }

        /**
         * Events waiting in this sink's queue.
         *
         * @return the depth, 0 without a queue
         */
        public int queueDepth() {
            return queue == null ? 0 : queue.queueDepth();
        }
    }

    private final List<SinkDispatch> sinks;
    private final Duration shutdownTimeout;

    /**
     * Creates the fan-out.
     *
     * @param sinks one entry per sink
     * @param shutdownTimeout how long {@link #close()} keeps delivering
     */
    public AuditSinkDispatchers(List<SinkDispatch> sinks, Duration shutdownTimeout) {
        this.sinks = List.copyOf(sinks);
        this.shutdownTimeout = Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
    }

    /**
     * The sinks, in configuration order.
     *
     * @return every sink and its dispatcher
     */
    public List<SinkDispatch> sinks() {
        return sinks;
    }

    @Override
    public void dispatch(AuditEvent event) {
        RuntimeException first = null;
        // Indexed: the caller's thread runs this for every event, and an iterator is an allocation.
        for (int i = 0; i < sinks.size(); i++) {
            try {
                sinks.get(i).dispatcher().dispatch(event);
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @Override
    public DrainResult close(Duration timeout) {
        int delivered = 0;
        List<AuditEvent> undelivered = new ArrayList<>();
        for (SinkDispatch sink : sinks) {
            DrainResult result = sink.dispatcher().close(timeout);
            delivered += result.delivered();
            undelivered.addAll(result.undelivered());
        }
        return new DrainResult(delivered, undelivered);
    }

    @Override
    public void close() {
        close(shutdownTimeout);
    }
}
