package io.auditrail.spring.internal.streams;

import io.auditrail.core.stream.StreamMonitor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes stream delivery to Micrometer, tagged by {@code organization} and {@code stream}:
 * <ul>
 *   <li>{@code auditrail.streams.delivered} — events the destination accepted;</li>
 *   <li>{@code auditrail.streams.failed} — events in batches refused for good and skipped;</li>
 *   <li>{@code auditrail.streams.attempts.failed} (also {@code status}) — attempts that will be retried, or
 *       that paused the stream (401, 403); status 0 when no answer came;</li>
 *   <li>{@code auditrail.streams.lag} — age of the oldest event not yet delivered, as of the last read.</li>
 * </ul>
 */
public final class MicrometerStreamMonitor implements StreamMonitor {

    private final MeterRegistry registry;
    private final Map<String, Meters> meters = new ConcurrentHashMap<>();

    /**
     * Creates the monitor.
     *
     * @param registry where meters are registered
     */
    public MicrometerStreamMonitor(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Looked up once per stream: the deliverers call on every batch. */
    private record Meters(Tags tags, Counter delivered, Counter failed, AtomicLong lagMillis) {
    }

    @Override
    public void delivered(String organizationId, String streamId, int events) {
        meters(organizationId, streamId).delivered().increment(events);
    }

    @Override
    public void failed(String organizationId, String streamId, int events) {
        meters(organizationId, streamId).failed().increment(events);
    }

    @Override
    public void attemptFailed(String organizationId, String streamId, int status) {
        Counter.builder("auditrail.streams.attempts.failed").tags(meters(organizationId, streamId).tags())
                .tag("status", Integer.toString(status))
                .description("Delivery attempts that failed and will be retried, or paused the stream")
                .register(registry).increment();
    }

    @Override
    public void lag(String organizationId, String streamId, Duration lag) {
        meters(organizationId, streamId).lagMillis().set(lag.toMillis());
    }

    private Meters meters(String organizationId, String streamId) {
        return meters.computeIfAbsent(organizationId + '\n' + streamId, key -> {
            Tags tags = Tags.of("organization", organizationId, "stream", streamId);
            AtomicLong lag = new AtomicLong();
            TimeGauge.builder("auditrail.streams.lag", lag, TimeUnit.MILLISECONDS, AtomicLong::doubleValue).tags(tags)
                    .description("Age of the oldest event the stream has not delivered yet").register(registry);
            return new Meters(tags,
                    Counter.builder("auditrail.streams.delivered").tags(tags)
                            .description("Events the stream's destination accepted").register(registry),
                    Counter.builder("auditrail.streams.failed").tags(tags)
                            .description("Events in batches the destination refused for good, skipped").register(registry),
                    lag);
        });
    }
}
