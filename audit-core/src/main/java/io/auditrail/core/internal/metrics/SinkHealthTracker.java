package io.auditrail.core.internal.metrics;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.spi.AuditMonitor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Remembers each sink's latest write result for the health indicator.
 */
public final class SinkHealthTracker implements AuditMonitor {

    /**
     * Latest result of one sink.
     *
     * @param healthy whether the latest write succeeded
     * @param at when it happened
     * @param error the latest failure's description, or {@code null}
     */
    public record SinkState(boolean healthy, Instant at, @Nullable String error) {
    }

    private final Clock clock;
    private final Map<String, SinkState> states = new ConcurrentHashMap<>();

    /**
     * Creates the tracker.
     *
     * @param clock stamps results
     */
    public SinkHealthTracker(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void delivered(String sink, List<AuditEvent> events, Duration latency) {
        states.put(sink, new SinkState(true, clock.instant(), null));
    }

    @Override
    public void sinkFailed(String sink, List<AuditEvent> events, Throwable error, boolean willRetry) {
        states.put(sink, new SinkState(false, clock.instant(), error.toString()));
    }

    /**
     * The latest result of a sink.
     *
     * @param sink the sink's name
     * @return its state, or {@code null} before its first write
     */
    public @Nullable SinkState state(String sink) {
        return states.get(sink);
    }
}
