package io.auditrail.core.internal.wiring;

import io.auditrail.core.config.DispatchMode;
import io.auditrail.core.dispatch.AuditDispatcher;
import io.auditrail.core.dispatch.QueuingDispatcher;
import io.auditrail.core.spi.AuditSink;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One sink's dispatch as {@link DispatchPlan} chose it, before the framework ties it to the
 * caller's transaction.
 *
 * @param sink the sink
 * @param mode the effective mode, never {@code null}
 * @param dispatcher the queue, the outbox dispatcher or a synchronous writer
 * @param queue the queue when the mode is {@link DispatchMode#ASYNC}, else {@code null}; read only for
 *        its depth, since closing goes through the dispatcher
 */
public record PlannedDispatch(AuditSink sink, DispatchMode mode, AuditDispatcher dispatcher, @Nullable QueuingDispatcher queue) {

    /** Checks the required parts. */
    public PlannedDispatch {
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(dispatcher, "dispatcher");
    }

    /**
     * Whether the write belongs inside the caller's transaction: the sink's own table or the outbox.
     *
     * @return {@code true} for transactional and outbox dispatch
     */
    public boolean inCallerTransaction() {
        return mode == DispatchMode.TRANSACTIONAL || mode == DispatchMode.OUTBOX;
    }

    /**
     * The mode as configured, for logs and health details.
     *
     * @return such as {@code "async"}
     */
    public String modeName() {
        return mode.name().toLowerCase(Locale.ROOT);
    }
}
