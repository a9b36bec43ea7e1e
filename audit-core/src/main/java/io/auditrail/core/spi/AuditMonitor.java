package io.auditrail.core.spi;

import io.auditrail.core.event.AuditEvent;
import java.time.Duration;
import java.util.List;

/**
 * Observes the audit pipeline, for metrics and health. Every method has a no-op default;
 * implementations must be fast and must not throw.
 */
public interface AuditMonitor {

    /** A monitor that ignores everything. */
    AuditMonitor NONE = new AuditMonitor() {
    };

    /**
     * A monitor that forwards every call to each of the given monitors in turn.
     *
     * @param monitors the monitors
     * @return the combined monitor
     */
    static AuditMonitor of(List<? extends AuditMonitor> monitors) {
        List<AuditMonitor> all = List.copyOf(monitors);
        if (all.isEmpty()) {
            return NONE;
        }
        if (all.size() == 1) {
            return all.get(0);
        }
        return new AuditMonitor() {
            @Override
            public void delivered(String sink, List<AuditEvent> events, Duration latency) {
                all.forEach(monitor -> monitor.delivered(sink, events, latency));
            }

            @Override
            public void sinkFailed(String sink, List<AuditEvent> events, Throwable error, boolean willRetry) {
                all.forEach(monitor -> monitor.sinkFailed(sink, events, error, willRetry));
            }

            @Override
            public void dropped(String sink, AuditEvent event, String reason) {
                // Called on the caller's thread for every event a full queue refuses: no iterator, no lambda.
                for (int i = 0; i < all.size(); i++) {
                    all.get(i).dropped(sink, event, reason);
                }
            }

            @Override
            public void captureFailed(String method, Throwable error) {
                all.forEach(monitor -> monitor.captureFailed(method, error));
            }

            @Override
            public void captureProblems(String method, List<String> problems) {
                all.forEach(monitor -> monitor.captureProblems(method, problems));
            }
        };
    }

    /**
     * A sink stored a batch.
     *
     * @param sink the sink's name
     * @param events the batch
     * @param latency how long the write took
     */
    default void delivered(String sink, List<AuditEvent> events, Duration latency) {
    }

    /**
     * A sink failed to store a batch.
     *
     * @param sink the sink's name
     * @param events the batch
     * @param error the failure
     * @param willRetry whether the batch will be tried again
     */
    default void sinkFailed(String sink, List<AuditEvent> events, Throwable error, boolean willRetry) {
    }

    /**
     * An event was given up: the queue was full under the drop policy, the sink refused
     * it for good, or it was still pending when the dispatcher closed.
     *
     * @param sink the sink's name
     * @param event the event
     * @param reason short reason code such as {@code "queue-full"}
     */
    default void dropped(String sink, AuditEvent event, String reason) {
    }

    /**
     * An audited call's event could not be built or handed over.
     *
     * @param method the audited method
     * @param error why
     */
    default void captureFailed(String method, Throwable error) {
    }

    /**
     * An audited call's event was recorded, but some of its values could not be resolved
     * (an expression threw, or a resource id was {@code null}); the event names them in its
     * {@code _auditrail.capture_problems} metadata entry.
     *
     * @param method the audited method
     * @param problems one line per unresolved value, naming the attribute, its source and why
     */
    default void captureProblems(String method, List<String> problems) {
    }
}
