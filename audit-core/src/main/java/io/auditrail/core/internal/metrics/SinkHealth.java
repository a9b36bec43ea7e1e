package io.auditrail.core.internal.metrics;

import io.auditrail.core.dispatch.AuditSinkDispatchers;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The audit sinks' health: down when a sink's latest write failed or its queue holds more than
 * the threshold, with each sink's state and backlog as details.
 *
 * @param up whether every sink is healthy
 * @param details per sink name: {@code status}, {@code mode}, {@code queued}, and after its first
 *        write {@code lastWrite} and, when it failed, {@code lastError}
 */
public record SinkHealth(boolean up, Map<String, Map<String, Object>> details) {

    /**
     * Reads the sinks' current health.
     *
     * @param tracker latest write results
     * @param dispatchers the sinks and their queues
     * @param maxQueueDepth backlog above which a sink is down
     * @return the health, details in sink order
     */
    public static SinkHealth of(SinkHealthTracker tracker, AuditSinkDispatchers dispatchers, int maxQueueDepth) {
        boolean up = true;
        Map<String, Map<String, Object>> details = new LinkedHashMap<>();
        for (AuditSinkDispatchers.SinkDispatch sink : dispatchers.sinks()) {
            SinkHealthTracker.SinkState state = tracker.state(sink.name());
            int depth = sink.queueDepth();
            boolean healthy = (state == null || state.healthy()) && depth <= maxQueueDepth;
            up &= healthy;
            Map<String, Object> sinkDetails = new LinkedHashMap<>();
            sinkDetails.put("status", healthy ? "UP" : "DOWN");
            sinkDetails.put("mode", sink.mode());
            sinkDetails.put("queued", depth);
            if (state != null) {
                sinkDetails.put("lastWrite", state.at().toString());
                if (state.error() != null) {
                    sinkDetails.put("lastError", state.error());
                }
            }
            details.put(sink.name(), sinkDetails);
        }
        return new SinkHealth(up, details);
    }
}
