package io.auditrail.micronaut.dispatch;

import io.auditrail.core.config.AuditrailSettings;
import io.auditrail.core.config.DispatchMode;
import io.auditrail.core.dispatch.AsyncDispatcher;
import io.auditrail.core.dispatch.AuditDispatcher;
import io.auditrail.core.dispatch.SyncDispatcher;
import io.auditrail.core.spi.AuditMonitor;
import io.auditrail.core.spi.AuditSink;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Chooses each sink's dispatcher: {@code auditrail.dispatch}, else transactional for a sink
 * that joins transactions (the JDBC store) and async for the others. Transactional dispatch
 * writes on the caller's thread; the transaction wrapper, when Micronaut has a transaction
 * manager, ties the write to the caller's transaction.
 */
public final class SinkDispatcherFactory {

    private final AuditrailSettings settings;
    private final AuditMonitor monitor;
    private final UnaryOperator<AuditDispatcher> transactions;

    /**
     * Creates the factory.
     *
     * @param settings {@code auditrail.*}
     * @param monitor observes deliveries and failures
     * @param transactions wraps a transaction-joining sink's dispatcher; identity without a transaction manager
     */
    public SinkDispatcherFactory(AuditrailSettings settings, AuditMonitor monitor,
            UnaryOperator<AuditDispatcher> transactions) {
        this.settings = settings;
        this.monitor = monitor;
        this.transactions = transactions;
    }

    /**
     * One dispatcher per sink, behind a fan-out.
     *
     * @param sinks the sinks, at least one
     * @return the fan-out
     * @throws IllegalStateException when there is no sink
     */
    public SinkDispatchers create(List<AuditSink> sinks) {
        if (sinks.isEmpty()) {
            throw new IllegalStateException("Auditrail has no sink: set auditrail.sink (jdbc, log, http) or define an "
                    + "AuditSink bean, or switch auditing off with auditrail.enabled=false");
        }
        List<AuditDispatcher> dispatchers = new ArrayList<>();
        for (AuditSink sink : sinks) {
            dispatchers.add(dispatcherFor(sink));
        }
        return new SinkDispatchers(dispatchers, settings.getAsync().getShutdownTimeout());
    }

    private AuditDispatcher dispatcherFor(AuditSink sink) {
        DispatchMode mode = settings.getDispatch() != null ? settings.getDispatch()
                : sink.joinsTransactions() ? DispatchMode.TRANSACTIONAL : DispatchMode.ASYNC;
        if (mode == DispatchMode.ASYNC) {
            return new AsyncDispatcher(sink, settings.getAsync().toAsyncSettings(), monitor);
        }
        SyncDispatcher direct = new SyncDispatcher(sink, monitor);
        return mode == DispatchMode.TRANSACTIONAL && sink.joinsTransactions() ? transactions.apply(direct) : direct;
    }
}
