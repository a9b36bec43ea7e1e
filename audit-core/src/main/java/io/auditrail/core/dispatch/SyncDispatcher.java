package io.auditrail.core.dispatch;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.spi.AuditMonitor;
import io.auditrail.core.spi.AuditSink;
import java.time.Duration;
import java.util.List;

/**
 * Writes each event on the caller's thread; a sink failure reaches the caller. For tests
 * and simple set-ups, and the building block of transactional dispatch.
 */
public final class SyncDispatcher implements AuditDispatcher {

    private final AuditSink sink;
    private final AuditMonitor monitor;

    /**
     * Creates the dispatcher.
     *
     * @param sink where events go
     * @param monitor observes deliveries and failures
     */
    public SyncDispatcher(AuditSink sink, AuditMonitor monitor) {
        this.sink = sink;
        this.monitor = monitor;
    }

    @Override
    public void dispatch(AuditEvent event) {
        List<AuditEvent> batch = List.of(event);
        long start = System.nanoTime();
        try {
            sink.write(batch);
        } catch (RuntimeException e) {
            monitor.sinkFailed(sink.name(), batch, e, false);
            throw e;
        }
        monitor.delivered(sink.name(), batch, Duration.ofNanos(System.nanoTime() - start));
    }
}
