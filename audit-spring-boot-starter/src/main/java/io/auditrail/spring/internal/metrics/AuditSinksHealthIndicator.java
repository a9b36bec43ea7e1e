package io.auditrail.spring.internal.metrics;

import io.auditrail.core.dispatch.AuditSinkDispatchers;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Down when a sink's latest write failed or its queue holds more than the threshold;
 * reports each sink's state and backlog.
 */
public final class AuditSinksHealthIndicator extends AbstractHealthIndicator {

    private final SinkHealthTracker tracker;
    private final AuditSinkDispatchers dispatchers;
    private final int maxQueueDepth;

    /**
     * Creates the indicator.
     *
     * @param tracker latest write results
     * @param dispatchers the sinks and their queues
     * @param maxQueueDepth backlog above which a sink is down
     */
    public AuditSinksHealthIndicator(SinkHealthTracker tracker, AuditSinkDispatchers dispatchers, int maxQueueDepth) {
        super("Audit sink health check failed");
        this.tracker = tracker;
        this.dispatchers = dispatchers;
        this.maxQueueDepth = maxQueueDepth;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean up = true;
        for (AuditSinkDispatchers.SinkDispatch sink : dispatchers.sinks()) {
            SinkHealthTracker.SinkState state = tracker.state(sink.name());
            int depth = sink.queueDepth();
            boolean healthy = (state == null || state.healthy()) && depth <= maxQueueDepth;
            up &= healthy;
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("status", healthy ? "UP" : "DOWN");
            details.put("mode", sink.mode());
            details.put("queued", depth);
            if (state != null) {
                details.put("lastWrite", state.at().toString());
                if (state.error() != null) {
                    details.put("lastError", state.error());
                }
            }
            builder.withDetail(sink.name(), details);
        }
        if (up) {
            builder.up();
        } else {
            builder.down();
        }
    }
}
