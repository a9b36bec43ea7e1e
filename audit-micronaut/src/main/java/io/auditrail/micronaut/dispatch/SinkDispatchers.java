package io.auditrail.micronaut.dispatch;

import io.auditrail.core.dispatch.AuditDispatcher;
import io.auditrail.core.dispatch.DrainResult;
import io.auditrail.core.event.AuditEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands each event to every sink's own dispatcher, so a slow or failing sink neither delays
 * nor duplicates writes to the others; the first failure is rethrown after every sink was
 * tried, for the failure policy to judge. Drained on shutdown.
 */
public final class SinkDispatchers implements AuditDispatcher {

    private final List<AuditDispatcher> dispatchers;
    private final Duration shutdownTimeout;

    /**
     * Creates the fan-out.
     *
     * @param dispatchers one per sink
     * @param shutdownTimeout how long {@link #close()} keeps delivering
     */
    public SinkDispatchers(List<AuditDispatcher> dispatchers, Duration shutdownTimeout) {
        this.dispatchers = List.copyOf(dispatchers);
        this.shutdownTimeout = shutdownTimeout;
    }

    @Override
    public void dispatch(AuditEvent event) {
        RuntimeException first = null;
        for (AuditDispatcher dispatcher : dispatchers) {
            try {
                dispatcher.dispatch(event);
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
        for (AuditDispatcher dispatcher : dispatchers) {
            DrainResult result = dispatcher.close(timeout);
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
