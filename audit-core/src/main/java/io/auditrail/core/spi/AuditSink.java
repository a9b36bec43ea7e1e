package io.auditrail.core.spi;

import io.auditrail.core.event.AuditEvent;
import java.util.List;

/**
 * Where events go: a database table, a remote API, a log, a broker.
 *
 * <p>A sink receives whole batches and must treat each as one unit: either every event of
 * the batch is stored, or the call throws. Dispatchers retry a failed batch with the same
 * event ids, so a sink must be idempotent by {@link AuditEvent#id()}. audit-core's test-jar
 * holds the contract test every sink runs ({@code io.auditrail.core.sink.contract}).
 */
public interface AuditSink {

    /**
     * Stores a batch of events.
     *
     * @param events the events, oldest first; an empty list is a no-op
     * @throws AuditSinkException when the batch was not stored; {@link AuditSinkException#isRetryable()}
     *         tells whether trying again can help. Any other runtime exception counts as retryable.
     */
    void write(List<AuditEvent> events);

    /**
     * Whether {@link #write(List)} joins the caller's database transaction when one is
     * active, so that an event commits or rolls back with the business change. Framework
     * adapters use this to choose transactional dispatch.
     *
     * @return {@code true} for sinks writing through the application's transactional
     *         connection, such as the JDBC store
     */
    default boolean joinsTransactions() {
        return false;
    }

    /**
     * Short name for logs, metrics and health, for example {@code "jdbc"}.
     *
     * @return the name
     */
    default String name() {
        return getClass().getSimpleName();
    }
}
