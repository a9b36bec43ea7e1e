package io.auditrail.server.support;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.spi.AuditMonitor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts what the dispatcher reports, for assertions. */
public final class RecordingMonitor implements AuditMonitor {

    /** Events delivered. */
    public final AtomicInteger delivered = new AtomicInteger();
    /** Failed attempts that will be retried, counted per event. */
    public final AtomicInteger retried = new AtomicInteger();
    /** Failures, in order. */
    public final List<Throwable> failures = new CopyOnWriteArrayList<>();
    /** Reasons of dropped events, in order. */
    public final List<String> dropped = new CopyOnWriteArrayList<>();

    @Override
    public void delivered(String sink, List<AuditEvent> events, Duration latency) {
        delivered.addAndGet(events.size());
    }

    @Override
    public void sinkFailed(String sink, List<AuditEvent> events, Throwable error, boolean willRetry) {
        failures.add(error);
        if (willRetry) {
            retried.addAndGet(events.size());
        }
    }

    @Override
    public void dropped(String sink, AuditEvent event, String reason) {
        dropped.add(reason);
    }
}
