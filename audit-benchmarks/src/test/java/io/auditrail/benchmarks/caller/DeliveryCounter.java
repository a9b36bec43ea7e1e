package io.auditrail.benchmarks.caller;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.spi.AuditMonitor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what happened to the benchmark's events, so that a run reports how many were
 * dropped from a full queue or failed at capture instead of hiding it in a faster figure.
 */
class DeliveryCounter implements AuditMonitor {

    private final LongAdder delivered = new LongAdder();
    private final LongAdder droppedQueueFull = new LongAdder();
    private final LongAdder droppedOther = new LongAdder();
    private final LongAdder captureFailures = new LongAdder();
    private final LongAdder sinkFailures = new LongAdder();

    @Override
    public void delivered(String sink, List<AuditEvent> events, Duration latency) {
        delivered.add(events.size());
    }

    @Override
    public void sinkFailed(String sink, List<AuditEvent> events, Throwable error, boolean willRetry) {
        sinkFailures.add(events.size());
    }

    @Override
    public void dropped(String sink, AuditEvent event, String reason) {
        if ("queue-full".equals(reason)) {
            droppedQueueFull.increment();
        } else {
            droppedOther.increment();
        }
    }

    @Override
    public void captureFailed(String method, Throwable error) {
        captureFailures.increment();
    }

    DeliveryCount count() {
        return new DeliveryCount(delivered.sum(), droppedQueueFull.sum(), droppedOther.sum(), captureFailures.sum(),
                sinkFailures.sum());
    }
}
