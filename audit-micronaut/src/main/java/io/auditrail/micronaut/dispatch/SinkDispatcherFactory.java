package io.auditrail.micronaut.dispatch;

import io.auditrail.core.config.AuditrailSettings;
import io.auditrail.core.config.DispatchMode;
import io.auditrail.core.dispatch.AsyncDispatcher;
import io.auditrail.core.dispatch.AuditDispatcher;
import io.auditrail.core.dispatch.AuditSinkDispatchers;
import io.auditrail.core.dispatch.SyncDispatcher;
import io.auditrail.core.dispatch.outbox.Outbox;
import io.auditrail.core.dispatch.outbox.OutboxDispatcher;
import io.auditrail.core.spi.AuditMonitor;
import io.auditrail.core.spi.AuditSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Chooses each sink's dispatcher: {@code auditrail.dispatch}, else transactional for a sink
 * that joins transactions (the JDBC store) and async for the others. Transactional dispatch
 * writes on the caller's thread; outbox dispatch appends to the outbox on the caller's thread
 * for every sink but one that joins transactions, which stays transactional. The transaction
 * wrapper, when Micronaut has a transaction manager, ties both to the caller's transaction.
 */
public final class SinkDispatcherFactory {

    private final AuditrailSettings settings;
    private final AuditMonitor monitor;
    private final TransactionalDispatch transactions;
    private final Supplier<Optional<Outbox>> outbox;

    /**
     * Creates the factory.
     *
     * @param settings {@code auditrail.*}
     * @param monitor observes deliveries and failures
     * @param transactions ties caller-thread writes to the caller's transaction; {@link TransactionalDispatch#NONE}
     *        without a transaction manager
     * @param outbox the outbox, looked up only when a sink uses outbox dispatch
     */
    public SinkDispatcherFactory(AuditrailSettings settings, AuditMonitor monitor, TransactionalDispatch transactions,
            Supplier<Optional<Outbox>> outbox) {
        this.settings = settings;
        this.monitor = monitor;
        this.transactions = transactions;
        this.outbox = outbox;
    }

    /**
     * One dispatcher per sink, behind a fan-out.
     *
     * @param sinks the sinks, at least one
     * @return the fan-out
     * @throws IllegalStateException when there is no sink, or outbox dispatch has no outbox
     */
    public AuditSinkDispatchers create(List<AuditSink> sinks) {
        if (sinks.isEmpty()) {
            throw new IllegalStateException("Auditrail has no sink: set auditrail.sink (jdbc, log, http, kafka) or "
                    + "define an AuditSink bean, or switch auditing off with auditrail.enabled=false");
        }
        List<AuditSinkDispatchers.SinkDispatch> dispatches = new ArrayList<>();
        for (AuditSink sink : sinks) {
            dispatches.add(dispatchFor(sink));
        }
        return new AuditSinkDispatchers(dispatches, settings.getAsync().getShutdownTimeout());
    }

    private AuditSinkDispatchers.SinkDispatch dispatchFor(AuditSink sink) {
        DispatchMode mode = settings.getDispatch() != null ? settings.getDispatch()
                : sink.joinsTransactions() ? DispatchMode.TRANSACTIONAL : DispatchMode.ASYNC;
        if (mode == DispatchMode.OUTBOX && sink.joinsTransactions()) {
            // A sink in the application's own database gains nothing from a relay.
            mode = DispatchMode.TRANSACTIONAL;
        }
        if (mode == DispatchMode.TRANSACTIONAL && !sink.joinsTransactions()) {
            mode = DispatchMode.SYNC;
        }
        AsyncDispatcher queue = mode == DispatchMode.ASYNC
                ? new AsyncDispatcher(sink, settings.getAsync().toAsyncSettings(), monitor) : null;
        AuditDispatcher dispatcher = switch (mode) {
            case ASYNC -> transactions.afterCompletion(queue, monitor);
            case OUTBOX -> transactions.wrapOutbox(new OutboxDispatcher(outbox(), sink.name()), monitor);
            case TRANSACTIONAL -> transactions.wrap(new SyncDispatcher(sink, monitor), monitor);
            case SYNC -> transactions.afterCompletion(new SyncDispatcher(sink, monitor), monitor);
        };
        return new AuditSinkDispatchers.SinkDispatch(sink.name(), mode.name().toLowerCase(Locale.ROOT), dispatcher, queue);
    }

    private Outbox outbox() {
        return outbox.get().orElseThrow(() -> new IllegalStateException("auditrail.dispatch is outbox but there is no "
                + "audit outbox: add audit-jdbc-store and a DataSource, or define an Outbox bean"));
    }
}
